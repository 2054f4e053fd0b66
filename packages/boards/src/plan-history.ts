import { readAgencies, readTask, tasksMap, type Task, type TaskId } from '@planboard/model';
import type * as Y from 'yjs';
import {
	replayHistory,
	type DocumentHistory,
	type HistoryOptions,
	type HistoryReader
} from './history.js';

/**
 * What one plan change did to one task. The field kinds carry the plain values of the task
 * reader (agency lists as display names); the others name the event:
 * - 'task': added (`before` null) with `after` { number, title, splitFrom };
 * - 'deleted' / 'restored'; 'merged' on the absorbed task, `after` the kept task { id, number };
 * - 'absorbed' on the kept task and 'split' on the original, `after` the other task
 *   { id, number, title };
 * - 'handover': one lead replaced by another, `before`/`after` the two agencies' names.
 */
export type TaskChangeKind =
	| 'task'
	| 'title'
	| 'content'
	| 'timeframe'
	| 'due'
	| 'lead'
	| 'coordinating'
	| 'section'
	| 'deleted'
	| 'restored'
	| 'merged'
	| 'absorbed'
	| 'split'
	| 'handover';

const KIND_ORDER: readonly TaskChangeKind[] = [
	'task',
	'title',
	'content',
	'timeframe',
	'due',
	'lead',
	'coordinating',
	'section',
	'deleted',
	'restored',
	'merged',
	'absorbed',
	'split',
	'handover'
];

export interface TaskChange {
	kind: TaskChangeKind;
	taskId: string;
	before?: unknown;
	after?: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const ref = (t: Task) => ({ id: t.id, number: t.number, title: t.title });

/**
 * The changes between two readings of one task, including those it caused on related tasks
 * (a split's original, a merge's kept task). `name` turns an agency id into its display name.
 */
export function taskChanges(
	before: Task | null,
	after: Task | null,
	name: (agencyId: string) => string = (id) => id
): TaskChange[] {
	if (after === null) {
		return before ? [{ kind: 'task', taskId: before.id, before: ref(before), after: null }] : [];
	}
	const taskId = after.id;
	if (before === null) {
		const out: TaskChange[] = [
			{
				kind: 'task',
				taskId,
				before: null,
				after: { number: after.number, title: after.title, splitFrom: after.splitFrom ?? null }
			}
		];
		if (after.splitFrom) out.push({ kind: 'split', taskId: after.splitFrom, after: ref(after) });
		return out;
	}
	const out: TaskChange[] = [];
	for (const kind of ['title', 'content', 'timeframe', 'due'] as const) {
		if (!same(before[kind], after[kind]))
			out.push({ kind, taskId, before: before[kind], after: after[kind] });
	}
	const removed = before.lead.filter((a) => !after.lead.includes(a));
	const added = after.lead.filter((a) => !before.lead.includes(a));
	if (removed.length === 1 && added.length === 1) {
		out.push({ kind: 'handover', taskId, before: name(removed[0]), after: name(added[0]) });
	} else if (!same(before.lead, after.lead)) {
		out.push({ kind: 'lead', taskId, before: before.lead.map(name), after: after.lead.map(name) });
	}
	if (!same(before.coordinating, after.coordinating)) {
		out.push({
			kind: 'coordinating',
			taskId,
			before: before.coordinating.map(name),
			after: after.coordinating.map(name)
		});
	}
	if (before.sectionId !== after.sectionId)
		out.push({ kind: 'section', taskId, before: before.sectionId, after: after.sectionId });
	const into = after.deleted?.mergedInto ?? null;
	if (!before.deleted && after.deleted) {
		if (into) {
			out.push({ kind: 'merged', taskId, after: { id: into } });
			out.push({ kind: 'absorbed', taskId: into, after: ref(after) });
		} else out.push({ kind: 'deleted', taskId });
	} else if (before.deleted && !after.deleted) out.push({ kind: 'restored', taskId });
	return out;
}

/**
 * The plan document's changes to one task, who made them and when, newest first, from the
 * stored update log (`replayHistory`, the one replay cards use too). A split shows on the
 * original and a merge on both tasks; a merged-into task's number is filled in from the plan.
 */
export async function taskHistory(
	reader: HistoryReader,
	planDocument: string,
	options: Omit<HistoryOptions, 'cardId'> & { taskId: string }
): Promise<DocumentHistory<TaskChange>> {
	const nameIn = (doc: Y.Doc) => {
		let map: Map<string, string> | null = null;
		return (id: string) =>
			(map ??= new Map(readAgencies(doc).map((a) => [a.id as string, a.shortName || a.name]))).get(
				id
			) ?? id;
	};
	const history = await replayHistory(reader, planDocument, options, {
		root: tasksMap as (doc: Y.Doc) => Y.Map<unknown>,
		changes: (key, before, after) => {
			const changes = taskChanges(
				readTask(before, key as TaskId),
				readTask(after, key as TaskId),
				nameIn(after)
			).filter((c) => c.taskId === options.taskId);
			for (const c of changes) {
				if (c.kind !== 'merged') continue;
				const into = readTask(after, (c.after as { id: string }).id as TaskId);
				if (into) c.after = ref(into);
			}
			return changes;
		}
	});
	// One entry gathers changes reported under several tasks' keys (a split under the new task's
	// random id): listed in the kinds' order, so an entry reads the same on every load.
	for (const entry of history.entries) {
		entry.changes.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
	}
	return history;
}

import {
	agencyDocName,
	planDocName,
	readTask,
	tasksMap,
	type Task,
	type TaskId
} from '@planboard/model';
import * as Y from 'yjs';
import type { DocumentEntry } from './document-store.js';
import { documentHistory, type HistoryEntry, type HistoryReader } from './history.js';
import { docFromStored } from './stored.js';

/** What a plan change touched on a task; card changes use history.ts's ChangeKind. */
export type PlanField =
	| 'task'
	| 'title'
	| 'content'
	| 'timeframe'
	| 'due'
	| 'lead'
	| 'coordinating'
	| 'section'
	| 'deleted';

/**
 * One change made during a meeting, read from the stored, attributed history: on the plan
 * (`agencyId` null) or on an agency's card (`agencyId` set). `before`/`after` are plain values
 * as the readers give them; for `field: 'task'`, null before means the task was added.
 */
export interface MeetingChange {
	/** Epoch milliseconds the store wrote the (last coalesced) update. */
	at: number;
	author: HistoryEntry['author'];
	agencyId: string | null;
	taskId: string;
	field: string;
	before: unknown;
	after: unknown;
}

const PAGE = 500;

async function allRows(
	reader: HistoryReader,
	document: string,
	from: Date,
	to: Date
): Promise<DocumentEntry[]> {
	const pages: DocumentEntry[][] = [];
	let beforeSeq: number | undefined;
	for (;;) {
		const rows = await reader.documents.history({ document, limit: PAGE, from, to, beforeSeq });
		if (rows.length === 0) break;
		pages.unshift(rows);
		if (rows.length < PAGE) break;
		beforeSeq = rows[0].seq;
	}
	return pages.flat();
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const FIELDS: readonly (keyof Task & PlanField)[] = [
	'title',
	'content',
	'timeframe',
	'due',
	'lead',
	'coordinating'
];

function taskChanges(before: Task | null, after: Task | null): [PlanField, unknown, unknown][] {
	if (before === null && after === null) return [];
	if (before === null || after === null) {
		const plain = (t: Task | null) =>
			t && { number: t.number, title: t.title, lead: t.lead, due: t.due, sectionId: t.sectionId };
		return [['task', plain(before), plain(after)]];
	}
	const out: [PlanField, unknown, unknown][] = [];
	for (const f of FIELDS) if (!same(before[f], after[f])) out.push([f, before[f], after[f]]);
	if (before.sectionId !== after.sectionId)
		out.push(['section', before.sectionId, after.sectionId]);
	const deleted = (t: Task) => (t.deleted ? { mergedInto: t.deleted.mergedInto } : null);
	if (!same(deleted(before), deleted(after)))
		out.push(['deleted', deleted(before), deleted(after)]);
	return out;
}

/**
 * The plan document's task changes over a range, replayed one stored update at a time (as
 * `documentHistory` does for cards): the tasks each update touched are read before and after it.
 */
async function planChanges(
	reader: HistoryReader,
	planId: string,
	from: Date,
	to: Date
): Promise<MeetingChange[]> {
	const name = planDocName(planId);
	const rows = await allRows(reader, name, from, to);
	if (rows.length === 0) return [];
	const start = await reader.documents.loadStateAt({ document: name, seq: rows[0].seq - 1 });
	const before = docFromStored(start, name);
	const after = new Y.Doc();
	Y.applyUpdate(after, Y.encodeStateAsUpdate(before));
	const touched = new Set<string>();
	tasksMap(after).observeDeep((events) => {
		for (const event of events) {
			if (event.path.length > 0) touched.add(String(event.path[0]));
			else for (const key of event.changes.keys.keys()) touched.add(key);
		}
	});
	const out: MeetingChange[] = [];
	for (const row of rows) {
		touched.clear();
		Y.applyUpdate(after, row.update);
		for (const taskId of [...touched].sort()) {
			const id = taskId as TaskId;
			for (const [field, b, a] of taskChanges(readTask(before, id), readTask(after, id))) {
				out.push({
					at: row.time.getTime(),
					author: authorOf(reader, row.author),
					agencyId: null,
					taskId,
					field,
					before: b,
					after: a
				});
			}
		}
		Y.applyUpdate(before, row.update);
	}
	before.destroy();
	after.destroy();
	return out;
}

function authorOf(reader: HistoryReader, id: string | null): HistoryEntry['author'] {
	return id === null ? null : { id, displayName: reader.users.get(id)?.displayName ?? id };
}

async function cardChanges(
	reader: HistoryReader,
	planId: string,
	agencyId: string,
	from: Date,
	to: Date
): Promise<MeetingChange[]> {
	const document = agencyDocName({ planId, agencyId });
	const entries: HistoryEntry[] = [];
	let beforeSeq: number | undefined;
	for (;;) {
		const page = await documentHistory(reader, document, { from, to, limit: PAGE, beforeSeq });
		entries.push(...page.entries);
		if (page.nextBeforeSeq === null) break;
		beforeSeq = page.nextBeforeSeq;
	}
	return entries.reverse().flatMap((e) =>
		e.changes.map((c) => ({
			at: Date.parse(e.time),
			author: e.author,
			agencyId,
			taskId: c.cardId,
			field: c.kind,
			before: c.before ?? null,
			after: c.after ?? null
		}))
	);
}

/**
 * Runs of one person's changes to one field (typing a title keystroke by keystroke, dragging a
 * progress bar) become one change, from the first value to the last, unless someone else
 * changed that field in between. Progress entries added ('updates') are concatenated.
 */
export function coalesceChanges(changes: readonly MeetingChange[]): MeetingChange[] {
	const out: MeetingChange[] = [];
	const last = new Map<string, number>();
	for (const c of changes) {
		const key = `${c.agencyId ?? ''}\u0000${c.taskId}\u0000${c.field}`;
		const i = last.get(key);
		const prev = i === undefined ? undefined : out[i];
		if (prev && prev.author?.id === c.author?.id && c.field !== 'task') {
			prev.at = c.at;
			prev.after =
				c.field === 'updates' && Array.isArray(prev.after) && Array.isArray(c.after)
					? [...(prev.after as unknown[]), ...(c.after as unknown[])]
					: c.after;
			continue;
		}
		last.set(key, out.length);
		out.push({ ...c });
	}
	// A run that ends where it began changed nothing.
	return out.filter((c) => c.field === 'updates' || !same(c.before, c.after));
}

/**
 * Every change made to a board between `from` and `to`, plan and cards, oldest first, read from
 * the stored history (who, when, before and after): a meeting's running record, never a second
 * log. `agencyIds` are the agency documents to read (groups have none).
 */
export async function meetingChanges(
	reader: HistoryReader,
	options: { planId: string; agencyIds: readonly string[]; from: Date; to: Date }
): Promise<MeetingChange[]> {
	const { planId, from, to } = options;
	const all = [...(await planChanges(reader, planId, from, to))];
	for (const agencyId of options.agencyIds)
		all.push(...(await cardChanges(reader, planId, agencyId, from, to)));
	// Stable: a plan change and the card change of the same update keep their order.
	all.sort((a, b) => a.at - b.at);
	return coalesceChanges(all);
}

import * as Y from 'yjs';
import { newIdList, readIdList, writeIdList } from './id-list.js';
import { isId, type AgencyId, type TaskId } from './ids.js';
import { isInstant, reportMalformed, stringList, typeOf } from './malformed.js';
import { ROOT, assertKind, type WriteContext } from './meta.js';
import { compareOrdered } from './order.js';
import { replaceText } from './text-diff.js';
import { isIsoDate } from './timeliness.js';

/**
 * 'task': an item of section II with lead and coordinating agencies.
 * 'duty': a bullet group of section III ("Tổ chức thực hiện") assigned to one or more agencies.
 */
export type TaskKind = 'task' | 'duty';

/** A task of the plan as read from the plan document; `content` is the Y.Text as a string. */
export interface Task {
	id: TaskId;
	/** Numbering as printed, e.g. 'II.6.2' or 'III.3'. */
	number: string;
	sectionId: string;
	title: string;
	content: string;
	/** Free text from the plan, e.g. 'Cả năm 2024'. */
	timeframe: string;
	/** 'YYYY-MM-DD' or null when the plan gives no date (timeliness is then on track). */
	due: string | null;
	lead: AgencyId[];
	coordinating: AgencyId[];
	kind: TaskKind;
	/** For duties, the bullet items; empty for tasks. */
	items: string[];
	/**
	 * Set when a coordinator deleted the task. A deleted task is never removed from the
	 * document: old reports and its cards still name it (see plan-edit.ts). Absent on a task
	 * built outside a document.
	 */
	deleted?: TaskDeletion | null;
	/** The task this one was split from, or null. */
	splitFrom?: TaskId | null;
}

/** Who deleted a task and when; `mergedInto` when it was merged into another task. */
export interface TaskDeletion {
	at: number;
	by: string | null;
	mergedInto: TaskId | null;
}

export type TaskInput = Omit<
	Task,
	'timeframe' | 'due' | 'coordinating' | 'items' | 'deleted' | 'splitFrom'
> & {
	timeframe?: string;
	due?: string | null;
	coordinating?: AgencyId[];
	items?: string[];
};

/**
 * Each task is a Y.Map so coordinators editing different fields concurrently both win; the
 * content is a Y.Text so concurrent edits merge character by character.
 */
export function tasksMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap<Y.Map<unknown>>(ROOT.tasks);
}

function checkDue(due: string | null): void {
	if (due !== null && !isIsoDate(due)) throw new RangeError(`Due date must be YYYY-MM-DD or null`);
}

export function writeTask(doc: Y.Doc, input: TaskInput, order: string): void {
	checkDue(input.due ?? null);
	const m = new Y.Map<unknown>();
	const entries: [string, unknown][] = [
		['id', input.id],
		['number', input.number],
		['sectionId', input.sectionId],
		['title', new Y.Text(input.title)],
		['content', new Y.Text(input.content)],
		['timeframe', input.timeframe ?? ''],
		['due', input.due ?? null],
		['lead', newIdList(input.lead)],
		['coordinating', newIdList(input.coordinating ?? [])],
		['kind', input.kind],
		['items', [...(input.items ?? [])]],
		['order', order]
	];
	for (const [k, v] of entries) m.set(k, v);
	tasksMap(doc).set(input.id, m);
}

function readTaskMap(doc: Y.Doc, id: string, m: Y.Map<unknown>): Task & { order: string } {
	const str = (k: string) => (typeof m.get(k) === 'string' ? (m.get(k) as string) : '');
	const list = <T extends string>(k: string, read = stringList): T[] => {
		const v = m.get(k);
		const strings = read(v);
		if (strings === null && v !== undefined) {
			reportMalformed(doc, `${ROOT.tasks}/${id}/${k}`, `not a list of strings: ${typeOf(v)}`);
		}
		return (strings ?? []) as T[];
	};
	const content = m.get('content');
	const due = m.get('due');
	if (content !== undefined && !(content instanceof Y.Text)) {
		reportMalformed(doc, `${ROOT.tasks}/${id}/content`, `not a Y.Text: ${typeOf(content)}`);
	}
	// A Y.Text since schema version 2; a plain string in documents not migrated yet.
	const title = m.get('title');
	const deletedAt = m.get('deletedAt');
	const deletedBy = m.get('deletedBy');
	const mergedInto = m.get('mergedInto');
	const splitFrom = m.get('splitFrom');
	return {
		id: id as TaskId,
		number: str('number'),
		sectionId: str('sectionId'),
		title: title instanceof Y.Text ? title.toString() : typeof title === 'string' ? title : '',
		content: content instanceof Y.Text ? content.toString() : '',
		timeframe: str('timeframe'),
		due: typeof due === 'string' && isIsoDate(due) ? due : null,
		// Y.Arrays since schema version 3; plain arrays in documents not migrated yet.
		lead: list<AgencyId>('lead', readIdList),
		coordinating: list<AgencyId>('coordinating', readIdList),
		kind: m.get('kind') === 'duty' ? 'duty' : 'task',
		items: list<string>('items'),
		// Only when set, so a live task reads exactly as it did before plan editing existed.
		...(isInstant(deletedAt)
			? {
					deleted: {
						at: deletedAt,
						by: typeof deletedBy === 'string' ? deletedBy : null,
						mergedInto: typeof mergedInto === 'string' ? (mergedInto as TaskId) : null
					}
				}
			: {}),
		...(typeof splitFrom === 'string' ? { splitFrom: splitFrom as TaskId } : {}),
		order: str('order')
	};
}

/** In plan order. */
export function readTasks(doc: Y.Doc): Task[] {
	return taskEntries(doc)
		.map(([id, m]) => readTaskMap(doc, id, m))
		.sort(compareOrdered)
		.map(({ order: _order, ...task }) => task);
}

export function readTask(doc: Y.Doc, taskId: TaskId): Task | null {
	const m: unknown = tasksMap(doc).get(taskId);
	if (!(m instanceof Y.Map)) {
		if (m !== undefined)
			reportMalformed(doc, `${ROOT.tasks}/${taskId}`, `not a Y.Map: ${typeOf(m)}`);
		return null;
	}
	const { order: _order, ...task } = readTaskMap(doc, taskId, m);
	return task;
}

/** The task maps of the document; an entry that is not a Y.Map is reported and skipped. */
function taskEntries(doc: Y.Doc): [string, Y.Map<unknown>][] {
	const out: [string, Y.Map<unknown>][] = [];
	for (const [id, m] of tasksMap(doc).entries() as IterableIterator<[string, unknown]>) {
		if (!isId(id)) reportMalformed(doc, `${ROOT.tasks}/${id}`, 'not a task id');
		else if (m instanceof Y.Map) out.push([id, m]);
		else reportMalformed(doc, `${ROOT.tasks}/${id}`, `not a Y.Map: ${typeOf(m)}`);
	}
	return out;
}

export function taskMap(doc: Y.Doc, taskId: TaskId): Y.Map<unknown> {
	const m: unknown = tasksMap(doc).get(taskId);
	if (!(m instanceof Y.Map)) throw new Error(`No task ${taskId} in this plan`);
	return m;
}

/**
 * The task's title for an editor binding. Throws on a title that is still a plain string: the
 * server migrates every document to schema version 2 (title as Y.Text) when it loads it.
 */
export function taskTitleText(doc: Y.Doc, taskId: TaskId): Y.Text {
	const t = taskMap(doc, taskId).get('title');
	if (!(t instanceof Y.Text)) throw new Error(`Task ${taskId} has no title text`);
	return t;
}

/** The task's content for an editor binding. */
export function taskContentText(doc: Y.Doc, taskId: TaskId): Y.Text {
	const t = taskMap(doc, taskId).get('content');
	if (!(t instanceof Y.Text)) throw new Error(`Task ${taskId} has no content text`);
	return t;
}

export interface UpdateTaskOptions extends WriteContext {
	taskId: TaskId;
	title?: string;
	due?: string | null;
	timeframe?: string;
	lead?: AgencyId[];
	coordinating?: AgencyId[];
	items?: string[];
}

/**
 * Coordinators only. Sets the given fields, each last-writer-wins except the agency lists, which
 * merge (id-list.ts). Changing `lead` does not
 * create or remove cards: agency documents are separate and the caller decides the fan-out.
 */
export function updateTask(doc: Y.Doc, options: UpdateTaskOptions & { origin?: unknown }): void {
	assertKind(doc, 'plan');
	const { taskId, by, at } = options;
	if (options.due !== undefined) checkDue(options.due);
	const m = taskMap(doc, taskId);
	doc.transact(() => {
		if (options.title !== undefined) {
			const title = m.get('title');
			if (title instanceof Y.Text) replaceText(title, options.title);
			else m.set('title', new Y.Text(options.title));
		}
		if (options.due !== undefined) m.set('due', options.due);
		if (options.timeframe !== undefined) m.set('timeframe', options.timeframe);
		// Only the difference from what this replica sees, so concurrent edits of a list merge.
		if (options.lead !== undefined) writeIdList(m, 'lead', options.lead);
		if (options.coordinating !== undefined) writeIdList(m, 'coordinating', options.coordinating);
		if (options.items !== undefined) m.set('items', [...options.items]);
		m.set('updatedAt', at ?? Date.now());
		m.set('updatedBy', by ?? null);
	}, options.origin ?? null);
}

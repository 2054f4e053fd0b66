/**
 * Plan editing by coordinators, live and concurrent. The hard cases, and how they merge:
 *
 * - **Text.** A task's title and content are Y.Texts (schema version 2 migrated plain string
 *   titles), so two people typing in the same title keep both their characters. Whole-value
 *   writes (`updateTask({ title })`) go through the minimal diff, never a replacement.
 * - **Fields.** A task is a Y.Map: one person moving the due date while another edits the title
 *   or the leads both win. The same field written twice concurrently (two due dates, two
 *   timeframes) is last-writer-wins, identical on every replica. Lead and coordinating lists
 *   are Y.Arrays (schema version 3, id-list.ts) written by difference: two coordinators adding
 *   different agencies at once keep both, a removal removes only what its writer saw.
 * - **Order.** Tasks and sections carry fractional-index keys (order.ts); a move rewrites the
 *   key, so concurrent moves can neither duplicate nor lose an item. Tasks are ordered within
 *   their section; sections among siblings of the same parent.
 * - **Delete.** A deleted task is marked (`deletedAt`, `deletedBy`), never removed: reports of
 *   earlier periods and the cards of its agencies still read it, and the cards show that it was
 *   deleted. An edit made concurrently to a deleted task is kept on it. `restoreTask` undoes it.
 * - **Split.** The new task is placed right after the original with the same section, agencies,
 *   timeframe and due date, and takes the content from the split offset on; the original keeps
 *   the part before it. Text typed concurrently inside the moved tail stays in the original's
 *   content (the moved range was deleted there, the insertion was not): it is kept, never lost.
 * - **Merge.** The absorbed task's content is appended to the kept one, agencies are united, and
 *   the absorbed task is marked deleted with `mergedInto`. Edits made to the absorbed task
 *   concurrently stay on it (readable in its history), not copied.
 * - **New tasks and cards.** `addTask` records its leads in `assignments` (a Y.Array per
 *   agency, so two tasks added for the same agency at the same instant are both recorded); the
 *   caller creates the lead's card with `createLinkedCards` (plan-undo.ts) in that agency's
 *   document.
 * - **Lead changes.** `updateTask({ lead })` only edits the plan; replacing one lead by another
 *   is a handover (handover.ts), which also moves the card between agency documents and
 *   replaces the lead list whole, so of two concurrent handovers exactly one wins.
 * - **Undo.** Every operation takes an `origin`; `planUndoManager` tracks only that origin, so
 *   undo reverts one's own changes and never another person's, who writes under another
 *   origin (remote updates arrive with the provider as origin). Cards created with an added
 *   task are tied to its undo step (plan-undo.ts): undoing the addition leaves no open card.
 *   Known limit: a card somebody already wrote on is kept (nothing written is lost), and then
 *   stays in its lane as a card of a task the plan no longer has.
 */
import * as Y from 'yjs';
import { addAssignment } from './assignments.js';
import { newIdList, readIdList, writeIdList } from './id-list.js';
import { isId, newId, type AgencyId, type TaskId } from './ids.js';
import { ROOT, assertKind, type WriteContext } from './meta.js';
import { compareOrdered, keyAfterAll, placeAt, type Ordered } from './order.js';
import { linkCardsToUndo } from './plan-undo.js';
import { newSectionMap, sectionOrders, sectionsMap } from './section.js';
import { taskContentText, taskMap, tasksMap, type TaskKind } from './task.js';
import { isIsoDate } from './timeliness.js';

/** Who writes, when, and under which transaction origin (for per-user undo). */
export interface EditContext extends WriteContext {
	origin?: unknown;
}

function stamp(m: Y.Map<unknown>, ctx: EditContext): void {
	m.set('updatedAt', ctx.at ?? Date.now());
	m.set('updatedBy', ctx.by ?? null);
}

/** Live (not deleted) tasks of a section with their order keys, sorted. */
function sectionTasks(doc: Y.Doc, sectionId: string, except?: string): Ordered[] {
	const out: Ordered[] = [];
	for (const [id, m] of tasksMap(doc).entries()) {
		if (!(m instanceof Y.Map) || id === except) continue;
		if (m.get('sectionId') !== sectionId || typeof m.get('deletedAt') === 'number') continue;
		const order = m.get('order');
		out.push({ id, order: typeof order === 'string' ? order : '' });
	}
	return out.sort(compareOrdered);
}

function place(doc: Y.Doc, column: Ordered[], index: number | undefined): string {
	const { key, rekey } = placeAt(column, index ?? column.length);
	for (const r of rekey) (tasksMap(doc).get(r.id) as Y.Map<unknown>).set('order', r.order);
	return key;
}

export interface AddTaskOptions extends EditContext {
	sectionId: string;
	title: string;
	content?: string;
	lead: AgencyId[];
	coordinating?: AgencyId[];
	timeframe?: string;
	due?: string | null;
	kind?: TaskKind;
	/** Position among the section's tasks; the end by default. */
	index?: number;
	/** Random by default; replicas add tasks concurrently and offline. */
	id?: TaskId;
	/** Printed numbering; by default the section's number and the next free position. */
	number?: string;
}

function checkDue(due: string | null | undefined): void {
	if (due != null && !isIsoDate(due)) throw new RangeError('Due date must be YYYY-MM-DD or null');
}

/** Adds a task to a section; returns its id. */
export function addTask(doc: Y.Doc, options: AddTaskOptions): TaskId {
	assertKind(doc, 'plan');
	checkDue(options.due);
	const id = options.id ?? (newId() as TaskId);
	if (!isId(id) || tasksMap(doc).has(id)) throw new Error(`Task id ${id} is taken or invalid`);
	const section = sectionOrders(doc).find((s) => s.id === options.sectionId);
	if (!section) throw new Error(`No section ${options.sectionId} in this plan`);
	doc.transact(() => {
		const column = sectionTasks(doc, options.sectionId);
		const m = new Y.Map<unknown>();
		const entries: [string, unknown][] = [
			['id', id],
			['number', options.number ?? `${section.number}.${column.length + 1}`],
			['sectionId', options.sectionId],
			['title', new Y.Text(options.title)],
			['content', new Y.Text(options.content ?? '')],
			['timeframe', options.timeframe ?? ''],
			['due', options.due ?? null],
			['lead', newIdList(options.lead)],
			['coordinating', newIdList(options.coordinating ?? [])],
			['kind', options.kind ?? 'task'],
			['items', []],
			['order', place(doc, column, options.index)]
		];
		for (const [k, v] of entries) m.set(k, v);
		tasksMap(doc).set(id, m);
		stamp(m, options);
		for (const a of options.lead) addAssignment(doc, a, id);
	}, options.origin ?? null);
	return id;
}

/** Marks a task deleted (kept in the document; see the module comment). */
export function deleteTask(doc: Y.Doc, options: EditContext & { taskId: TaskId }): void {
	assertKind(doc, 'plan');
	const m = taskMap(doc, options.taskId);
	doc.transact(() => {
		m.set('deletedAt', options.at ?? Date.now());
		m.set('deletedBy', options.by ?? null);
		stamp(m, options);
	}, options.origin ?? null);
}

/** Brings a deleted task back, at its old place. */
export function restoreTask(doc: Y.Doc, options: EditContext & { taskId: TaskId }): void {
	assertKind(doc, 'plan');
	const m = taskMap(doc, options.taskId);
	doc.transact(() => {
		m.set('deletedAt', null);
		m.set('deletedBy', null);
		m.set('mergedInto', null);
		stamp(m, options);
	}, options.origin ?? null);
}

export interface MoveTaskOptions extends EditContext {
	taskId: TaskId;
	/** Target section; the task's own by default. */
	sectionId?: string;
	/** Position among the target section's other live tasks. */
	index: number;
}

export function moveTask(doc: Y.Doc, options: MoveTaskOptions): void {
	assertKind(doc, 'plan');
	const m = taskMap(doc, options.taskId);
	const sectionId = options.sectionId ?? String(m.get('sectionId'));
	if (!sectionOrders(doc).some((s) => s.id === sectionId)) {
		throw new Error(`No section ${sectionId} in this plan`);
	}
	doc.transact(() => {
		const column = sectionTasks(doc, sectionId, options.taskId);
		m.set('order', place(doc, column, options.index));
		if (m.get('sectionId') !== sectionId) m.set('sectionId', sectionId);
		stamp(m, options);
	}, options.origin ?? null);
}

export interface AddSectionOptions extends EditContext {
	title: string;
	number: string;
	parentId?: string | null;
	/** Position among the sections of the same parent; the end by default. */
	index?: number;
	id?: string;
}

function siblings(doc: Y.Doc, parentId: string | null, except?: string): Ordered[] {
	return sectionOrders(doc).filter((s) => s.parentId === parentId && s.id !== except);
}

function placeSection(doc: Y.Doc, column: Ordered[], index: number | undefined): string {
	const { key, rekey } = placeAt(column, index ?? column.length);
	for (const r of rekey) (sectionsMap(doc).get(r.id) as Y.Map<unknown>).set('order', r.order);
	return key;
}

/**
 * Adds a section; returns its id. A new section's key sorts after every section when placed
 * last, so it reads after the plan's own sections whatever their keys.
 */
export function addSection(doc: Y.Doc, options: AddSectionOptions): string {
	assertKind(doc, 'plan');
	const id = options.id ?? `s-${newId()}`;
	if (sectionsMap(doc).has(id)) throw new Error(`Section id ${id} is taken`);
	const parentId = options.parentId ?? null;
	doc.transact(() => {
		const column = siblings(doc, parentId);
		const order =
			options.index === undefined
				? keyAfterAll(sectionOrders(doc))
				: placeSection(doc, column, options.index);
		sectionsMap(doc).set(id, newSectionMap({ ...options, id, parentId }, order));
	}, options.origin ?? null);
	return id;
}

function sectionMap(doc: Y.Doc, sectionId: string): Y.Map<unknown> {
	const m = sectionsMap(doc).get(sectionId);
	if (!(m instanceof Y.Map)) throw new Error(`No editable section ${sectionId} in this plan`);
	return m;
}

export function renameSection(
	doc: Y.Doc,
	options: EditContext & { sectionId: string; title: string; number?: string }
): void {
	assertKind(doc, 'plan');
	const m = sectionMap(doc, options.sectionId);
	doc.transact(() => {
		m.set('title', options.title);
		if (options.number !== undefined) m.set('number', options.number);
	}, options.origin ?? null);
}

/** Moves a section among the sections of the same parent. */
export function moveSection(
	doc: Y.Doc,
	options: EditContext & { sectionId: string; index: number }
): void {
	assertKind(doc, 'plan');
	const m = sectionMap(doc, options.sectionId);
	const parentId = typeof m.get('parentId') === 'string' ? (m.get('parentId') as string) : null;
	doc.transact(() => {
		const column = siblings(doc, parentId, options.sectionId);
		m.set('order', placeSection(doc, column, options.index));
	}, options.origin ?? null);
}

export interface SplitTaskOptions extends EditContext {
	taskId: TaskId;
	/** Title of the new task. */
	title: string;
	/** Content offset: the new task takes the content from here on. The end by default. */
	offset?: number;
	id?: TaskId;
}

/** Splits a task in two; returns the new task's id (placed right after the original). */
export function splitTask(doc: Y.Doc, options: SplitTaskOptions): TaskId {
	assertKind(doc, 'plan');
	const m = taskMap(doc, options.taskId);
	const content = taskContentText(doc, options.taskId);
	const sectionId = String(m.get('sectionId'));
	const id = options.id ?? (newId() as TaskId);
	doc.transact(() => {
		const text = content.toString();
		const offset = Math.max(0, Math.min(options.offset ?? text.length, text.length));
		const tail = text.slice(offset);
		const column = sectionTasks(doc, sectionId);
		const index = column.findIndex((t) => t.id === options.taskId) + 1;
		const list = (k: string) => (readIdList(m.get(k)) ?? []) as AgencyId[];
		const due = m.get('due');
		addTask(doc, {
			...options,
			id,
			sectionId,
			title: options.title,
			content: tail.replace(/^\s+/, ''),
			lead: list('lead'),
			coordinating: list('coordinating'),
			timeframe: typeof m.get('timeframe') === 'string' ? (m.get('timeframe') as string) : '',
			due: typeof due === 'string' && isIsoDate(due) ? due : null,
			kind: m.get('kind') === 'duty' ? 'duty' : 'task',
			index: index > 0 ? index : undefined,
			number: `${String(m.get('number') ?? '')}b`
		});
		if (tail.length) content.delete(offset, tail.length);
		tasksMap(doc).get(id)?.set('splitFrom', options.taskId);
		stamp(m, options);
	}, options.origin ?? null);
	return id;
}

/** Merges `absorbId` into `keepId` (see the module comment). */
export function mergeTasks(
	doc: Y.Doc,
	options: EditContext & { keepId: TaskId; absorbId: TaskId }
): void {
	assertKind(doc, 'plan');
	if (options.keepId === options.absorbId) throw new Error('A task cannot merge into itself');
	const keep = taskMap(doc, options.keepId);
	const absorb = taskMap(doc, options.absorbId);
	const keepText = taskContentText(doc, options.keepId);
	const absorbText = taskContentText(doc, options.absorbId).toString();
	const title = absorb.get('title');
	const titleText = title instanceof Y.Text ? title.toString() : String(title ?? '');
	doc.transact(() => {
		const block = [titleText, absorbText].filter((s) => s.trim()).join('\n');
		if (block) keepText.insert(keepText.length, (keepText.length ? '\n\n' : '') + block);
		for (const k of ['lead', 'coordinating']) {
			const union = [...(readIdList(keep.get(k)) ?? [])];
			for (const a of readIdList(absorb.get(k)) ?? []) if (!union.includes(a)) union.push(a);
			writeIdList(keep, k, union);
		}
		for (const a of readIdList(absorb.get('lead')) ?? []) {
			addAssignment(doc, a as AgencyId, options.keepId);
		}
		const lead = readIdList(keep.get('lead')) ?? [];
		writeIdList(
			keep,
			'coordinating',
			(readIdList(keep.get('coordinating')) ?? []).filter((a) => !lead.includes(a))
		);
		absorb.set('deletedAt', options.at ?? Date.now());
		absorb.set('deletedBy', options.by ?? null);
		absorb.set('mergedInto', options.keepId);
		stamp(keep, options);
		stamp(absorb, options);
	}, options.origin ?? null);
}

/**
 * An undo manager over the plan's editable parts that tracks only `origin`: pass the same
 * origin to every operation (and to text bindings) of one user, so undo reverts that user's
 * changes and never a concurrent change of someone else. Cards created with a plan change
 * follow its undo and redo (plan-undo.ts).
 */
export function planUndoManager(doc: Y.Doc, options: { origin: unknown }): Y.UndoManager {
	const undo = new Y.UndoManager(
		[
			doc.getMap(ROOT.tasks),
			doc.getMap(ROOT.sections),
			doc.getMap(ROOT.assignments),
			// Accepting a proposal writes its decision with the change (proposal.ts): undo reverts both.
			doc.getMap(ROOT.proposalDecisions)
		],
		{ trackedOrigins: new Set([options.origin]) }
	);
	linkCardsToUndo(undo, doc);
	return undo;
}

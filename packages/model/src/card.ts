import * as Y from 'yjs';
import type { TaskId } from './ids.js';
import { ROOT, type WriteContext } from './meta.js';
import { compareKeys } from './order.js';
import { isStatus, statusRank, type Status } from './status.js';

export interface ChecklistItem {
	id: string;
	text: string;
	done: boolean;
	/** Fractional-index key; items are listed by (order, id). */
	order: string;
}

/** A link to proof of execution (a published article, a signed report). Always http(s). */
export interface EvidenceLink {
	id: string;
	url: string;
	label: string;
}

/** A number the agency reports, e.g. { label: 'Số tin bài', value: 42 }. */
export interface Figure {
	label: string;
	value: number | string;
}

/** A dated progress note. Append-only: entries are never edited, so they need no merge logic. */
export interface UpdateEntry {
	id: string;
	/** Epoch milliseconds. */
	at: number;
	authorId: string;
	authorName: string;
	text: string;
}

/**
 * One agency's execution state for one task or duty. A card is a single entry of the agency
 * document's `cards` map, keyed by task id: concurrent moves rewrite its `order` and `status`
 * and can neither duplicate nor lose it.
 */
export interface Card {
	taskId: TaskId;
	status: Status;
	/** Integer 0..100. */
	progress: number;
	/** Fractional-index key within its status column; ties broken by taskId. */
	order: string;
	notes: string;
	checklist: ChecklistItem[];
	evidence: EvidenceLink[];
	/** Keyed by a stable figure key, e.g. 'articles'. */
	figures: Record<string, Figure>;
	/** Sorted by (at, id). */
	updates: UpdateEntry[];
	/** Set when the status becomes done, cleared when it leaves done. */
	completedAt: number | null;
	updatedAt: number | null;
	updatedBy: string | null;
}

/**
 * Status and completion instant are stored together as one plain value under `workflow`, so
 * they are replaced atomically: as two map keys, a concurrent "done" and "todo" could merge
 * into a todo card with a completion date (each key picks its winner independently).
 */
export interface Workflow {
	status: Status;
	completedAt: number | null;
}

export function readWorkflow(card: Y.Map<unknown>): Workflow {
	const w = card.get('workflow') as Partial<Workflow> | undefined;
	const status = isStatus(w?.status) ? w.status : 'todo';
	const completedAt = typeof w?.completedAt === 'number' ? w.completedAt : null;
	return { status, completedAt: status === 'done' ? completedAt : null };
}

export function cardsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap<Y.Map<unknown>>(ROOT.cards);
}

/**
 * A fresh card: todo, 0%, empty collections. Nested Y types are created here, once, by whoever
 * creates the card (the server at init, or restoreCard), never lazily by an op: two replicas
 * creating the same nested type concurrently would each keep only one of them.
 */
export function newCardMap(taskId: TaskId, order: string, ctx: WriteContext = {}): Y.Map<unknown> {
	const m = new Y.Map<unknown>();
	m.set('taskId', taskId);
	m.set('workflow', { status: 'todo', completedAt: null } satisfies Workflow);
	m.set('progress', 0);
	m.set('order', order);
	m.set('notes', new Y.Text());
	m.set('checklist', new Y.Map<Y.Map<unknown>>());
	m.set('evidence', new Y.Array<EvidenceLink>());
	m.set('figures', new Y.Map<Figure>());
	m.set('updates', new Y.Array<UpdateEntry>());
	m.set('updatedAt', ctx.at ?? null);
	m.set('updatedBy', ctx.by ?? null);
	return m;
}

export function cardMap(doc: Y.Doc, taskId: TaskId): Y.Map<unknown> {
	const m = cardsMap(doc).get(taskId);
	if (!m) throw new Error(`No card for task ${taskId} in this agency document`);
	return m;
}

/** A nested Y type of a card, checked at runtime because documents come from the network. */
export function cardPart<T>(card: Y.Map<unknown>, key: string, type: new () => T): T {
	const v = card.get(key);
	if (!(v instanceof type)) throw new Error(`Card ${String(card.get('taskId'))} has no ${key}`);
	return v;
}

/** Stamps the writer on a card; every card op calls it inside its transaction. */
export function touch(card: Y.Map<unknown>, ctx: WriteContext): void {
	card.set('updatedAt', ctx.at ?? Date.now());
	card.set('updatedBy', ctx.by ?? null);
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function readCardMap(taskId: string, m: Y.Map<unknown>): Card {
	const { status, completedAt } = readWorkflow(m);
	const checklist: ChecklistItem[] = [];
	const list = m.get('checklist');
	if (list instanceof Y.Map) {
		for (const [id, item] of list.entries()) {
			if (!(item instanceof Y.Map)) continue;
			const text = item.get('text');
			const order = item.get('order');
			checklist.push({
				id,
				text: typeof text === 'string' ? text : '',
				done: item.get('done') === true,
				order: typeof order === 'string' ? order : ''
			});
		}
		checklist.sort((a, b) => compareKeys(a.order, b.order) || compareKeys(a.id, b.id));
	}
	const evidence = m.get('evidence');
	const figuresMap = m.get('figures');
	const figures: Record<string, Figure> = {};
	if (figuresMap instanceof Y.Map) {
		for (const key of [...figuresMap.keys()].sort()) {
			const f = figuresMap.get(key) as Figure;
			figures[key] = { label: f.label, value: f.value };
		}
	}
	const updates = m.get('updates');
	const notes = m.get('notes');
	const progress = num(m.get('progress')) ?? 0;
	const order = m.get('order');
	const by = m.get('updatedBy');
	return {
		taskId: taskId as TaskId,
		status,
		progress,
		order: typeof order === 'string' ? order : '',
		notes: notes instanceof Y.Text ? notes.toString() : '',
		checklist,
		evidence:
			evidence instanceof Y.Array ? evidence.toArray().map((e: EvidenceLink) => ({ ...e })) : [],
		figures,
		updates:
			updates instanceof Y.Array
				? updates
						.toArray()
						.map((u: UpdateEntry) => ({ ...u }))
						.sort((a, b) => a.at - b.at || compareKeys(a.id, b.id))
				: [],
		completedAt,
		updatedAt: num(m.get('updatedAt')),
		updatedBy: typeof by === 'string' ? by : null
	};
}

export function compareCards(a: Card, b: Card): number {
	return (
		statusRank(a.status) - statusRank(b.status) ||
		compareKeys(a.order, b.order) ||
		compareKeys(a.taskId, b.taskId)
	);
}

/** All cards, sorted by (status in workflow order, order key, taskId): a total order. */
export function readCards(doc: Y.Doc): Card[] {
	return [...cardsMap(doc).entries()].map(([id, m]) => readCardMap(id, m)).sort(compareCards);
}

/** null when the agency has no card for the task (never had one, or it was deleted). */
export function readCard(doc: Y.Doc, taskId: TaskId): Card | null {
	const m = cardsMap(doc).get(taskId);
	return m ? readCardMap(taskId, m) : null;
}

/** The card's result notes for an editor binding. */
export function cardNotesText(doc: Y.Doc, taskId: TaskId): Y.Text {
	return cardPart(cardMap(doc, taskId), 'notes', Y.Text);
}

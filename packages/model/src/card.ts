import * as Y from 'yjs';
import { readHandoverMark, type HandoverMark } from './handover-mark.js';
import { isId, type TaskId } from './ids.js';
import { ROOT, type WriteContext } from './meta.js';
import { safeEvidenceUrl } from './evidence-url.js';
import { isFiniteNumber, isInstant, isRecord, reportMalformed, typeOf } from './malformed.js';
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
	/** Set on the old lead's card when the task was handed over (see handover.ts). */
	handedOverTo?: HandoverMark;
	/** Set on the new lead's card created by a handover. */
	handedOverFrom?: HandoverMark;
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
	const stored: unknown = card instanceof Y.Map ? card.get('workflow') : undefined;
	const w = isRecord(stored) ? stored : {};
	const status = isStatus(w.status) ? w.status : 'todo';
	const completedAt = isInstant(w.completedAt) ? w.completedAt : null;
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
	const m: unknown = cardsMap(doc).get(taskId);
	if (!(m instanceof Y.Map)) throw new Error(`No card for task ${taskId} in this agency document`);
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

const num = (v: unknown): number | null => (isFiniteNumber(v) ? v : null);

function readChecklist(doc: Y.Doc, where: string, list: unknown): ChecklistItem[] {
	const out: ChecklistItem[] = [];
	if (!(list instanceof Y.Map)) {
		if (list !== undefined) reportMalformed(doc, where, `not a Y.Map: ${typeOf(list)}`);
		return out;
	}
	for (const [id, item] of list.entries()) {
		if (!(item instanceof Y.Map)) {
			reportMalformed(doc, `${where}/${id}`, `not a Y.Map: ${typeOf(item)}`);
			continue;
		}
		const text = item.get('text');
		const order = item.get('order');
		out.push({
			id,
			text: typeof text === 'string' ? text : '',
			done: item.get('done') === true,
			order: typeof order === 'string' ? order : ''
		});
	}
	return out.sort((a, b) => compareKeys(a.order, b.order) || compareKeys(a.id, b.id));
}

function readFigures(doc: Y.Doc, where: string, map: unknown): Record<string, Figure> {
	const figures: Record<string, Figure> = {};
	if (!(map instanceof Y.Map)) {
		if (map !== undefined) reportMalformed(doc, where, `not a Y.Map: ${typeOf(map)}`);
		return figures;
	}
	for (const key of [...map.keys()].sort()) {
		const f: unknown = map.get(key);
		const value = isRecord(f) ? f.value : undefined;
		if (!isRecord(f) || typeof f.label !== 'string') {
			reportMalformed(doc, `${where}/${key}`, `not a { label, value } figure: ${typeOf(f)}`);
		} else if (!isFiniteNumber(value) && typeof value !== 'string') {
			reportMalformed(doc, `${where}/${key}`, `value is ${typeOf(value)}`);
		} else {
			figures[key] = { label: f.label, value };
		}
	}
	return figures;
}

/** The plain entries of a Y.Array that pass `read`, first of each id; the others are reported by index. */
function readList<T extends { id: string }>(
	doc: Y.Doc,
	where: string,
	list: unknown,
	read: (entry: unknown) => T | string
): T[] {
	if (!(list instanceof Y.Array)) {
		if (list !== undefined) reportMalformed(doc, where, `not a Y.Array: ${typeOf(list)}`);
		return [];
	}
	const out: T[] = [];
	const ids = new Set<string>();
	list.toArray().forEach((entry: unknown, i) => {
		const r = read(entry);
		if (typeof r === 'string') reportMalformed(doc, `${where}/${i}`, r);
		// Lists are keyed by id in the UI: a repeated id would break the whole list there.
		else if (ids.has(r.id)) reportMalformed(doc, `${where}/${i}`, `repeated id ${r.id}`);
		else {
			out.push(r);
			ids.add(r.id);
		}
	});
	return out;
}

function readEvidenceLink(e: unknown): EvidenceLink | string {
	if (!isRecord(e) || typeof e.id !== 'string' || typeof e.url !== 'string') {
		return `not an { id, url, label } link: ${typeOf(e)}`;
	}
	// Only http(s): links render as anchors for every viewer, and the writer's own check
	// (checkEvidenceUrl) cannot bind other clients. Anything else is dropped and reported.
	const url = safeEvidenceUrl(e.url);
	if (url === null) return 'not an http(s) URL';
	return { id: e.id, url, label: typeof e.label === 'string' ? e.label : url };
}

function readUpdateEntry(u: unknown): UpdateEntry | string {
	if (!isRecord(u) || typeof u.id !== 'string' || !isInstant(u.at) || typeof u.text !== 'string') {
		return `not an { id, at, text } update entry: ${typeOf(u)}`;
	}
	const str = (v: unknown) => (typeof v === 'string' ? v : '');
	return {
		id: u.id,
		at: u.at,
		authorId: str(u.authorId),
		authorName: str(u.authorName),
		text: u.text
	};
}

export function readCardMap(doc: Y.Doc, taskId: string, m: Y.Map<unknown>): Card {
	const where = `${ROOT.cards}/${taskId}`;
	const { status, completedAt } = readWorkflow(m);
	const notes = m.get('notes');
	if (notes !== undefined && !(notes instanceof Y.Text)) {
		reportMalformed(doc, `${where}/notes`, `not a Y.Text: ${typeOf(notes)}`);
	}
	const progress = num(m.get('progress'));
	const order = m.get('order');
	const by = m.get('updatedBy');
	const updatedAt = m.get('updatedAt');
	const handedOverTo = readHandoverMark(m.get('handedOverTo'));
	const handedOverFrom = readHandoverMark(m.get('handedOverFrom'));
	return {
		taskId: taskId as TaskId,
		status,
		progress: progress === null ? 0 : Math.min(100, Math.max(0, Math.round(progress))),
		order: typeof order === 'string' ? order : '',
		notes: notes instanceof Y.Text ? notes.toString() : '',
		checklist: readChecklist(doc, `${where}/checklist`, m.get('checklist')),
		evidence: readList(doc, `${where}/evidence`, m.get('evidence'), readEvidenceLink),
		figures: readFigures(doc, `${where}/figures`, m.get('figures')),
		updates: readList(doc, `${where}/updates`, m.get('updates'), readUpdateEntry).sort(
			(a, b) => a.at - b.at || compareKeys(a.id, b.id)
		),
		completedAt,
		updatedAt: isInstant(updatedAt) ? updatedAt : null,
		updatedBy: typeof by === 'string' ? by : null,
		// Only when set, so a card that never took part in a handover reads as it always did.
		...(handedOverTo ? { handedOverTo } : {}),
		...(handedOverFrom ? { handedOverFrom } : {})
	};
}

/** The card maps of the document; an entry that is not a Y.Map is reported and skipped. */
export function cardEntries(doc: Y.Doc): [string, Y.Map<unknown>][] {
	const out: [string, Y.Map<unknown>][] = [];
	for (const [id, m] of cardsMap(doc).entries() as IterableIterator<[string, unknown]>) {
		if (!isId(id)) reportMalformed(doc, `${ROOT.cards}/${id}`, 'not a task id');
		else if (m instanceof Y.Map) out.push([id, m]);
		else reportMalformed(doc, `${ROOT.cards}/${id}`, `not a Y.Map: ${typeOf(m)}`);
	}
	return out;
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
	return cardEntries(doc)
		.map(([id, m]) => readCardMap(doc, id, m))
		.sort(compareCards);
}

/** null when the agency has no card for the task (never had one, or it was deleted). */
export function readCard(doc: Y.Doc, taskId: TaskId): Card | null {
	const m: unknown = cardsMap(doc).get(taskId);
	if (m === undefined) return null;
	// As readCards does: a card read alone (the board re-reads only the cards a change touched)
	// reports a key that is not a task id instead of skipping it silently.
	if (!isId(taskId)) {
		reportMalformed(doc, `${ROOT.cards}/${taskId}`, 'not a task id');
		return null;
	}
	if (m instanceof Y.Map) return readCardMap(doc, taskId, m);
	reportMalformed(doc, `${ROOT.cards}/${taskId}`, `not a Y.Map: ${typeOf(m)}`);
	return null;
}

/** The card's result notes for an editor binding. */
export function cardNotesText(doc: Y.Doc, taskId: TaskId): Y.Text {
	return cardPart(cardMap(doc, taskId), 'notes', Y.Text);
}

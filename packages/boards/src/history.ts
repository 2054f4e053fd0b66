import { cardsMap, readCard, type Card, type TaskId } from '@planboard/model';
import type { UsersRepo } from '@planboard/store';
import * as Y from 'yjs';
import type { DocumentStore } from './document-store.js';
import { docFromStored } from './stored.js';

/** What one log entry changed on one card, as the card readers see it. */
export type ChangeKind =
	| 'card'
	| 'status'
	| 'progress'
	| 'notes'
	| 'checklist'
	| 'evidence'
	| 'figures'
	| 'updates';

/**
 * One change to one card. `before`/`after` are plain values of the card reader (a status, a
 * percentage, the notes text, the list); for 'card', before or after is null (created, deleted);
 * for 'updates', `after` holds only the progress entries the change added.
 */
export interface CardChange {
	kind: ChangeKind;
	cardId: string;
	before?: unknown;
	after?: unknown;
}

/** One log entry: who (null for the server's own writes), when, and what it changed. */
export interface HistoryEntry<C = CardChange> {
	seq: number;
	/** ISO instant the server stored the update. */
	time: string;
	author: { id: string; displayName: string } | null;
	changes: C[];
}

export interface DocumentHistory<C = CardChange> {
	/** Newest first. */
	entries: HistoryEntry<C>[];
	/** Pass as `beforeSeq` for the next (older) page; null when the range is exhausted. */
	nextBeforeSeq: number | null;
}

export interface HistoryOptions {
	from?: Date;
	to?: Date;
	/** Log rows replayed per page (default 50, at most 500): the work is bounded by it. */
	limit?: number;
	beforeSeq?: number;
	/** Keep only changes to this card (a page may then hold fewer entries than rows read). */
	cardId?: string;
}

/** What history reads: the stored documents and the names of their authors. */
export interface HistoryReader {
	documents: Pick<DocumentStore, 'history' | 'loadStateAt'>;
	users: Pick<UsersRepo, 'get'>;
}

const MAX_LIMIT = 500;

/**
 * A document's history over a range: the page's rows are replayed one at a time on two copies
 * of the state just before them (one a row behind the other), and the cards each row touched
 * are read on both and compared. Only touched cards are read, and readers are total, so a
 * malformed write shows as whatever the readers make of it and never stops the history.
 */
export async function documentHistory(
	reader: HistoryReader,
	docName: string,
	options: HistoryOptions = {}
): Promise<DocumentHistory> {
	return replayHistory(reader, docName, options, {
		root: cardsMap as (doc: Y.Doc) => Y.Map<unknown>,
		changes: (cardId, before, after) =>
			options.cardId !== undefined && cardId !== options.cardId
				? []
				: cardChanges(cardId, readCard(before, cardId as TaskId), readCard(after, cardId as TaskId))
	});
}

/** What a replay reads: the entries of one root map, compared before and after each row. */
export interface ReplaySpec<C> {
	root: (doc: Y.Doc) => Y.Map<unknown>;
	/** The changes one row made under `key` of the root, read on both copies. */
	changes: (key: string, before: Y.Doc, after: Y.Doc) => C[];
}

/**
 * The one replay of a stored document's log for history: the page's rows (the newest `limit`
 * of the range) are applied one at a time to two copies of the state just before them, one a
 * row behind the other, and the root entries each row touched are compared on both.
 */
export async function replayHistory<C>(
	reader: HistoryReader,
	docName: string,
	options: Omit<HistoryOptions, 'cardId'>,
	spec: ReplaySpec<C>
): Promise<DocumentHistory<C>> {
	const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(options.limit ?? 50)));
	// Oldest first: the newest `limit` entries of the range.
	const ascending = await reader.documents.history({
		document: docName,
		limit,
		beforeSeq: options.beforeSeq,
		from: options.from,
		to: options.to
	});
	if (ascending.length === 0) return { entries: [], nextBeforeSeq: null };
	const start = await reader.documents.loadStateAt({
		document: docName,
		seq: ascending[0].seq - 1
	});
	const before = docFromStored(start, docName);
	const after = new Y.Doc();
	Y.applyUpdate(after, Y.encodeStateAsUpdate(before));

	const touched = new Set<string>();
	spec.root(after).observeDeep((events) => {
		for (const event of events) {
			if (event.path.length > 0) touched.add(String(event.path[0]));
			else for (const key of event.changes.keys.keys()) touched.add(key);
		}
	});

	const authors = new Map<string, HistoryEntry['author']>();
	const authorOf = (id: string | null): HistoryEntry['author'] => {
		if (id === null) return null;
		if (!authors.has(id))
			authors.set(id, { id, displayName: reader.users.get(id)?.displayName ?? id });
		return authors.get(id)!;
	};

	const entries: HistoryEntry<C>[] = [];
	for (const row of ascending) {
		touched.clear();
		Y.applyUpdate(after, row.update);
		const changes: C[] = [];
		for (const key of [...touched].sort()) changes.push(...spec.changes(key, before, after));
		Y.applyUpdate(before, row.update);
		if (changes.length > 0) {
			entries.push({
				seq: row.seq,
				time: row.time.toISOString(),
				author: authorOf(row.author),
				changes
			});
		}
	}
	before.destroy();
	after.destroy();
	return {
		entries: entries.reverse(),
		nextBeforeSeq: ascending.length === limit ? ascending[0].seq : null
	};
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The changes between two readings of one card; order keys and bookkeeping fields are left out. */
export function cardChanges(cardId: string, before: Card | null, after: Card | null): CardChange[] {
	if (before === null && after === null) return [];
	if (before === null || after === null) {
		const plain = (c: Card | null) => (c ? { status: c.status, progress: c.progress } : null);
		return [{ kind: 'card', cardId, before: plain(before), after: plain(after) }];
	}
	const out: CardChange[] = [];
	const compare = (kind: ChangeKind, a: unknown, b: unknown) => {
		if (!same(a, b)) out.push({ kind, cardId, before: a, after: b });
	};
	compare('status', before.status, after.status);
	compare('progress', before.progress, after.progress);
	compare('notes', before.notes, after.notes);
	const items = (c: Card) => c.checklist.map(({ id, text, done }) => ({ id, text, done }));
	compare('checklist', items(before), items(after));
	compare('evidence', before.evidence, after.evidence);
	compare('figures', before.figures, after.figures);
	const known = new Set(before.updates.map((u) => u.id));
	const added = after.updates.filter((u) => !known.has(u.id));
	if (added.length > 0) out.push({ kind: 'updates', cardId, after: added });
	return out;
}

import { toBuffer, toBytes } from './bytes.js';
import type { RepoContext } from './context.js';
import { guarded } from './context.js';

/** One Yjs update to append; `userId` is null for updates the server makes itself. */
export interface AppendUpdateInput {
	document: string;
	update: Uint8Array;
	userId: string | null;
}

/**
 * Everything needed to rebuild a document: apply `snapshot` (if any), then `updates` in order.
 * `updates` are exactly the log rows with seq > snapshotSeq; `lastSeq` is the highest seq the
 * result covers (0 for a document never written), the value to pass to `writeSnapshot`.
 */
export interface LoadedDocument {
	snapshot: Uint8Array | null;
	snapshotSeq: number;
	updates: Uint8Array[];
	lastSeq: number;
}

/** One row of a document's activity feed; compacted rows no longer appear. */
export interface UpdateHistoryEntry {
	seq: number;
	userId: string | null;
	at: Date;
	/** The update's size in bytes. */
	size: number;
}

/** One log row with its bytes, for replaying a document update by update (history). */
export interface LoggedUpdate {
	seq: number;
	userId: string | null;
	at: Date;
	data: Uint8Array;
}

/**
 * The durable Yjs update log. Sequence numbers are global, strictly increasing and never reused,
 * so "covered by a snapshot" is simply seq <= the snapshot's uptoSeq. Never-reused holds because
 * no method deletes the row with the highest seq: compaction keeps it, and deleteDocument turns it
 * into an empty row of the reserved document '' instead.
 */
export interface UpdateLog {
	/** One synchronous INSERT; returns the update's seq once it is in the WAL. */
	append(input: AppendUpdateInput): number;
	/** All rows in one transaction (group commit): either every row is stored or none is. */
	appendMany(rows: readonly AppendUpdateInput[]): number[];
	load(document: string): LoadedDocument;
	/**
	 * The document as it stood at `at`: the latest snapshot whose updates were all written by then
	 * (snapshots are kept, so one usually exists), then the rows written by `at` after it. Rows
	 * compacted away before `at` are covered by a kept snapshot, so the result is exact.
	 */
	loadAt(input: { document: string; at: Date }): LoadedDocument;
	/** The document as it stood after the row `seq` (inclusive): snapshot at or before, then rows. */
	loadUpTo(input: { document: string; seq: number }): LoadedDocument;
	/**
	 * Rows with their bytes, newest first: at most `limit`, seq below `beforeSeq`, written in
	 * [`from`, `to`] when given. The replay side of `history`.
	 */
	updatesBetween(input: {
		document: string;
		limit: number;
		beforeSeq?: number;
		from?: Date;
		to?: Date;
	}): LoggedUpdate[];
	/** Stores a full state covering every update up to `uptoSeq`; older snapshots are kept. */
	writeSnapshot(input: { document: string; state: Uint8Array; uptoSeq: number }): void;
	/**
	 * Deletes log rows covered by the latest snapshot and older than `retainAfter` (all covered
	 * rows when omitted). Rows not covered by a snapshot are never deleted. Returns the count.
	 */
	compact(input: { document: string; retainAfter?: Date }): number;
	/** Newest first, at most `limit` rows, only seqs below `beforeSeq` when given (paging). */
	history(input: { document: string; limit: number; beforeSeq?: number }): UpdateHistoryEntry[];
	/** Names of documents with a log row or a snapshot, sorted; only those starting with prefix. */
	documents(prefix?: string): string[];
	/** Removes the document's log and snapshots in one transaction. */
	deleteDocument(document: string): void;
}

/**
 * PostgreSQL hands out seqs from a sequence at INSERT time, so two connections could commit them
 * out of order and a snapshot taken between the two commits would claim the lower, still invisible
 * seq. Every append takes this transaction lock first, so seqs become visible in order, as SQLite's
 * single writer guarantees. The key is arbitrary; it only has to be the same everywhere.
 */
const APPEND_LOCK_KEY = 190_001;

export function createUpdateLog(ctx: RepoContext): UpdateLog {
	const { db } = ctx;
	const postgres = db.dialect === 'postgres';
	const insert = db.prepare<[string, Buffer, string | null, number], { seq: number }>(
		'INSERT INTO doc_updates (document, data, user_id, created_at) VALUES (?, ?, ?, ?) RETURNING seq'
	);
	// PostgreSQL: a group is one INSERT of the unnested arrays, a single statement and so its own
	// transaction (or part of the caller's): one round trip however many rows the group holds.
	// The append lock is taken in the same statement, before any row draws its seq (the join
	// needs the lock's row first), and held until the commit.
	const groupInsert = postgres
		? db.prepare<[number, string[], Buffer[], (string | null)[]], { seq: number }>(
				`WITH append_lock AS (SELECT pg_advisory_xact_lock(${APPEND_LOCK_KEY}))
				INSERT INTO doc_updates (document, data, user_id, created_at)
				SELECT t.document, t.data, t.user_id, ?
				FROM append_lock, unnest(?::text[], ?::bytea[], ?::text[])
					WITH ORDINALITY AS t(document, data, user_id, n)
				ORDER BY t.n RETURNING seq`
			)
		: null;
	const latestSnapshot = db.prepare<[string], { upto_seq: number; state: Buffer }>(
		`SELECT upto_seq, state FROM doc_snapshots WHERE document = ?
		ORDER BY upto_seq DESC LIMIT 1`
	);
	const tail = db.prepare<[string, number], { seq: number; data: Buffer }>(
		'SELECT seq, data FROM doc_updates WHERE document = ? AND seq > ? ORDER BY seq'
	);
	const highestSeq = db.prepare<[], { seq: number | null }>(
		'SELECT max(seq) AS seq FROM doc_updates'
	);
	const insertSnapshot = db.prepare<[string, number, Buffer, number]>(
		`INSERT INTO doc_snapshots (document, upto_seq, state, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (document, upto_seq) DO UPDATE
		SET state = excluded.state, created_at = excluded.created_at`
	);
	const compactRows = db.prepare<[string, string, number]>(
		`DELETE FROM doc_updates WHERE document = ?
		AND seq <= (SELECT coalesce(max(upto_seq), 0) FROM doc_snapshots WHERE document = ?)
		AND created_at < ? AND seq < (SELECT max(seq) FROM doc_updates)`
	);
	const historyRows = db.prepare<
		[string, number, number],
		{ seq: number; user_id: string | null; created_at: number; size: number }
	>(
		`SELECT seq, user_id, created_at, length(data) AS size FROM doc_updates
		WHERE document = ? AND seq < ? ORDER BY seq DESC LIMIT ?`
	);
	// The cast tells PostgreSQL which length() is meant; SQLite's is a no-op.
	const documentNames = db.prepare<{ prefix: string }, { document: string }>(
		`SELECT document FROM doc_updates
		WHERE document <> '' AND substr(document, 1, length(CAST(@prefix AS TEXT))) = @prefix
		UNION
		SELECT document FROM doc_snapshots
		WHERE substr(document, 1, length(CAST(@prefix AS TEXT))) = @prefix
		ORDER BY document`
	);
	// SQLite picks the wrong index for these without being told; PostgreSQL has no INDEXED BY.
	const indexedBy = (index: string) => (postgres ? '' : `INDEXED BY ${index}`);
	// A snapshot fits an instant if it was written by then, or if its last covered row was. Both
	// bounds are read from covering indexes (migration 4): the snapshot rows hold megabytes of
	// state before their time, and a document's log rows number in the tens of thousands.
	const snapshotWrittenBy = db.prepare<[string, number], { upto_seq: number }>(
		`SELECT upto_seq FROM doc_snapshots ${indexedBy('doc_snapshots_document_created_at')}
		WHERE document = ? AND created_at <= ? ORDER BY upto_seq DESC LIMIT 1`
	);
	const lastRowBy = db.prepare<[string, number], { seq: number | null }>(
		`SELECT max(seq) AS seq FROM doc_updates ${indexedBy('doc_updates_document_created_at')}
		WHERE document = ? AND created_at <= ?`
	);
	const tailUntil = db.prepare<[string, number, number], { seq: number; data: Buffer }>(
		`SELECT seq, data FROM doc_updates WHERE document = ? AND seq > ? AND created_at <= ?
		ORDER BY seq`
	);
	const snapshotUpTo = db.prepare<[string, number], { upto_seq: number; state: Buffer }>(
		`SELECT upto_seq, state FROM doc_snapshots WHERE document = ? AND upto_seq <= ?
		ORDER BY upto_seq DESC LIMIT 1`
	);
	const tailUpTo = db.prepare<[string, number, number], { seq: number; data: Buffer }>(
		'SELECT seq, data FROM doc_updates WHERE document = ? AND seq > ? AND seq <= ? ORDER BY seq'
	);
	const rowsBetween = db.prepare<
		[string, number, number, number, number],
		{ seq: number; user_id: string | null; created_at: number; data: Buffer }
	>(
		`SELECT seq, user_id, created_at, data FROM doc_updates
		WHERE document = ? AND seq < ? AND created_at >= ? AND created_at <= ?
		ORDER BY seq DESC LIMIT ?`
	);
	const deleteUpdates = db.prepare<[string]>(
		'DELETE FROM doc_updates WHERE document = ? AND seq < (SELECT max(seq) FROM doc_updates)'
	);
	const retireHighest = db.prepare<[Buffer, string]>(
		`UPDATE doc_updates SET document = '', data = ?, user_id = NULL
		WHERE document = ? AND seq = (SELECT max(seq) FROM doc_updates)`
	);
	const deleteSnapshots = db.prepare<[string]>('DELETE FROM doc_snapshots WHERE document = ?');

	const appendAll = (rows: readonly AppendUpdateInput[]): number[] => {
		const at = ctx.now();
		if (!groupInsert)
			return db.transaction(() =>
				rows.map((row) => insert.get(row.document, toBuffer(row.update), row.userId, at)!.seq)
			);
		if (rows.length === 0) return [];
		const inserted = groupInsert.all(
			at,
			rows.map((row) => row.document),
			rows.map((row) => toBuffer(row.update)),
			rows.map((row) => row.userId)
		);
		// The rows were inserted in input order, so their seqs ascend in that order.
		return inserted.map((row) => row.seq).sort((a, b) => a - b);
	};
	const loadDocument = (document: string): LoadedDocument =>
		db.transaction(() => {
			const snapshot = latestSnapshot.get(document);
			const snapshotSeq = snapshot?.upto_seq ?? 0;
			const rows = tail.all(document, snapshotSeq);
			return {
				snapshot: snapshot ? toBytes(snapshot.state) : null,
				snapshotSeq,
				updates: rows.map((row) => toBytes(row.data)),
				lastSeq: rows.length > 0 ? rows[rows.length - 1].seq : snapshotSeq
			};
		});
	const loaded = (
		snapshot: { upto_seq: number; state: Buffer } | undefined,
		rows: { seq: number; data: Buffer }[]
	): LoadedDocument => {
		const snapshotSeq = snapshot?.upto_seq ?? 0;
		return {
			snapshot: snapshot ? toBytes(snapshot.state) : null,
			snapshotSeq,
			updates: rows.map((row) => toBytes(row.data)),
			lastSeq: rows.length > 0 ? rows[rows.length - 1].seq : snapshotSeq
		};
	};
	const loadDocumentAt = (document: string, at: number): LoadedDocument =>
		db.transaction(() => {
			const bound = Math.max(
				snapshotWrittenBy.get(document, at)?.upto_seq ?? 0,
				lastRowBy.get(document, at)?.seq ?? 0
			);
			const snapshot = snapshotUpTo.get(document, bound);
			return loaded(snapshot, tailUntil.all(document, snapshot?.upto_seq ?? 0, at));
		});
	const loadDocumentUpTo = (document: string, seq: number): LoadedDocument =>
		db.transaction(() => {
			const snapshot = snapshotUpTo.get(document, seq);
			return loaded(snapshot, tailUpTo.all(document, snapshot?.upto_seq ?? 0, seq));
		});
	const removeDocument = (document: string) =>
		db.batch([
			{ statement: deleteUpdates, params: [document], mode: 'run' },
			{ statement: retireHighest, params: [Buffer.alloc(0), document], mode: 'run' },
			{ statement: deleteSnapshots, params: [document], mode: 'run' }
		]);

	return {
		append(input) {
			return guarded(ctx, () =>
				postgres
					? appendAll([input])[0]
					: insert.get(input.document, toBuffer(input.update), input.userId, ctx.now())!.seq
			);
		},
		appendMany(rows) {
			return guarded(ctx, () => appendAll(rows));
		},
		load(document) {
			return guarded(ctx, () => loadDocument(document));
		},
		loadAt({ document, at }) {
			return guarded(ctx, () => loadDocumentAt(document, at.getTime()));
		},
		loadUpTo({ document, seq }) {
			return guarded(ctx, () => loadDocumentUpTo(document, seq));
		},
		updatesBetween({ document, limit, beforeSeq, from, to }) {
			const rows = rowsBetween.all(
				document,
				beforeSeq ?? Number.MAX_SAFE_INTEGER,
				from ? from.getTime() : 0,
				to ? to.getTime() : Number.MAX_SAFE_INTEGER,
				limit
			);
			return rows.map((row) => ({
				seq: row.seq,
				userId: row.user_id,
				at: new Date(row.created_at),
				data: toBytes(row.data)
			}));
		},
		writeSnapshot({ document, state, uptoSeq }) {
			const issued = highestSeq.get()?.seq ?? 0;
			if (!Number.isSafeInteger(uptoSeq) || uptoSeq < 0 || uptoSeq > issued) {
				throw new RangeError(
					`writeSnapshot: uptoSeq ${uptoSeq} is not a seq the log has issued (highest: ${issued}); ` +
						'a snapshot claiming future updates would hide them from load()'
				);
			}
			guarded(ctx, () => insertSnapshot.run(document, uptoSeq, toBuffer(state), ctx.now()));
		},
		compact({ document, retainAfter }) {
			const cutoff = retainAfter ? retainAfter.getTime() : Number.MAX_SAFE_INTEGER;
			return guarded(ctx, () => compactRows.run(document, document, cutoff).changes);
		},
		history({ document, limit, beforeSeq }) {
			return historyRows.all(document, beforeSeq ?? Number.MAX_SAFE_INTEGER, limit).map((row) => ({
				seq: row.seq,
				userId: row.user_id,
				at: new Date(row.created_at),
				size: row.size
			}));
		},
		documents: (prefix = '') => documentNames.all({ prefix }).map((row) => row.document),
		deleteDocument(document) {
			guarded(ctx, () => removeDocument(document));
		}
	};
}

import type * as Y from 'yjs';

/** One update to store, with who made it (null for the server's own writes). */
export interface DocumentAppend {
	document: string;
	update: Uint8Array;
	author: string | null;
}

/**
 * Everything needed to rebuild a document: apply `snapshot` (if any), then `updates` in order.
 * `lastSeq` is the highest seq the result covers (0 for a document never written), the value a
 * later snapshot of this state is written `uptoSeq`.
 */
export interface DocumentState {
	snapshot: Uint8Array | null;
	snapshotSeq: number;
	updates: Uint8Array[];
	lastSeq: number;
}

/** One stored update as history shows it: its place in the log, its author, its time, its bytes. */
export interface DocumentEntry {
	seq: number;
	author: string | null;
	/** When the store wrote it (the store's clock, not the client's). */
	time: Date;
	update: Uint8Array;
}

/** Where to read a document: as it stood at an instant, or just after the update `seq`. */
export type DocumentPoint = { document: string; at: Date } | { document: string; seq: number };

/**
 * The one owner of stored boards: every Yjs document is read and written through this. Async so
 * that a networked backend (Postgres) is a second implementation; sequence numbers increase
 * strictly and are never reused, and an append resolves only once the update is durable.
 * Loading is linear (snapshot, then each update in order), never `Y.mergeUpdates` over a log.
 */
export interface DocumentStore {
	/** Stores one update; resolves to its seq once it is durable. The store stamps the time. */
	append(input: DocumentAppend): Promise<number>;
	/** All updates in one transaction: every one is stored, or none. */
	appendMany(inputs: readonly DocumentAppend[]): Promise<number[]>;
	/** The document's current state as a new Y.Doc (named for malformed-entry reports). */
	load(document: string): Promise<Y.Doc>;
	/** The current state as stored parts, for a caller that applies them into its own Y.Doc. */
	loadState(document: string): Promise<DocumentState>;
	/** The document as it stood at an instant or just after an update. */
	loadAt(point: DocumentPoint): Promise<Y.Doc>;
	/** The stored parts of `loadAt`. */
	loadStateAt(point: DocumentPoint): Promise<DocumentState>;
	/**
	 * Raw entries oldest first: updates written in [`from`, `to`] (both optional) with seq below
	 * `beforeSeq`, at most `limit` (the newest `limit` of the range). Compacted rows are gone.
	 */
	history(input: {
		document: string;
		limit: number;
		from?: Date;
		to?: Date;
		beforeSeq?: number;
	}): Promise<DocumentEntry[]>;
	/** Stores a full state covering every update up to `uptoSeq`; older snapshots are kept. */
	writeSnapshot(input: { document: string; state: Uint8Array; uptoSeq: number }): Promise<void>;
	/** Deletes updates covered by the latest snapshot and older than `retainAfter`; the count. */
	compact(input: { document: string; retainAfter?: Date }): Promise<number>;
	/** Names of stored documents, sorted; only those starting with `prefix`. */
	documents(prefix?: string): Promise<string[]>;
}

/**
 * A store whose append is durable before it returns. The sync server's group commit uses it: it
 * stores each event-loop turn's updates with one `appendManyNow`, releases the acknowledgements it
 * held only after that returned, and closes the senders' sockets on a refused one so those
 * updates are never acknowledged. A backend without it would release on `appendMany` resolving.
 */
export interface SynchronousAppend {
	/** Stores the update now; returns its seq, or throws (nothing stored) when refused. */
	appendNow(input: DocumentAppend): number;
	/**
	 * Stores every update now, all or none. Inside `store.transaction` it joins that transaction,
	 * so a board's row and its documents are written together (board creation, restore).
	 */
	appendManyNow(inputs: readonly DocumentAppend[]): number[];
}

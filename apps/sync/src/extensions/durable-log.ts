import {
	isTransactionOrigin,
	type Extension,
	type afterLoadDocumentPayload,
	type afterUnloadDocumentPayload,
	type beforeSyncPayload,
	type onLoadDocumentPayload,
	type onStoreDocumentPayload
} from '@hocuspocus/server';
import { CURRENT_SCHEMA_VERSION, isDocEmpty, migrateDoc, schemaVersionOf } from '@planboard/model';
import { applyStoredState, type SqliteDocumentStore } from '@planboard/boards/documents';
import * as Y from 'yjs';
import { CloseCodes, RefusalReasons } from '../close-codes.js';
import { contextOfOrigin, type SyncContext } from '../context.js';
import { carriesUpdate } from '../frames.js';
import type { Logger } from '@planboard/config';
import { StoreError } from '@planboard/store';
import type { GroupCommitter } from '../group-commit.js';

export interface DurableLogConfig {
	/** Loads, snapshots, and the migration's own append (durable before it returns). */
	documents: SqliteDocumentStore;
	/**
	 * Stores the clients' updates, one transaction per event-loop turn; the server's AckGate holds
	 * the sender's outgoing frames until it committed, so an update is acknowledged only once it
	 * is stored.
	 */
	committer: GroupCommitter;
	log: Logger;
	/** Write a snapshot once this many updates are logged after the previous one. */
	snapshotAfter: number;
	/** Log rows covered by a snapshot and older than this are deleted; null keeps all history. */
	retentionMs: number | null;
	/**
	 * Several servers append to this log (Redis fan-out): a snapshot then takes its rows from the
	 * log itself, since another server's row may be stored and not yet relayed to this memory, and
	 * is written under the document's lease in the database. Null: this server alone.
	 */
	sharedLog: SharedLog | null;
}

/**
 * What a server sharing the log needs to snapshot: the database's leases (the store's; a networked
 * backend's may resolve later), held under this server's name. One server writes a document's
 * snapshot at a time whether Redis is up or down, and a server that finds a newer snapshot than
 * its own under the lease writes none.
 */
export interface SharedLog {
	leases: {
		acquire(input: { name: string; holder: string; ttlMs: number }): boolean | Promise<boolean>;
		release(input: { name: string; holder: string }): boolean | Promise<boolean>;
	};
	/** This server's name in the lease table (the cluster's identifier). */
	holder: string;
}

/**
 * How long a snapshot's lease outlives a server killed while writing it: longer than merging a
 * long stored tail takes, short enough that the next store of the document finds it free.
 */
const SNAPSHOT_LEASE_MS = 30_000;

/**
 * Where a loaded document's memory stands against the database: `stored` (everything in it is),
 * `pending` (an update applied to it waits for its group commit), `refused` (an update in it could
 * not be stored; every socket on it is closing, so it unloads).
 */
export type MemoryState = 'stored' | 'pending' | 'refused';

interface DocState {
	lastSeq: number;
	snapshotSeq: number;
	/** This server's updates applied in memory whose group has not committed (or failed) yet. */
	unstored: number;
	/** Set when an update was applied in memory but could not be stored. */
	tainted: boolean;
	detach: () => void;
	/** Closes every connection to the document, so it unloads and drops the unstored update. */
	closeAll: () => void;
}

/**
 * Thrown from onLoadDocument for a document of a newer schema: Hocuspocus refuses the
 * subscription with this reason, so the provider learns why instead of waiting for a sync.
 */
class NewerSchema extends Error {
	readonly reason = RefusalReasons.NewerSchema;
}

/**
 * Runs `fn` with the document's 'update' listeners detached. Hocuspocus's Document listens to
 * 'update' from its creation, so applying the stored state made Yjs encode everything just loaded
 * as one update (2 MB, about 100 ms of CPU for a 2,000-card document) for Hocuspocus to broadcast
 * to nobody: no connection is attached while a document loads. Yjs emits the event only when a
 * listener is registered.
 */
function withoutUpdateEvents(document: Y.Doc, fn: () => void): void {
	const listeners = document._observers.get('update');
	document._observers.delete('update');
	try {
		fn();
	} finally {
		if (listeners) document._observers.set('update', listeners);
	}
}

/**
 * Appends every applied update to the SQLite log: Yjs's update event hands it to the group
 * committer, which stores everything that arrived in one event-loop turn in one transaction
 * (synchronous=FULL: one fsync per turn, not per update). Hocuspocus sends its acknowledgement
 * right after the event, but the AckGate holds the sender's frames until that transaction
 * committed, so an update a provider saw acknowledged survives a crash or a power loss (other
 * sockets get the broadcast at once; AckGate says why that loses nothing). A refused transaction
 * closes the senders' sockets, and every socket on their documents, before anything is released:
 * those updates are never acknowledged. Snapshots only shorten loading; history stays.
 */
export class DurableLog implements Extension {
	extensionName = 'DurableLog';
	priority = 1000;
	configuration: DurableLogConfig;
	#docs = new Map<string, DocState>();

	constructor(
		configuration: Partial<DurableLogConfig> &
			Pick<DurableLogConfig, 'documents' | 'committer' | 'log'>
	) {
		this.configuration = {
			snapshotAfter: 500,
			retentionMs: null,
			sharedLog: null,
			...configuration
		};
	}

	/**
	 * With the database unreachable (IO) the load fails and the loading socket is closed as a
	 * storage failure, so its provider reconnects later: Hocuspocus would answer the failed load
	 * with a permission-denied message, which a provider takes as final.
	 */
	async onLoadDocument(payload: onLoadDocumentPayload): Promise<void> {
		try {
			await this.#load(payload);
		} catch (error) {
			if (error instanceof StoreError && error.code === 'IO') {
				const { socket } = (payload.context as Partial<SyncContext> | undefined) ?? {};
				socket?.close(CloseCodes.StorageFailed.code, CloseCodes.StorageFailed.reason);
			}
			throw error;
		}
	}

	async #load({ documentName, document }: onLoadDocumentPayload): Promise<void> {
		const started = performance.now();
		// Rows of this document's previous life (unloaded a moment ago) may still wait in a group.
		await this.configuration.committer.flush();
		const { snapshot, snapshotSeq, updates, lastSeq } =
			await this.configuration.documents.loadState(documentName);
		withoutUpdateEvents(document, () => applyStoredState(document, { snapshot, updates }));
		const version = schemaVersionOf(document);
		if (version > CURRENT_SCHEMA_VERSION) {
			this.configuration.log.error('doc.newer_schema', {
				document: documentName,
				version,
				supported: CURRENT_SCHEMA_VERSION
			});
			throw new NewerSchema(
				`${documentName} has schemaVersion ${version}; this server supports ${CURRENT_SCHEMA_VERSION}`
			);
		}
		const migratedSeq = this.#migrate(documentName, document);
		this.#docs.set(documentName, {
			lastSeq: migratedSeq ?? lastSeq,
			snapshotSeq,
			unstored: 0,
			tainted: false,
			detach: () => {},
			closeAll: () => {}
		});
		this.configuration.log.info('doc.loaded', {
			document: documentName,
			updates: updates.length,
			ms: Math.round(performance.now() - started)
		});
	}

	/**
	 * Brings a stored document to the current schema before any client sees it, and logs the
	 * migration like any other update. A document from a newer schema fails to load (throws).
	 * The append is synchronous, outside the group commit: no client is attached yet, so there is
	 * no acknowledgement to hold, and the document is handed out only once the migration is
	 * stored (a refused write fails the load instead of serving an unstored migration).
	 */
	#migrate(documentName: string, document: Y.Doc): number | null {
		if (isDocEmpty(document)) return null;
		const before = Y.encodeStateVector(document);
		const result = migrateDoc(document);
		if (result.applied.length === 0) return null;
		this.configuration.log.info('doc.migrated', {
			document: documentName,
			from: result.from,
			to: result.to
		});
		return this.configuration.documents.appendNow({
			document: documentName,
			update: Y.encodeStateAsUpdate(document, before),
			author: null
		});
	}

	async afterLoadDocument({
		documentName,
		document,
		instance
	}: afterLoadDocumentPayload): Promise<void> {
		const state = this.#docs.get(documentName);
		if (!state) return;
		// Whole sockets, not Hocuspocus's per-document close: after that a provider stays attached
		// to a dead subscription and never resyncs, so a reader would silently stop updating.
		state.closeAll = () => {
			for (const connection of document.connections.keys()) {
				const { socket } = (connection as { context?: Partial<SyncContext> }).context ?? {};
				socket?.close(CloseCodes.StorageFailed.code, CloseCodes.StorageFailed.reason);
			}
			instance.closeConnections(documentName);
		};
		const onUpdate = (update: Uint8Array, origin: unknown) =>
			this.#append(documentName, update, origin);
		document.on('update', onUpdate);
		state.detach = () => document.off('update', onUpdate);
		// A long tail loaded (a board imported without the server, or a server that stopped before
		// snapshotting): snapshot it now, once the first sync is under way, or every load pays the
		// tail again: Hocuspocus stores a document only after a change, so a document that is only
		// read would never get one. Not with a shared log, whose snapshot merges the stored tail
		// with Y.mergeUpdates (superlinear: minutes for 50,000 rows).
		const { snapshotAfter, sharedLog } = this.configuration;
		if (sharedLog === null && state.lastSeq - state.snapshotSeq >= snapshotAfter)
			setImmediate(() => void this.#snapshotIfDue(documentName, document));
	}

	/**
	 * A message that carries an update is acknowledged even when it changes nothing, because the
	 * document already holds its content: perhaps from another socket's update whose group has not
	 * committed yet (a provider reconnecting while its first socket's update is pending, or a
	 * read-only connection, which Hocuspocus acknowledges when the document contains its update).
	 * Its socket waits for what is pending now, as a sender waits for its own update.
	 */
	async beforeSync({ type, context }: beforeSyncPayload<SyncContext>): Promise<void> {
		if (carriesUpdate(type)) this.configuration.committer.waitForPending(context.socket);
	}

	#append(documentName: string, update: Uint8Array, origin: unknown): void {
		const state = this.#docs.get(documentName);
		if (!state) return;
		// Relayed by another server through Redis: that server appended it for its own client.
		if (isTransactionOrigin(origin) && origin.source === 'redis') return;
		const context = contextOfOrigin(origin);
		state.unstored++;
		this.configuration.committer.add(
			{ document: documentName, update, author: context?.user?.id ?? null },
			(outcome) => {
				state.unstored--;
				if ('seq' in outcome) {
					state.lastSeq = outcome.seq;
					return;
				}
				state.tainted = true;
				this.configuration.log.error('update.store_failed', {
					document: documentName,
					user: context?.user?.username ?? null,
					error: outcome.error
				});
				// Closing before the AckGate releases Hocuspocus's acknowledgement: the sender keeps
				// the update as unsynced and will offer it again.
				context?.socket.close(CloseCodes.StorageFailed.code, CloseCodes.StorageFailed.reason);
				// Every other connection too, at once, so the document unloads and the unstored update
				// leaves memory now. Waiting for onStoreDocument (seconds later) let the sender reconnect
				// to the tainted copy, find its update already there, get acknowledged and drop it as
				// synced although it was never stored.
				state.closeAll();
			},
			// The sender's socket: the AckGate holds its frames (its acknowledgement) until then.
			context?.socket
		);
	}

	/**
	 * Where the document's memory stands (see MemoryState); `stored` for a document not loaded
	 * here or still loading, whose memory is what the database gave it. `committer.flush()`
	 * resolves once what is pending now has committed or failed.
	 */
	memoryOf(documentName: string): MemoryState {
		const state = this.#docs.get(documentName);
		if (!state) return 'stored';
		if (state.tainted) return 'refused';
		return state.unstored > 0 ? 'pending' : 'stored';
	}

	async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
		// The snapshot claims committed rows only (uptoSeq = lastSeq). An update applied after the
		// flush is in its state too and gets its row after uptoSeq (applied twice on load, which
		// Yjs ignores); were that row refused, the snapshot would keep an update that was never
		// acknowledged, which its sender offers again anyway.
		await this.configuration.committer.flush();
		const state = this.#docs.get(documentName);
		if (!state) return;
		if (state.tainted) {
			state.closeAll();
			return;
		}
		await this.#snapshotIfDue(documentName, document);
	}

	/**
	 * Writes a snapshot once `snapshotAfter` rows were logged after the previous one. With a shared
	 * log only under the document's lease: a server refused it skips this store (the holder's
	 * snapshot covers the rows it read, the next store the rest).
	 */
	async #snapshotIfDue(documentName: string, document: Y.Doc): Promise<void> {
		await this.configuration.committer.flush();
		const state = this.#docs.get(documentName);
		if (!state || state.tainted) return;
		if (state.lastSeq - state.snapshotSeq < this.configuration.snapshotAfter) return;
		const { sharedLog, log } = this.configuration;
		const lease = sharedLog && { name: `snapshot:${documentName}`, holder: sharedLog.holder };
		try {
			if (lease && !(await sharedLog.leases.acquire({ ...lease, ttlMs: SNAPSHOT_LEASE_MS })))
				return;
			try {
				await this.#writeSnapshot(documentName, document, state);
			} finally {
				if (lease) await sharedLog.leases.release(lease);
			}
		} catch (error) {
			log.error('snapshot.failed', { document: documentName, error });
		}
	}

	async #writeSnapshot(documentName: string, document: Y.Doc, state: DocState): Promise<void> {
		const { documents, retentionMs } = this.configuration;
		const snapshot = await this.#snapshotOf(documentName, document, state);
		if (!snapshot) return;
		await documents.writeSnapshot({ document: documentName, ...snapshot });
		state.snapshotSeq = snapshot.uptoSeq;
		if (retentionMs !== null) {
			await documents.compact({
				document: documentName,
				retainAfter: new Date(Date.now() - retentionMs)
			});
		}
	}

	/**
	 * The state a snapshot stores and the last row it covers, or null when none is due. Alone, this
	 * server's memory holds every row up to its own last one. With a shared log it may lack a row
	 * another server stored a moment ago (Redis relays it a few milliseconds later, or after an
	 * outage): claiming that row would hide it from every later load. So the stored state (latest
	 * snapshot and the rows after it) is merged in, and the snapshot covers exactly the rows it
	 * read; and none is due when another server's snapshot left fewer than `snapshotAfter` rows.
	 */
	async #snapshotOf(
		documentName: string,
		document: Y.Doc,
		docState: DocState
	): Promise<{ state: Uint8Array; uptoSeq: number } | null> {
		const state = Y.encodeStateAsUpdate(document);
		const { sharedLog, documents, snapshotAfter } = this.configuration;
		if (sharedLog === null) return { state, uptoSeq: docState.lastSeq };
		const stored = await documents.loadState(documentName);
		docState.snapshotSeq = Math.max(docState.snapshotSeq, stored.snapshotSeq);
		if (stored.lastSeq - stored.snapshotSeq < snapshotAfter) return null;
		const parts = [state, ...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates];
		return { state: Y.mergeUpdates(parts), uptoSeq: stored.lastSeq };
	}

	/** The server is closing: what is waiting in a group is committed before the store closes. */
	async onDestroy(): Promise<void> {
		await this.configuration.committer.flush();
	}

	async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
		this.#docs.get(documentName)?.detach();
		this.#docs.delete(documentName);
	}
}

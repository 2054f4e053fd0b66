import type { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import { PendingChanges } from './pending-changes';

/** 'ended': the server ended the session; nothing is sent until the user signs in again. */
export type SyncState = 'online' | 'offline' | 'syncing' | 'ended';

/** A document this user may write, with where its waiting-change count is kept. */
export interface TrackedDoc {
	doc: Y.Doc;
	provider: HocuspocusProvider;
	cacheOrigin: unknown;
	key: string;
}

/**
 * Connection state and the number of local changes the server has not acknowledged yet, over
 * the documents this user may write (read-only documents never have changes to send). The
 * count survives a reload, so an offline reload still says how much is waiting.
 */
export class SyncStatus {
	readonly #socket: HocuspocusProviderWebsocket;
	readonly #providers: HocuspocusProvider[];
	readonly #pending: PendingChanges[];
	readonly #subscribe: () => void;
	readonly #listeners = new Set<() => void>();
	#ended = false;

	constructor(options: { socket: HocuspocusProviderWebsocket; tracked: TrackedDoc[] }) {
		this.#socket = options.socket;
		this.#providers = options.tracked.map((t) => t.provider);
		const changed = () => this.#listeners.forEach((fn) => fn());
		this.#pending = options.tracked.map((t) => new PendingChanges({ ...t, onchange: changed }));
		this.#subscribe = createSubscriber((update) => {
			this.#socket.on('status', update);
			for (const p of this.#providers) {
				p.on('unsyncedChanges', update);
				p.on('synced', update);
			}
			this.#listeners.add(update);
			window.addEventListener('online', update);
			window.addEventListener('offline', update);
			return () => {
				this.#socket.off('status', update);
				for (const p of this.#providers) {
					p.off('unsyncedChanges', update);
					p.off('synced', update);
				}
				this.#listeners.delete(update);
				window.removeEventListener('online', update);
				window.removeEventListener('offline', update);
			};
		});
	}

	/** Marks the session as ended by the server; the state stays 'ended' from then on. */
	end(): void {
		if (this.#ended) return;
		this.#ended = true;
		this.#listeners.forEach((fn) => fn());
	}

	get ended(): boolean {
		this.#subscribe();
		return this.#ended;
	}

	get connected(): boolean {
		this.#subscribe();
		return navigator.onLine && this.#socket.status === 'connected';
	}

	/** Local edits not yet stored by the server, including those made before a reload. */
	get waiting(): number {
		this.#subscribe();
		return this.#pending.reduce((n, p) => n + p.count, 0);
	}

	get state(): SyncState {
		if (this.ended) return 'ended';
		if (!this.connected) return 'offline';
		// Right after the socket opens, every provider still has to run its first sync; until
		// then nothing says the server has this browser's changes or this browser the server's.
		const sending = this.#providers.some((p) => p.unsyncedChanges > 0 || !p.isSynced);
		return sending || this.waiting > 0 ? 'syncing' : 'online';
	}

	destroy(): void {
		for (const p of this.#pending) p.destroy();
	}
}

import type { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { createSubscriber } from 'svelte/reactivity';

export type SyncState = 'online' | 'offline' | 'syncing';

/**
 * Connection state and the number of local changes the server has not acknowledged yet, over
 * the documents this user may write (read-only documents never have changes to send).
 */
export class SyncStatus {
	readonly #socket: HocuspocusProviderWebsocket;
	readonly #providers: HocuspocusProvider[];
	readonly #subscribe: () => void;

	constructor(options: { socket: HocuspocusProviderWebsocket; providers: HocuspocusProvider[] }) {
		this.#socket = options.socket;
		this.#providers = options.providers;
		this.#subscribe = createSubscriber((update) => {
			this.#socket.on('status', update);
			for (const p of this.#providers) {
				p.on('unsyncedChanges', update);
				p.on('synced', update);
			}
			window.addEventListener('online', update);
			window.addEventListener('offline', update);
			return () => {
				this.#socket.off('status', update);
				for (const p of this.#providers) {
					p.off('unsyncedChanges', update);
					p.off('synced', update);
				}
				window.removeEventListener('online', update);
				window.removeEventListener('offline', update);
			};
		});
	}

	get connected(): boolean {
		this.#subscribe();
		return navigator.onLine && this.#socket.status === 'connected';
	}

	/** Local changes not yet stored by the server. */
	get waiting(): number {
		this.#subscribe();
		return this.#providers.reduce((n, p) => n + p.unsyncedChanges, 0);
	}

	get state(): SyncState {
		if (!this.connected) return 'offline';
		return this.waiting > 0 ? 'syncing' : 'online';
	}

	destroy(): void {}
}

import type { HocuspocusProvider } from '@hocuspocus/provider';
import type * as Y from 'yjs';

/**
 * Local edits of one document that the server has not acknowledged, counted across reloads.
 * The provider's own counter starts from zero on every page load and counts the IndexedDB load
 * as a change, so after an offline reload it cannot say how much is really waiting; this count
 * lives in localStorage and drops to zero only when the server has acknowledged everything.
 */
export class PendingChanges {
	readonly #key: string;
	#count: number;
	readonly #off: () => void;

	constructor(options: {
		doc: Y.Doc;
		provider: HocuspocusProvider;
		/** Updates from this origin (the IndexedDB cache) replay old state, not new edits. */
		cacheOrigin: unknown;
		key: string;
		onchange: () => void;
	}) {
		const { doc, provider, cacheOrigin, key, onchange } = options;
		this.#key = key;
		this.#count = Number(readItem(key)) || 0;
		const set = (n: number) => {
			if (n === this.#count) return;
			this.#count = n;
			writeItem(key, n);
			onchange();
		};
		const onUpdate = (_update: Uint8Array, origin: unknown) => {
			if (origin !== provider && origin !== cacheOrigin) set(this.#count + 1);
		};
		// The provider's count reaches zero only on server acknowledgements, once everything it
		// sent (including what the reconnect sync carried from IndexedDB) is stored.
		const onUnsynced = ({ number }: { number: number }) => {
			if (number === 0) set(0);
		};
		doc.on('update', onUpdate);
		provider.on('unsyncedChanges', onUnsynced);
		this.#off = () => {
			doc.off('update', onUpdate);
			provider.off('unsyncedChanges', onUnsynced);
		};
	}

	get count(): number {
		return this.#count;
	}

	destroy(): void {
		this.#off();
	}
}

function readItem(key: string): string | null {
	try {
		return localStorage.getItem(key);
	} catch {
		return null;
	}
}

function writeItem(key: string, n: number): void {
	try {
		if (n === 0) localStorage.removeItem(key);
		else localStorage.setItem(key, String(n));
	} catch {
		// Without storage the count still works for this page load.
	}
}

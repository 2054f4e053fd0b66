import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';

/**
 * Base of the reactive views over one Y.Doc. Reads are memoised per document version: a board
 * of 2,000 cards is read by many components, and rebuilding plain objects on every getter call
 * would redo that work once per reader. The version listener is permanent (not tied to the
 * subscriber) so a read outside any effect never returns a stale cache.
 */
export class DocView {
	readonly doc: Y.Doc;
	#version = 0;
	#cache = new Map<string, { version: number; value: unknown }>();
	#subscribe: () => void;

	constructor(doc: Y.Doc) {
		this.doc = doc;
		doc.on('update', () => this.#version++);
		this.#subscribe = createSubscriber((update) => {
			doc.on('update', update);
			return () => doc.off('update', update);
		});
	}

	/** The document's change counter; reading it makes the caller reactive. */
	get version(): number {
		this.#subscribe();
		return this.#version;
	}

	protected memo<T>(key: string, read: () => T): T {
		this.#subscribe();
		const hit = this.#cache.get(key);
		if (hit && hit.version === this.#version) return hit.value as T;
		const value = read();
		this.#cache.set(key, { version: this.#version, value });
		return value;
	}
}

import { createSubscriber } from 'svelte/reactivity';

/**
 * `createSubscriber` per key: a reader tracks only the keys it read (one card, one document
 * root), and `notify(key)` re-runs only the effects that read that key. Subscriptions exist
 * while some effect holds them, so a deleted card's key leaves nothing behind.
 */
export class KeyedSubscriber {
	readonly #subscribers = new Map<string, () => void>();
	readonly #updates = new Map<string, () => void>();

	/** Makes the calling effect (if any) depend on `key`. */
	track(key: string): void {
		let subscribe = this.#subscribers.get(key);
		if (!subscribe) {
			const created = createSubscriber((update) => {
				this.#updates.set(key, update);
				return () => {
					this.#updates.delete(key);
					if (this.#subscribers.get(key) === created) this.#subscribers.delete(key);
				};
			});
			subscribe = created;
			this.#subscribers.set(key, created);
		}
		subscribe();
	}

	notify(key: string): void {
		this.#updates.get(key)?.();
	}
}

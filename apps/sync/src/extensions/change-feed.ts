import type { Extension, onChangePayload } from '@hocuspocus/server';

/** Called with the name of a document that just changed; must not throw. */
export type DocumentChangeListener = (documentName: string) => void;

/**
 * Tells in-process readers (the progress feed of share links) that a document changed, so they
 * recompute from the stored document instead of polling it or opening it over `/collab`.
 * Every change Hocuspocus applies passes here once the durable log's group commit stored it.
 */
export class ChangeFeed implements Extension {
	extensionName = 'ChangeFeed';
	priority = 100;
	#listeners = new Set<DocumentChangeListener>();
	readonly #whenStored: () => Promise<void>;

	/** `whenStored` resolves once every update applied so far is committed (or refused). */
	constructor(options: { whenStored?: () => Promise<void> } = {}) {
		this.#whenStored = options.whenStored ?? (() => Promise.resolve());
	}

	async onChange({ documentName }: onChangePayload): Promise<void> {
		await this.#whenStored();
		for (const listener of this.#listeners) listener(documentName);
	}

	/** Returns the unsubscribe function. */
	subscribe(listener: DocumentChangeListener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}
}

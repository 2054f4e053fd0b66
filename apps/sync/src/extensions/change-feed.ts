import type { Extension, onChangePayload } from '@hocuspocus/server';

/** Called with the name of a document that just changed; must not throw. */
export type DocumentChangeListener = (documentName: string) => void;

/**
 * Tells in-process readers (the progress feed of share links) that a document changed, so they
 * recompute from the stored document instead of polling it or opening it over `/collab`.
 * Every change Hocuspocus applies passes here after the durable log stored it.
 */
export class ChangeFeed implements Extension {
	extensionName = 'ChangeFeed';
	priority = 100;
	#listeners = new Set<DocumentChangeListener>();

	async onChange({ documentName }: onChangePayload): Promise<void> {
		for (const listener of this.#listeners) listener(documentName);
	}

	/** Returns the unsubscribe function. */
	subscribe(listener: DocumentChangeListener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}
}

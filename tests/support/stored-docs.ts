import { readDocument } from '@planboard/boards';
import type { Store } from '@planboard/store';
import * as Y from 'yjs';

/**
 * Changes a stored document the way the sync server stores a client's edit: the document is read
 * from the store, `change` runs on it, and the update it produced is appended to the log with
 * `userId` as its author.
 */
export function editStored(
	store: Store,
	document: string,
	change: (doc: Y.Doc) => void,
	userId: string | null = null
): void {
	const doc = readDocument(store, document);
	const before = Y.encodeStateVector(doc);
	change(doc);
	store.updates.append({ document, update: Y.encodeStateAsUpdate(doc, before), userId });
}

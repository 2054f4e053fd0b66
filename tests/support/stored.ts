import type { Store } from '@planboard/store';
import * as Y from 'yjs';

/** The document exactly as the database would load it: latest snapshot plus log tail. */
export function storedDoc(store: Store, document: string): Y.Doc {
	const doc = new Y.Doc();
	const { snapshot, updates } = store.updates.load(document);
	if (snapshot) Y.applyUpdate(doc, snapshot);
	for (const update of updates) Y.applyUpdate(doc, update);
	return doc;
}

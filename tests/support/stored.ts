import { readDocument } from '@planboard/boards';
import type { Store } from '@planboard/store';
import type * as Y from 'yjs';

/** The document exactly as the database would load it: latest snapshot plus log tail. */
export function storedDoc(store: Store, document: string): Y.Doc {
	return readDocument(store, document);
}

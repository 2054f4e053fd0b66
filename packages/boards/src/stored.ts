import { nameDoc } from '@planboard/model';
import * as Y from 'yjs';

/** A document as the update log stores it: the latest snapshot (if any), then the log tail. */
export interface StoredState {
	snapshot: Uint8Array | null;
	updates: readonly Uint8Array[];
}

/**
 * The one way a stored document is loaded: the snapshot, then every logged update in order, in
 * one transaction. Linear in the number of updates; `Y.mergeUpdates` over the same parts is
 * superlinear (50,000 logged card edits took 226 s to merge, 0.x s this way).
 */
export function applyStoredState(doc: Y.Doc, { snapshot, updates }: StoredState): void {
	if (!snapshot && updates.length === 0) return;
	doc.transact(() => {
		if (snapshot) Y.applyUpdate(doc, snapshot);
		for (const update of updates) Y.applyUpdate(doc, update);
	});
}

/** A new document holding the stored state; `name` labels its malformed-entry reports. */
export function docFromStored(stored: StoredState, name?: string): Y.Doc {
	const doc = new Y.Doc();
	if (name !== undefined) nameDoc(doc, name);
	applyStoredState(doc, stored);
	return doc;
}

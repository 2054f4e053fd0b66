import { readDocument } from '@planboard/boards';
import { TABLES, type Store, type TableName } from '@planboard/store';
import type * as Y from 'yjs';

/** The document exactly as the database would load it: latest snapshot plus log tail. */
export function storedDoc(store: Store, document: string): Y.Doc {
	return readDocument(store, document);
}

/**
 * Every row of every table but `except`, as stored, in key order, on either backend (through the
 * store's table-level reader): to show that a refused or failed operation wrote nothing.
 */
export function storedRows(store: Store, except: readonly TableName[] = []): string {
	return JSON.stringify(
		TABLES.filter((t) => !except.includes(t.name)).map(({ name }) => [
			name,
			[...store.transfer.pages(name)].flat()
		]),
		(_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)
	);
}

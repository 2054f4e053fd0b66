import type { Store } from '@planboard/store';
import type {
	DocumentAppend,
	DocumentPoint,
	DocumentState,
	DocumentStore,
	SynchronousAppend
} from './document-store.js';
import { readDocument } from './as-of.js';
import { docFromStored } from './stored.js';

/**
 * The store's DocumentStore, on either backend: the store is synchronous on SQLite and on
 * PostgreSQL alike (see packages/store pg-driver.ts), so every promise is settled on return and
 * the group commit's appendManyNow is durable when it returns.
 */
export type SqliteDocumentStore = DocumentStore & SynchronousAppend;

const row = ({ document, update, author }: DocumentAppend) => ({
	document,
	update,
	userId: author
});

/** The DocumentStore over packages/store's update log (doc_updates and doc_snapshots). */
export function sqliteDocumentStore(store: Pick<Store, 'updates'>): SqliteDocumentStore {
	const { updates } = store;
	// A synchronous throw becomes a rejection, as a networked backend would report it.
	const settle = <T>(fn: () => T): Promise<T> => {
		try {
			return Promise.resolve(fn());
		} catch (error) {
			return Promise.reject(error instanceof Error ? error : new Error(String(error)));
		}
	};
	const stateAt = (point: DocumentPoint): DocumentState =>
		'at' in point
			? updates.loadAt({ document: point.document, at: point.at })
			: updates.loadUpTo({ document: point.document, seq: point.seq });
	return {
		appendNow: (input) => updates.append(row(input)),
		appendManyNow: (inputs) => updates.appendMany(inputs.map(row)),
		append: (input) => settle(() => updates.append(row(input))),
		appendMany: (inputs) => settle(() => updates.appendMany(inputs.map(row))),
		load: (document) => settle(() => readDocument(store, document)),
		loadState: (document) => settle(() => updates.load(document)),
		loadAt: (point) => settle(() => docFromStored(stateAt(point), point.document)),
		loadStateAt: (point) => settle(() => stateAt(point)),
		history: ({ document, limit, from, to, beforeSeq }) =>
			settle(() =>
				updates
					.updatesBetween({ document, limit, from, to, beforeSeq })
					.reverse()
					.map((entry) => ({
						seq: entry.seq,
						author: entry.userId,
						time: entry.at,
						update: entry.data
					}))
			),
		writeSnapshot: (input) => settle(() => updates.writeSnapshot(input)),
		compact: (input) => settle(() => updates.compact(input)),
		documents: (prefix) => settle(() => updates.documents(prefix))
	};
}

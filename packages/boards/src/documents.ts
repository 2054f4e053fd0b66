export type {
	DocumentAppend,
	DocumentEntry,
	DocumentPoint,
	DocumentState,
	DocumentStore,
	SynchronousAppend
} from './document-store.js';
export { sqliteDocumentStore, type SqliteDocumentStore } from './sqlite-documents.js';
export { readDocument, type DocumentReader } from './as-of.js';
export { applyStoredState, docFromStored, type StoredState } from './stored.js';

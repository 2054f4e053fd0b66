import { readDocument, storedVersion } from '@planboard/boards';
import type * as Y from 'yjs';
import { runtime } from './runtime';

/** Entries kept: a few boards of 46 documents each, and their plan reads. */
const LIMIT = 500;

const reads = new Map<string, { version: number; value: unknown }>();

/**
 * `read` of the stored document as it is now, redone only after the document changed. Opening
 * a 2,000-card board loaded and read its 46 documents on every request (over a second on the
 * development machine, before the first byte); one indexed query per document tells what
 * changed since. The value is shared between requests: callers must not mutate it.
 */
export function storedRead<T>(options: {
	document: string;
	/** Names the read, so two reads of one document are kept apart. */
	kind: string;
	read: (doc: Y.Doc) => T;
}): T {
	const { document, kind, read } = options;
	const key = `${kind}\u0000${document}`;
	const version = storedVersion(runtime().store, document);
	const hit = reads.get(key);
	if (hit && hit.version === version) {
		// Most recently used last, so the oldest entry is the first to go.
		reads.delete(key);
		reads.set(key, hit);
		return hit.value as T;
	}
	const doc = readDocument(runtime().store, document);
	try {
		const value = read(doc);
		reads.delete(key);
		reads.set(key, { version, value });
		if (reads.size > LIMIT) reads.delete(reads.keys().next().value as string);
		return value;
	} finally {
		doc.destroy();
	}
}

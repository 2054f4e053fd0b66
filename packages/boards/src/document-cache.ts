import type { Store } from '@planboard/store';
import type * as Y from 'yjs';
import { readDocument } from './as-of.js';
import { documentHistory, type HistoryEntry } from './history.js';
import { sqliteDocumentStore } from './sqlite-documents.js';

/** What the cache has read from the store since it was made: the work a cached read saves. */
export interface CacheStats {
	/** Documents loaded (snapshot and log applied). */
	loads: number;
	/** Histories replayed from the log. */
	replays: number;
	/** Values of `derive`: computed, and handed out again without computing. */
	derivations: { computed: number; hits: number };
}

/**
 * A stored document's version: the seq of its newest log row (0 when it has none), one indexed
 * lookup. Any write appends a row with a higher seq than was ever issued, so an unchanged version
 * means unchanged content; compaction can lower it without changing the content, which costs a
 * reader one extra load, never a stale read. Every cache of stored reads keys on this.
 */
export function storedVersion(store: Pick<Store, 'updates'>, document: string): number {
	return store.updates.history({ document, limit: 1 })[0]?.seq ?? 0;
}

/**
 * Stored documents kept between reads while they stay as they are, for a caller that reads the
 * same boards over and over (the bell: every signed-in page polls it). A document's version is
 * the seq of its newest log row, one indexed lookup: any write appends a row with a higher seq
 * than was ever issued, so an unchanged version means unchanged content, and a request with no
 * change reads nothing new. Compaction can lower the version without changing the content; that
 * costs one extra load, never a stale read.
 *
 * The documents handed out are shared: callers read them and never write to them.
 */
export class DocumentCache {
	readonly stats: CacheStats = { loads: 0, replays: 0, derivations: { computed: 0, hits: 0 } };
	readonly #store: Store;
	readonly #docs = new Map<string, { version: number; doc: Y.Doc }>();
	readonly #histories = new Map<
		string,
		{ version: number; now: number; from: number; entries: HistoryEntry[] }
	>();
	readonly #derived = new Map<string, { inputs: readonly Y.Doc[]; value: unknown }>();

	constructor(store: Store) {
		this.#store = store;
	}

	/** The document's stored version (`storedVersion`). */
	version(document: string): number {
		return storedVersion(this.#store, document);
	}

	/** The document as it stands now, loaded only when it changed since the last read. */
	read(document: string): Y.Doc {
		const version = this.version(document);
		const held = this.#docs.get(document);
		if (held && held.version === version) return held.doc;
		// The version is read before the load: a write in between only makes the next read reload.
		const doc = readDocument(this.#store, document);
		this.stats.loads++;
		// The replaced copy is left to the collector: a request still reading it may be mid-await.
		this.#docs.set(document, { version, doc });
		return doc;
	}

	/**
	 * The card history entries written in the `days` before `now`, newest first, at most `limit`
	 * log rows replayed (`documentHistory`). Replayed again only when the document changed or the
	 * window moved back; a later window of an unchanged document is the same rows, fewer.
	 */
	async recentHistory(document: string, o: { now: number; days: number; limit: number }) {
		const from = o.now - o.days * 86_400_000;
		const version = this.version(document);
		const held = this.#histories.get(document);
		if (held && held.version === version && o.now >= held.now && from >= held.from) {
			return held.entries.filter((e) => Date.parse(e.time) >= from);
		}
		const { entries } = await documentHistory(
			{ documents: sqliteDocumentStore(this.#store), users: this.#store.users },
			document,
			{ from: new Date(from), to: new Date(o.now), limit: o.limit }
		);
		this.stats.replays++;
		this.#histories.set(document, { version, now: o.now, from, entries });
		return entries;
	}

	/**
	 * A value computed from documents this cache handed out, kept while every one of them is
	 * still the one held: `read` returns the same Y.Doc until its document changes, so the same
	 * inputs mean the same content and `compute` is not run again. `key` must name everything
	 * else the value depends on (the day, the user's agency).
	 */
	derive<T>(key: string, inputs: readonly Y.Doc[], compute: () => T): T {
		const held = this.#derived.get(key);
		if (
			held &&
			held.inputs.length === inputs.length &&
			held.inputs.every((doc, i) => doc === inputs[i])
		) {
			this.stats.derivations.hits++;
			return held.value as T;
		}
		const value = compute();
		this.stats.derivations.computed++;
		this.#derived.set(key, { inputs: [...inputs], value });
		return value;
	}

	/**
	 * Forgets documents not in `keep` (boards deleted since), and values derived from documents
	 * no longer held (replaced or forgotten), so the cache stays bounded.
	 */
	retain(keep: ReadonlySet<string>): void {
		for (const name of this.#docs.keys()) if (!keep.has(name)) this.#docs.delete(name);
		for (const name of this.#histories.keys()) if (!keep.has(name)) this.#histories.delete(name);
		const held = new Set([...this.#docs.values()].map((d) => d.doc));
		for (const [key, { inputs }] of this.#derived) {
			if (!inputs.every((doc) => held.has(doc))) this.#derived.delete(key);
		}
	}
}

import * as Y from 'yjs';

/** What `observeDeep` hands its callback, as far as the keys go. */
export interface DeepEvent {
	readonly target: unknown;
	readonly path: (string | number)[];
}

export interface KeyedReadsOptions<T> {
	/** The root map whose entries are read, one value per key. */
	map: Y.Map<unknown>;
	keyOf: (value: T) => string;
	/**
	 * Every entry, in list order: the model's total reader (a malformed entry is skipped and
	 * reported, never thrown). Used for the first read, and for every change when `readOne` is
	 * absent (the values of untouched keys then keep their identity).
	 */
	readAll: () => T[];
	/**
	 * One entry, or null when it is absent or malformed, with the list order. With it a change
	 * re-reads only the entries it touched.
	 */
	readOne?: { read: (key: string) => T | null; compare: (a: T, b: T) => number };
}

/**
 * The keys of `map` that a transaction's deep events touched. An event on the map itself names
 * the entries added, replaced or removed; an event below it (a card's field, its notes' text,
 * its checklist) has the entry's key first in its path.
 */
export function touchedKeys(map: Y.Map<unknown>, events: readonly DeepEvent[]): Set<string> {
	const keys = new Set<string>();
	for (const event of events) {
		if (event.target === map) {
			if (event instanceof Y.YMapEvent) for (const key of event.keysChanged) keys.add(key);
		} else {
			const first = event.path[0];
			if (typeof first === 'string') keys.add(first);
		}
	}
	return keys;
}

/**
 * Plain reads of the entries of one Y.Map, each redone only when a transaction touched that
 * entry (Yjs's deep events say which). A value that was not re-read is the same object as
 * before, so identity-keyed caches downstream (lane rows, tiles) skip it; `list` is a new array
 * only after a change. The observer is permanent, not tied to a reactive subscriber, so a read
 * outside any effect is never stale.
 */
export class KeyedReads<T> {
	readonly #o: KeyedReadsOptions<T>;
	/** null until the first read: everything is read then. */
	#values: Map<string, T> | null = null;
	#dirty = new Set<string>();
	#list: T[] | null = null;

	constructor(options: KeyedReadsOptions<T>) {
		this.#o = options;
	}

	/**
	 * Marks the keys a transaction touched (from `map.observeDeep` events) and returns them, so
	 * the owner can notify only their readers.
	 */
	invalidate(events: readonly DeepEvent[]): Set<string> {
		const keys = touchedKeys(this.#o.map, events);
		if (keys.size === 0) return keys;
		for (const key of keys) this.#dirty.add(key);
		this.#list = null;
		return keys;
	}

	/** Everything is read again at the next read (the entries' meaning changed, e.g. loaded). */
	reset(): void {
		this.#values = null;
		this.#dirty.clear();
		this.#list = null;
	}

	get(key: string): T | null {
		const values = this.#values;
		if (values === null) return this.#readAll().get(key) ?? null;
		if (this.#dirty.has(key)) {
			if (this.#o.readOne) this.#readOne(values, key, this.#o.readOne.read);
			else this.#rereadAll(values);
		}
		return this.#values?.get(key) ?? null;
	}

	list(): T[] {
		if (this.#list) return this.#list;
		const values = this.#values;
		if (values === null) {
			this.#readAll();
			return this.#list ?? [];
		}
		const one = this.#o.readOne;
		if (!one) return this.#rereadAll(values);
		for (const key of this.#dirty) this.#readOne(values, key, one.read);
		// Nearly sorted after one card moved: the engine's sort is close to linear then.
		this.#list = [...values.values()].sort(one.compare);
		return this.#list;
	}

	#readOne(values: Map<string, T>, key: string, read: (key: string) => T | null): void {
		this.#dirty.delete(key);
		const value = read(key);
		if (value === null) values.delete(key);
		else values.set(key, value);
	}

	#readAll(): Map<string, T> {
		const list = this.#o.readAll();
		this.#values = new Map(list.map((v) => [this.#o.keyOf(v), v]));
		this.#dirty.clear();
		this.#list = list;
		return this.#values;
	}

	#rereadAll(old: Map<string, T>): T[] {
		const dirty = this.#dirty;
		this.#dirty = new Set();
		const list = this.#o.readAll().map((v) => {
			const key = this.#o.keyOf(v);
			const kept = dirty.has(key) ? undefined : old.get(key);
			return kept ?? v;
		});
		this.#values = new Map(list.map((v) => [this.#o.keyOf(v), v]));
		this.#list = list;
		return list;
	}
}

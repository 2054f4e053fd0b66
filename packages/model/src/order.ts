import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Fractional-index ordering. Items are never moved inside a Y.Array (a concurrent move there
 * duplicates the item); instead each item carries an `order` key and a move rewrites that key.
 * Two replicas moving to the same spot produce the same key, so every comparison breaks ties by
 * id: the order is total and identical on every replica.
 */
export interface Ordered {
	id: string;
	order: string;
}

/** Keys compare by code unit, which is what fractional-indexing is designed for (not locale). */
export function compareKeys(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

export function compareOrdered(a: Ordered, b: Ordered): number {
	return compareKeys(a.order, b.order) || compareKeys(a.id, b.id);
}

/** `n` ascending keys for a fresh list, e.g. the cards created by the server. */
export function initialKeys(n: number): string[] {
	return generateNKeysBetween(null, null, n);
}

/** A key after every item of `items` (which need not be sorted). */
export function keyAfterAll(items: readonly Ordered[]): string {
	let max: string | null = null;
	for (const it of items) if (max === null || it.order > max) max = it.order;
	return generateKeyBetween(max, null);
}

/** A key before every item of `items`. */
export function keyBeforeAll(items: readonly Ordered[]): string {
	let min: string | null = null;
	for (const it of items) if (min === null || it.order < min) min = it.order;
	return generateKeyBetween(null, min);
}

export interface Placement {
	/** Key for the item being placed. */
	key: string;
	/** Other items that must be re-keyed to make room (only after an equal-key collision). */
	rekey: Ordered[];
}

/**
 * A key that puts a new item at position `index` of `column` (sorted by
 * {@link compareOrdered}, without the item itself). When the neighbours have distinct keys this
 * is one key between them. When they share a key (two concurrent identical moves), no key fits
 * strictly between them, so the run of equal keys from `index` on is re-keyed together with the
 * new item up to the next distinct key. The result is exact placement and a healed collision.
 */
export function placeAt(column: readonly Ordered[], index: number): Placement {
	const i = Math.max(0, Math.min(index, column.length));
	const lo = i > 0 ? column[i - 1].order : null;
	const hi = i < column.length ? column[i].order : null;
	if (lo === null || hi === null || lo < hi) {
		return { key: generateKeyBetween(lo, hi), rekey: [] };
	}
	let j = i;
	while (j < column.length && column[j].order === lo) j++;
	const next = j < column.length ? column[j].order : null;
	const keys = generateNKeysBetween(lo, next, 1 + (j - i));
	return {
		key: keys[0],
		rekey: column.slice(i, j).map((it, k) => ({ id: it.id, order: keys[k + 1] }))
	};
}

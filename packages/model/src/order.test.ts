import { describe, expect, it } from 'vitest';
import {
	compareOrdered,
	initialKeys,
	keyAfterAll,
	keyBeforeAll,
	placeAt,
	type Ordered
} from './order.js';

const apply = (column: Ordered[], index: number, id: string): Ordered[] => {
	const { key, rekey } = placeAt(column, index);
	const next = column.map((c) => rekey.find((r) => r.id === c.id) ?? c);
	return [...next, { id, order: key }].sort(compareOrdered);
};
const ids = (col: Ordered[]) => col.map((c) => c.id);

describe('fractional ordering', () => {
	const [k0, k1, k2] = initialKeys(3);
	const col: Ordered[] = [
		{ id: 'a', order: k0 },
		{ id: 'b', order: k1 },
		{ id: 'c', order: k2 }
	];

	it('gives ascending initial keys', () => {
		expect(k0 < k1 && k1 < k2).toBe(true);
	});

	it('places between, at the top and at the bottom', () => {
		expect(ids(apply(col, 1, 'x'))).toEqual(['a', 'x', 'b', 'c']);
		expect(ids(apply(col, 0, 'x'))).toEqual(['x', 'a', 'b', 'c']);
		expect(ids(apply(col, 3, 'x'))).toEqual(['a', 'b', 'c', 'x']);
		expect(ids(apply([], 0, 'x'))).toEqual(['x']);
		expect(keyAfterAll(col) > k2 && keyBeforeAll(col) < k0).toBe(true);
	});

	it('breaks equal keys by id and still places exactly between colliding items', () => {
		const clash: Ordered[] = [
			{ id: 'a', order: k0 },
			{ id: 'p', order: k1 },
			{ id: 'q', order: k1 },
			{ id: 'r', order: k1 },
			{ id: 'z', order: k2 }
		];
		expect(ids([...clash].reverse().sort(compareOrdered))).toEqual(['a', 'p', 'q', 'r', 'z']);
		const placed = apply(clash, 2, 'x');
		expect(ids(placed)).toEqual(['a', 'p', 'x', 'q', 'r', 'z']);
		// The collision is healed: every key is now distinct.
		expect(new Set(placed.map((c) => c.order)).size).toBe(placed.length);
	});

	it('handles a collision at the end of the column', () => {
		const clash: Ordered[] = [
			{ id: 'p', order: k1 },
			{ id: 'q', order: k1 }
		];
		expect(ids(apply(clash, 1, 'x'))).toEqual(['p', 'x', 'q']);
	});
});

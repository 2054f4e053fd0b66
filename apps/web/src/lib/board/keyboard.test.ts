import { describe, expect, it } from 'vitest';
import { keyboardMove } from './keyboard';

const cards = [
	{ taskId: 'a', status: 'todo' as const },
	{ taskId: 'b', status: 'todo' as const },
	{ taskId: 'c', status: 'in_progress' as const }
];

describe('keyboardMove', () => {
	it('moves within a column relative to the visible neighbour', () => {
		expect(keyboardMove({ cards, taskId: 'b', key: 'ArrowUp' })).toEqual({
			toStatus: 'todo',
			before: 'a',
			position: 1,
			count: 2
		});
		expect(keyboardMove({ cards, taskId: 'a', key: 'ArrowUp' })).toBeNull();
		expect(keyboardMove({ cards, taskId: 'a', key: 'ArrowDown' })).toMatchObject({
			after: 'b',
			position: 2
		});
	});
	it('moves to the bottom of the next or previous column, and stops at the edges', () => {
		expect(keyboardMove({ cards, taskId: 'a', key: 'ArrowRight' })).toEqual({
			toStatus: 'in_progress',
			after: 'c',
			position: 2,
			count: 2
		});
		expect(keyboardMove({ cards, taskId: 'c', key: 'ArrowRight' })).toMatchObject({
			toStatus: 'awaiting_review',
			position: 1
		});
		expect(keyboardMove({ cards, taskId: 'a', key: 'ArrowLeft' })).toBeNull();
	});
});

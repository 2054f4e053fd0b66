import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mapPosition, textDiff } from './text-binding';

describe('textDiff', () => {
	it('finds the one changed span', () => {
		expect(textDiff('hello world', 'hello brave world')).toEqual({
			index: 6,
			remove: 0,
			insert: 'brave '
		});
		expect(textDiff('abcdef', 'abef')).toEqual({ index: 2, remove: 2, insert: '' });
		expect(textDiff('aaa', 'aaaa')).toEqual({ index: 3, remove: 0, insert: 'a' });
		expect(textDiff('Tiến độ', 'Tiến độ 50%')).toEqual({ index: 7, remove: 0, insert: ' 50%' });
	});
});

describe('mapPosition', () => {
	it('shifts a caret after a remote insert before it and keeps it before one after it', () => {
		const doc = new Y.Doc();
		const text = doc.getText('t');
		text.insert(0, 'hello world');
		const deltas: Y.YTextEvent['delta'][] = [];
		text.observe((e) => deltas.push(e.delta));
		text.insert(0, '>> ');
		text.insert(14, '!');
		text.delete(0, 3);
		expect(mapPosition(5, deltas[0])).toBe(8);
		expect(mapPosition(8, deltas[1])).toBe(8);
		expect(mapPosition(8, deltas[2])).toBe(5);
		expect(mapPosition(1, deltas[2])).toBe(0);
		expect(mapPosition(0, deltas[0])).toBe(0);
	});
});

import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { cardsMap, readCard, readCards } from './card.js';
import { moveCard } from './move.js';
import type { Status } from './status.js';
import { T, agencyDoc, replicasOf } from './test-fixtures.js';

const column = (doc: Y.Doc, status: Status) =>
	readCards(doc)
		.filter((c) => c.status === status)
		.map((c) => c.taskId);

describe('moveCard', () => {
	it('moves within a column: between, to top, to bottom', () => {
		const doc = agencyDoc();
		moveCard(doc, { taskId: T.dutyTttt, toStatus: 'todo', before: T.press });
		expect(column(doc, 'todo')).toEqual([T.legal, T.dutyTttt, T.press, T.border]);
		moveCard(doc, { taskId: T.border, toStatus: 'todo', before: T.legal });
		expect(column(doc, 'todo')).toEqual([T.border, T.legal, T.dutyTttt, T.press]);
		moveCard(doc, { taskId: T.border, toStatus: 'todo' });
		expect(column(doc, 'todo')).toEqual([T.legal, T.dutyTttt, T.press, T.border]);
		moveCard(doc, { taskId: T.legal, toStatus: 'todo', after: T.press });
		expect(column(doc, 'todo')).toEqual([T.dutyTttt, T.press, T.legal, T.border]);
	});

	it('moves across columns and sets status, completedAt and writer', () => {
		const doc = agencyDoc();
		moveCard(doc, { taskId: T.press, toStatus: 'done', at: 7, by: 'u1' });
		moveCard(doc, { taskId: T.legal, toStatus: 'done', before: T.press, at: 8 });
		expect(column(doc, 'done')).toEqual([T.legal, T.press]);
		expect(readCard(doc, T.press)).toMatchObject({ completedAt: 7, updatedBy: 'u1' });
		moveCard(doc, { taskId: T.press, toStatus: 'in_progress' });
		expect(readCard(doc, T.press)?.completedAt).toBeNull();
	});

	it('ignores a neighbour that is not in the target column', () => {
		const doc = agencyDoc();
		moveCard(doc, { taskId: T.press, toStatus: 'done', before: T.legal });
		expect(column(doc, 'done')).toEqual([T.press]);
	});

	it('keeps a total order when concurrent moves produce equal keys, then places between them', () => {
		const [a, b] = replicasOf(agencyDoc(), 2);
		moveCard(a, { taskId: T.legal, toStatus: 'in_progress' });
		moveCard(b, { taskId: T.press, toStatus: 'in_progress' });
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(readCard(a, T.legal)?.order).toBe(readCard(a, T.press)?.order);
		expect(column(a, 'in_progress')).toEqual([T.legal, T.press]);
		expect(column(b, 'in_progress')).toEqual(column(a, 'in_progress'));
		moveCard(a, { taskId: T.border, toStatus: 'in_progress', after: T.legal });
		expect(column(a, 'in_progress')).toEqual([T.legal, T.border, T.press]);
		moveCard(a, { taskId: T.dutyTttt, toStatus: 'in_progress', before: T.legal });
		expect(column(a, 'in_progress')).toEqual([T.dutyTttt, T.legal, T.border, T.press]);
	});

	it('breaks equal keys by taskId, not by insertion order', () => {
		const [a, b] = replicasOf(agencyDoc([T.press, T.legal]), 2);
		moveCard(a, { taskId: T.press, toStatus: 'done' });
		moveCard(b, { taskId: T.legal, toStatus: 'done' });
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		expect(readCard(a, T.legal)?.order).toBe(readCard(a, T.press)?.order);
		expect(column(a, 'done')).toEqual([T.legal, T.press]);
	});

	it('never duplicates a card moved concurrently to different columns', () => {
		const [a, b] = replicasOf(agencyDoc(), 2);
		moveCard(a, { taskId: T.legal, toStatus: 'done' });
		moveCard(b, { taskId: T.legal, toStatus: 'paused' });
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(readCards(a)).toEqual(readCards(b));
		expect(readCards(a).filter((c) => c.taskId === T.legal)).toHaveLength(1);
		expect(cardsMap(a).size).toBe(4);
	});
});

import type { AgencyInfo, Card, Status, Task } from '@planboard/model';
import { describe, expect, it } from 'vitest';
import { boardShell } from './shell';

const agency = { id: 'a', name: 'Sở A', shortName: 'A', kind: 'department' } as AgencyInfo;
const card = (taskId: string, status: Status) => ({ taskId, status, order: 'a0' }) as Card;
const task = (id: string) => ({ id, number: id, title: id }) as unknown as Task;

// 12 cards to do and 3 done, in board order (status, then order key).
const cards = [
	...Array.from({ length: 12 }, (_, i) => card(`t${i}`, 'todo')),
	...['d0', 'd1', 'd2'].map((id) => card(id, 'done'))
];
const board = {
	meta: { title: 'Kế hoạch' },
	tasks: cards.map((c) => task(c.taskId)),
	lanes: [{ agency, cards }]
};

describe('boardShell', () => {
	it('sends the first cards of each column, the counts of the whole lane, and only their tasks', () => {
		const shell = boardShell(board, 4);
		const lane = shell.lanes[0];
		expect(lane.cards.map((c) => c.taskId)).toEqual(['t0', 't1', 't2', 't3', 'd0', 'd1', 'd2']);
		expect(lane.total).toBe(15);
		expect(lane.counts.todo).toBe(12);
		expect(lane.counts.done).toBe(3);
		expect(lane.counts.in_progress).toBe(0);
		expect(shell.tasks.map((t) => t.id)).toEqual(['t0', 't1', 't2', 't3', 'd0', 'd1', 'd2']);
		expect(shell.meta).toBe(board.meta);
	});

	it('leaves nothing out with Infinity (a board as of an instant has no live documents)', () => {
		const shell = boardShell(board, Infinity);
		expect(shell.lanes[0].cards).toEqual(cards);
		expect(shell.tasks).toBe(board.tasks);
		expect(shell.lanes[0].total).toBe(15);
	});
});

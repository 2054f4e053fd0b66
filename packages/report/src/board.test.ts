import { describe, expect, it } from 'vitest';
import { taskStatus } from '@planboard/boards/progress';
import { cardRows, taskRows } from './rows.js';
import { filledBoard } from './test-board.js';

describe('readBoard', () => {
	it('reads every card of every lane, tagged with its agency', () => {
		const board = filledBoard();
		expect(board.tasks.map((t) => t.number)).toEqual(['II.1', 'II.4', 'II.6.2', 'III.3', 'III.13']);
		expect(board.cards.map((c) => `${c.agencyId}:${c.taskId}`).sort()).toEqual(
			[
				'so-tttt:II.1',
				'so-tttt:II.4',
				'so-tttt:II.6.2',
				'so-tttt:III.3',
				'so-ngoai-vu:II.4',
				'bchbdbp:II.6.2',
				'bao-gia-lai:III.13'
			].sort()
		);
		const legal = board.cards.find((c) => c.taskId === 'II.1')!;
		expect(legal.status).toBe('done');
		expect(legal.figures.difficulties.value).toBe('Thiếu kinh phí');
		const duty = board.cards.find((c) => c.taskId === 'III.3')!;
		expect(duty.evidence[0].url).toBe('https://baogialai.com.vn/a');
		expect(duty.updates[0].text).toBe('Đã gửi công văn đôn đốc');
		expect(
			board.contributions.find((c) => c.agencyId === 'bao-gia-lai' && c.taskId === 'II.6.2')?.text
		).toBe('Đăng 20 tin bài về biên giới');
	});

	it('rolls a task up over its cards and derives timeliness as of the given day', () => {
		const board = filledBoard();
		const rows = taskRows(board, { asOf: '2024-12-05' });
		const border = rows.find((r) => r.task.number === 'II.6.2')!;
		expect(border.status).toBe('in_progress');
		expect(border.rollup).toEqual({ done: 1, total: 2, percent: 75 });
		expect(border.timeliness).toBe('overdue');
		expect(rows.find((r) => r.task.number === 'II.1')!.timeliness).toBe('done_on_time');
		const cards = cardRows(board, { asOf: '2024-12-05' });
		expect(
			cards.find((r) => r.card.taskId === 'II.6.2' && r.card.agencyId === 'so-tttt')!.timeliness
		).toBe('done_late');
		expect(cards).toHaveLength(board.cards.length);
	});

	it('derives a task status from mixed cards', () => {
		expect(taskStatus([])).toBe('todo');
		expect(taskStatus([{ status: 'done' }, { status: 'awaiting_review' }])).toBe('awaiting_review');
		expect(taskStatus([{ status: 'todo' }, { status: 'paused' }])).toBe('in_progress');
		expect(taskStatus([{ status: 'paused' }, { status: 'paused' }])).toBe('paused');
	});

	it('rejects an as-of date that is not a day', () => {
		expect(() => cardRows(filledBoard(), { asOf: '2024-02-30' })).toThrow(/asOf/);
	});
});

import { describe, expect, it } from 'vitest';
import { TIMELINESS, dayNumber, timeliness } from './timeliness.js';
import { vietnamDate } from './vietnam-time.js';

/** Epoch ms of a Vietnam wall-clock time (UTC+7). */
const vn = (iso: string) => Date.parse(`${iso}+07:00`);

describe('timeliness', () => {
	const base = { due: '2024-11-10', completedAt: null, asOf: '2024-10-01' } as const;

	it('lists the five outcomes', () => {
		expect(TIMELINESS).toEqual(['on_track', 'due_soon', 'overdue', 'done_on_time', 'done_late']);
	});

	it('is on track more than 14 days ahead', () => {
		expect(timeliness({ ...base, status: 'in_progress', asOf: '2024-10-26' })).toBe('on_track');
	});

	it('is due soon from 14 days ahead through the due date', () => {
		expect(timeliness({ ...base, status: 'todo', asOf: '2024-10-27' })).toBe('due_soon');
		expect(timeliness({ ...base, status: 'todo', asOf: '2024-11-10' })).toBe('due_soon');
	});

	it('is overdue the day after the due date, paused or not', () => {
		expect(timeliness({ ...base, status: 'todo', asOf: '2024-11-11' })).toBe('overdue');
		expect(timeliness({ ...base, status: 'paused', asOf: '2025-01-01' })).toBe('overdue');
		expect(timeliness({ ...base, status: 'awaiting_review', asOf: '2024-11-11' })).toBe('overdue');
	});

	it('is done on time when completed on the due date in Vietnam time', () => {
		const completedAt = vn('2024-11-10T23:30:00');
		expect(vietnamDate(completedAt)).toBe('2024-11-10');
		expect(timeliness({ ...base, status: 'done', completedAt, asOf: '2025-01-01' })).toBe(
			'done_on_time'
		);
	});

	it('is done late when completed after the due date in Vietnam time', () => {
		// 2024-11-10T17:30Z is already 11 November in Gia Lai.
		const completedAt = Date.parse('2024-11-10T17:30:00Z');
		expect(timeliness({ ...base, status: 'done', completedAt, asOf: '2024-11-11' })).toBe(
			'done_late'
		);
	});

	it('without a due date: on track, or done on time once done', () => {
		expect(timeliness({ due: null, status: 'todo', completedAt: null, asOf: '2030-01-01' })).toBe(
			'on_track'
		);
		expect(
			timeliness({
				due: null,
				status: 'done',
				completedAt: vn('2030-01-01T00:00:00'),
				asOf: '2030-01-01'
			})
		).toBe('done_on_time');
	});

	it('treats done without a completion instant as on time', () => {
		expect(timeliness({ ...base, status: 'done', asOf: '2025-01-01' })).toBe('done_on_time');
	});

	it('rejects malformed dates', () => {
		expect(() => timeliness({ ...base, status: 'todo', asOf: '2024-13-01' })).toThrow(
			/no such day/
		);
		expect(() => dayNumber('10/11/2024')).toThrow(/YYYY-MM-DD/);
	});
});

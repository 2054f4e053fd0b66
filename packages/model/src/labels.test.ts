import { describe, expect, it } from 'vitest';
import { dueInLabel, statusLabel, timelinessLabel } from './labels.js';
import { STATUSES, isStatus } from './status.js';
import { TIMELINESS } from './timeliness.js';

describe('labels', () => {
	it('names statuses in workflow order with Vietnamese diacritics', () => {
		expect(STATUSES.map((s) => statusLabel(s, 'vi'))).toEqual([
			'Chưa thực hiện',
			'Đang thực hiện',
			'Chờ xác nhận',
			'Hoàn thành',
			'Tạm hoãn'
		]);
		expect(statusLabel('awaiting_review', 'en')).toBe('Awaiting review');
	});

	it('names every timeliness outcome', () => {
		expect(TIMELINESS.map((t) => timelinessLabel(t, 'vi'))).toEqual([
			'Trong hạn',
			'Sắp đến hạn',
			'Quá hạn',
			'Hoàn thành đúng hạn',
			'Hoàn thành quá hạn'
		]);
		expect(timelinessLabel('overdue', 'en')).toBe('Overdue');
	});

	it('recognises statuses', () => {
		expect(isStatus('done')).toBe(true);
		expect(isStatus('cancelled')).toBe(false);
	});
});

describe('dueInLabel', () => {
	it('says how far the due date is, overdue, today or ahead, in both languages', () => {
		expect(dueInLabel(-3, 'vi')).toBe('Quá hạn 3 ngày');
		expect(dueInLabel(-3, 'en')).toBe('3 days overdue');
		expect(dueInLabel(0, 'vi')).toBe('Đến hạn hôm nay');
		expect(dueInLabel(0, 'en')).toBe('Due today');
		expect(dueInLabel(7, 'vi')).toBe('Còn 7 ngày đến hạn');
		expect(dueInLabel(7, 'en')).toBe('Due in 7 days');
	});
});

import { afterEach, describe, expect, it } from 'vitest';
import {
	endOfVietnamDay,
	formatDmy,
	startOfVietnamDay,
	todayInVietnam,
	vietnamClock,
	vietnamDate
} from './vietnam-time.js';

const zone = process.env.TZ;
afterEach(() => {
	if (zone === undefined) delete process.env.TZ;
	else process.env.TZ = zone;
});

describe('Vietnam time', () => {
	it('puts an instant on its Vietnam day and wall clock, whatever the server’s zone', () => {
		for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Ho_Chi_Minh', 'Pacific/Kiritimati']) {
			process.env.TZ = tz;
			// 17:30 UTC on 9 November is 00:30 on 10 November in Vietnam.
			const ms = Date.parse('2024-11-09T17:30:00Z');
			expect(vietnamDate(ms)).toBe('2024-11-10');
			expect(todayInVietnam(ms)).toBe('2024-11-10');
			expect(vietnamClock(ms)).toEqual({ hours: 0, minutes: 30 });
			expect(startOfVietnamDay('2024-11-10').toISOString()).toBe('2024-11-09T17:00:00.000Z');
			expect(endOfVietnamDay('2024-11-10').toISOString()).toBe('2024-11-10T16:59:59.999Z');
			expect(vietnamDate(startOfVietnamDay('2024-11-10').getTime())).toBe('2024-11-10');
			expect(vietnamDate(endOfVietnamDay('2024-11-10').getTime())).toBe('2024-11-10');
			expect(vietnamDate(endOfVietnamDay('2024-11-10').getTime() + 1)).toBe('2024-11-11');
		}
	});

	it('prints a day as dd/mm/yyyy, empty when missing, and never throws on a bad value', () => {
		expect(formatDmy('2024-11-05')).toBe('05/11/2024');
		expect(formatDmy('2024-11-05T23:59:59.999+07:00')).toBe('05/11/2024');
		expect(formatDmy(null)).toBe('');
		expect(formatDmy(undefined)).toBe('');
		expect(formatDmy('')).toBe('');
		expect(formatDmy('cuối năm')).toBe('cuối năm');
	});
});

import { describe, expect, it } from 'vitest';
import { isoDate, parseDue } from './dates.js';

describe('parseDue', () => {
	it.each([
		['Cả năm 2024', '2024-12-31'],
		['Quý II/2021', '2021-06-30'],
		['Quý II năm 2021', '2021-06-30'],
		['Quý III/2020.', '2020-09-30'],
		['Quý I, II/2022', '2022-06-30'],
		['Tháng 9/2021', '2021-09-30'],
		['tháng 9 năm 2020', '2020-09-30'],
		['Tháng 02/2024', '2024-02-29'],
		['trước ngày 10/11/2024', '2024-11-10'],
		['ngày 05 tháng 3 năm 2023', '2023-03-05'],
		['trước ngày 30/6/2021 và trước ngày 15/11/2021', '2021-11-15'],
		['Quý IV/2024; báo cáo trước ngày 10/11/2024', '2024-12-31'],
		['6 tháng đầu năm 2023', '2023-06-30'],
		['Giai đoạn 2021-2025', '2025-12-31']
	])('%s → %s', (text, due) => {
		expect(parseDue(text)).toBe(due);
	});
	it.each(['Thường xuyên', 'Khi có yêu cầu', 'Hằng năm', ''])('%s has no due date', (text) => {
		expect(parseDue(text)).toBeNull();
	});
	it('takes the plan year for a quarter or month without one', () => {
		expect(parseDue('Quý II', 2024)).toBe('2024-06-30');
		expect(parseDue('Quý II')).toBeNull();
	});
	it('takes the plan year for a day without one, and never reads a month from it', () => {
		expect(parseDue('hoàn thành trước ngày 15/6', 2026)).toBe('2026-06-15');
		expect(parseDue('Trước 30/11', 2026)).toBe('2026-11-30');
		expect(parseDue('ngày 15 tháng 6', 2026)).toBe('2026-06-15');
		expect(parseDue('ngày 15 tháng 6')).toBeNull();
		expect(parseDue('trước ngày 31/02', 2026)).toBeNull();
		expect(parseDue('Ngày Gia đình Việt Nam 28/6', 2026)).toBeNull();
	});
	it('rejects days that do not exist', () => {
		expect(isoDate(2023, 2, 29)).toBeNull();
		expect(parseDue('trước ngày 31/02/2024')).toBeNull();
	});
});

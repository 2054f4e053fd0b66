import { foldVietnamese } from './fold.js';

const QUARTER_END: Record<string, string> = {
	'1': '03-31',
	'2': '06-30',
	'3': '09-30',
	'4': '12-31'
};
const ROMAN_QUARTER: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4' };

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO date for a calendar day, or null when the day does not exist. */
export function isoDate(year: number, month: number, day: number): string | null {
	if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
	if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
	return `${year}-${pad(month)}-${pad(day)}`;
}

export function monthEnd(year: number, month: number): string | null {
	if (month < 1 || month > 12) return null;
	return isoDate(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

const DAY = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/g;
const DAY_WORDS = /ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})/g;
const QUARTER =
	/quy ((?:(?:iv|iii|ii|i|[1-4])\s*(?:,|-|va|den)\s*(?:quy )?)*(?:iv|iii|ii|i|[1-4]))(?:\s*(?:\/|nam)\s*(\d{4}))?(?![a-z0-9])/g;
const MONTH =
	/thang ((?:\d{1,2}\s*(?:,|-|va|den)\s*(?:thang )?)*\d{1,2})(?:\s*(?:\/|nam)\s*(\d{4}))?(?![\d/])/g;
// "trước ngày 15/6", "ngày 15 tháng 6": a day without its year, which the plan's year gives.
const DAY_NO_YEAR = /(?:ngay|truoc) (\d{1,2})\s*\/\s*(\d{1,2})(?![\d/])/g;
const DAY_WORDS_NO_YEAR = /ngay (\d{1,2}) thang (\d{1,2})(?! nam \d)(?![\d/])/g;
const HALF = /6 thang (dau|cuoi) nam (\d{4})/g;
const YEAR = /(?<![\d/])((?:19|20)\d{2})(?![\d/])/g;

/**
 * Due date for a timeframe: the latest date it names, as a period's last day
 * ("Quý II/2021" → 2021-06-30, "Cả năm 2024" → 2024-12-31). A quarter, month or day without a
 * year ("trước ngày 15/6") takes `year`. Null for "Thường xuyên", "Khi có yêu cầu" or anything without a date.
 */
export function parseDue(timeframe: string, year: number | null = null): string | null {
	let text = ` ${foldVietnamese(timeframe)} `;
	const found: string[] = [];
	const take = (d: string | null) => {
		if (d !== null) found.push(d);
	};
	const lastOf = (list: string) => list.split(/\s*(?:,|-|va|den)\s*(?:quy |thang )?/).pop() ?? '';
	for (const m of text.matchAll(DAY)) take(isoDate(+m[3], +m[2], +m[1]));
	for (const m of text.matchAll(DAY_WORDS)) take(isoDate(+m[3], +m[2], +m[1]));
	text = text.replace(DAY, ' ').replace(DAY_WORDS, ' ');
	if (year !== null) {
		for (const m of text.matchAll(DAY_NO_YEAR)) take(isoDate(year, +m[2], +m[1]));
		for (const m of text.matchAll(DAY_WORDS_NO_YEAR)) take(isoDate(year, +m[2], +m[1]));
	}
	text = text.replace(DAY_NO_YEAR, ' ').replace(DAY_WORDS_NO_YEAR, ' ');
	for (const m of text.matchAll(HALF)) take(`${m[2]}-${m[1] === 'dau' ? '06-30' : '12-31'}`);
	text = text.replace(HALF, ' ');
	for (const m of text.matchAll(QUARTER)) {
		const q = lastOf(m[1]);
		const y = m[2] ? +m[2] : year;
		const end = QUARTER_END[ROMAN_QUARTER[q] ?? q];
		if (y !== null && end && y >= 1900 && y <= 2100) found.push(`${y}-${end}`);
	}
	for (const m of text.matchAll(MONTH)) {
		const y = m[2] ? +m[2] : year;
		if (y !== null && y >= 1900 && y <= 2100) take(monthEnd(y, +lastOf(m[1])));
	}
	text = text.replace(QUARTER, ' ').replace(MONTH, ' ');
	for (const m of text.matchAll(/(?<!\d)(\d{1,2})\/(\d{4})(?!\d)/g)) take(monthEnd(+m[2], +m[1]));
	if (found.length === 0) for (const m of text.matchAll(YEAR)) take(`${m[1]}-12-31`);
	return found.length === 0 ? null : found.sort().at(-1)!;
}

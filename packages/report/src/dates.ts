import { dayNumber } from '@planboard/model';

/** 'YYYY-MM-DD' as Vietnamese documents print dates, 'dd/mm/yyyy': model's one formatter. */
export { formatDmy as dmy } from '@planboard/model';

/**
 * The place and date line of an administrative document. Nghị định 30/2020/NĐ-CP (Phụ lục I)
 * writes days below 10 and the months January and February with a leading zero, other months
 * without one: 'Gia Lai, ngày 05 tháng 3 năm 2024', 'ngày 20 tháng 01 năm 2024'.
 */
export function placeDateLine(options: { place: string; date: string }): string {
	dayNumber(options.date);
	const [y, m, d] = options.date.split('-').map(Number);
	const day = String(d).padStart(2, '0');
	const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
	return `${options.place}, ngày ${day} tháng ${month} năm ${y}`;
}

/** The calendar date in Vietnam now: the default as-of date of every export. */
export { todayInVietnam } from '@planboard/model';

/** Excel's serial day number (days since 1899-12-30) for a 'YYYY-MM-DD' date. */
export function excelSerial(iso: string): number {
	return dayNumber(iso) + 25569;
}

import { error } from '@sveltejs/kit';
import { parseAsOf, type HistoryOptions } from '@planboard/boards';
import { startOfVietnamDay } from '@planboard/model';

/**
 * The range and page of a history request (`from`, `to`, `limit`, `beforeSeq`), shared by the
 * card and plan history routes. A day as `from` starts at its beginning in Vietnam; as `to` it
 * runs to its end.
 */
export function historyQuery(url: URL): Omit<HistoryOptions, 'cardId'> {
	const q = url.searchParams;
	const instant = (name: 'from' | 'to') => {
		const value = q.get(name);
		if (value === null) return undefined;
		const parsed = parseAsOf(value);
		if (!parsed) error(400, { message: `${name} phải là một ngày YYYY-MM-DD hoặc thời điểm ISO.` });
		return name === 'from' && parsed.date === value ? startOfVietnamDay(value) : parsed.instant;
	};
	const number = (name: string) => {
		const value = q.get(name);
		if (value === null) return undefined;
		if (!/^\d{1,15}$/.test(value)) error(400, { message: `${name} phải là một số nguyên dương.` });
		return Number(value);
	};
	return {
		from: instant('from'),
		to: instant('to'),
		limit: number('limit'),
		beforeSeq: number('beforeSeq')
	};
}

/** Rows of a task table: what one row says, and which rows are group headings. */
import { foldVietnamese } from './fold.js';

export type TableColumn = 'number' | 'content' | 'lead' | 'coordinating' | 'timeframe' | 'product';

/** One row of a task table: a group heading (merged cells) or a task. */
export interface TableRow {
	kind: 'group' | 'task';
	/** The TT cell as written, trailing dot removed ("3", "1.2", "II"); '' when empty. */
	number: string;
	/** The content cell (or a group's title). */
	title: string;
	lead: string;
	coordinating: string;
	timeframe: string;
	product: string;
	/** The TT of the group heading above the row, or '' before any. */
	group: string;
	line: number;
}

/**
 * "Như trên" ("as above", also "nt"): what plans write in a cell that repeats the one above it,
 * and what the DOCX reader writes for a vertically merged cell's continuation. In the agency,
 * time and product columns it takes the value of the task row above; elsewhere it is empty.
 */
export const SAME_AS_ABOVE = 'Như trên';

export function isSameAsAbove(cell: string): boolean {
	return /^(?:nhu tren|n ?t)\.?$/.test(foldVietnamese(cell).trim());
}

/** The columns whose "Như trên" repeats the task row above. */
export const CARRIED_COLUMNS = ['lead', 'coordinating', 'timeframe', 'product'] as const;

const MARKER = /^([IVXLC]{1,6}|\d{1,3}(?:\.\d{1,3}){0,3}|[A-ZĐa-zđ])(?:[.)]|(?=\s))\s*(.*)$/u;

function emptyRow(line: number, group: string): TableRow {
	return {
		kind: 'task',
		number: '',
		title: '',
		lead: '',
		coordinating: '',
		timeframe: '',
		product: '',
		group,
		line
	};
}

/** A merged row written as one cell: "2. Cải cách thủ tục hành chính", "II THÔNG TIN ...". */
export function groupFromText(text: string, line: number, group: string): TableRow {
	const m = MARKER.exec(text);
	const row = emptyRow(line, group);
	row.kind = 'group';
	row.number = m && m[2] !== '' ? m[1] : '';
	row.title = m && m[2] !== '' ? m[2] : text;
	return row;
}

export function readRow(
	cells: string[],
	columns: (TableColumn | null)[],
	line: number,
	group: string
) {
	const row = emptyRow(line, group);
	columns.forEach((column, i) => {
		if (column !== null && cells[i]) row[column === 'content' ? 'title' : column] = cells[i];
	});
	row.number = row.number.replace(/[.)]$/u, '');
	const filled = cells.filter((c) => c !== '');
	const agenciesOrDates = row.lead || row.coordinating || row.timeframe || row.product;
	if (!agenciesOrDates && filled.length <= 2) {
		// One title spanning the row: the TT and the title, or a merged cell holding both.
		if (row.number !== '' && row.title === '' && filled.length === 2) row.title = filled[1];
		if (row.title === '' && filled.length === 1) return groupFromText(filled[0], line, group);
		if (row.title !== '' || row.number !== '') row.kind = 'group';
	}
	return row;
}

/** Whether `next` sits below the group row `row`: "1" → "1.1", "II" → "3", "1" → "a". */
function isChild(row: TableRow, next: TableRow): boolean {
	if (row.number === '') return true;
	if (next.number.startsWith(`${row.number}.`)) return true;
	if (/^\d/u.test(row.number)) return /^[a-zđ]$/u.test(next.number);
	const roman = (n: string) => /^[IVXLC]+$/u.test(n);
	return roman(row.number) !== roman(next.number) || next.number === '';
}

/**
 * A title-only row with no row below it (followed by a sibling or by nothing) is a task whose
 * other cells are empty, not a group heading: so it is kept, and warned about, not dropped.
 */
export function demoteChildlessGroups(rows: TableRow[]): void {
	rows.forEach((row, k) => {
		const next = rows[k + 1];
		if (row.kind === 'group' && (next === undefined || !isChild(row, next))) row.kind = 'task';
	});
	let group = '';
	for (const row of rows) {
		row.group = group;
		if (row.kind === 'group') group = row.number;
	}
}

import { isUpperTitle } from './blocks.js';
import { foldVietnamese } from './fold.js';
import type { SourceLine } from './normalize.js';
import {
	CARRIED_COLUMNS,
	demoteChildlessGroups,
	groupFromText,
	isSameAsAbove,
	readRow,
	type TableColumn,
	type TableRow
} from './table-rows.js';

export type { TableColumn, TableRow } from './table-rows.js';

/** A task table found in the text: its header line, rows, and the "PHỤ LỤC" caption above it. */
export interface TaskTable {
	line: number;
	rows: TableRow[];
	/** Set when a "PHỤ LỤC" heading stands just above the table. */
	appendix: { numeral: string; title: string } | null;
}

const LABELS: [TableColumn, RegExp][] = [
	['number', /^(?:s ?tt|so tt|so thu tu|tt)$/],
	['lead', /chu tri/],
	['coordinating', /phoi hop/],
	['timeframe', /^(?:thoi gian|thoi han|tien do|moc thoi gian)/],
	['product', /^(?:san pham|ket qua)/],
	['content', /^(?:noi dung|nhiem vu|cong viec|ten nhiem vu|hoat dong|ten hoat dong|giai phap)/]
];
/** A TT cell: "3", "1.2", "II", "a", "PL.3"; anything else in that column ends the table. */
const NUMBER_CELL =
	/^(?:[IVXLC]{1,6}|[A-ZĐa-zđ]|(?:[A-Za-z]{1,3}\.)?\d{1,3}(?:\.\d{1,3}){0,3})[.)]?$/u;
const INDEX_CELL = /^\(?\d{1,2}\)?$/;
const STOP = /^(?:Trên đây|Nơi nhận|Nơi gửi|TM\.|KT\.)/u;

const label = (cell: string) =>
	foldVietnamese(cell)
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();

/** Column of each header cell, or null when the line is not a task table's header. */
function headerColumns(cells: string[]): (TableColumn | null)[] | null {
	const taken = new Set<TableColumn>();
	const columns = cells.map((cell) => {
		if (cell === '' || cell.length > 60) return null;
		const key = label(cell);
		const hit = LABELS.find(([column, re]) => !taken.has(column) && re.test(key));
		if (!hit) return null;
		taken.add(hit[0]);
		return hit[0];
	});
	const agencies = taken.has('lead') || taken.has('coordinating');
	return taken.has('content') && agencies && taken.size >= 3 ? columns : null;
}

const APPENDIX = /^phu luc(?:\s+(?:so\s+)?([ivx]+|\d+))?(?:\s*[:.-]\s*(.*))?$/;

/** Whether a line is an appendix caption: "PHỤ LỤC", "PHỤ LỤC II", "Phụ lục số 01: ...". */
export function isAppendixCaption(text: string): boolean {
	return APPENDIX.test(foldVietnamese(text));
}

/** The "PHỤ LỤC" caption among the few lines above a table, with the title line below it. */
function appendixAbove(lines: SourceLine[], at: number): TaskTable['appendix'] {
	for (let i = at - 1; i >= Math.max(0, at - 6); i--) {
		const m = APPENDIX.exec(foldVietnamese(lines[i].text));
		if (!m) continue;
		const inline = m[2] ? lines[i].text.slice(-m[2].length) : '';
		const next = i + 1 < at ? lines[i + 1].text : '';
		const title = inline || (next !== '' && !next.startsWith('(') ? next : '');
		return { numeral: m[1] ? m[1].toUpperCase() : '', title: title || lines[i].text };
	}
	return null;
}

/**
 * Finds task tables among the lines: a header row recognised by its labels (whatever their
 * order), then its rows: TAB-separated lines, and lone lines standing between rows (a row
 * merged across every column, as a DOCX group heading is). A row without a TT continues the
 * row above it (a cell wrapped onto the next line); "Như trên" in an agency, time or product
 * cell repeats the task row above. Returns the other lines unchanged.
 */
export function extractTables(lines: SourceLine[]): { rest: SourceLine[]; tables: TaskTable[] } {
	const rest: SourceLine[] = [];
	const tables: TaskTable[] = [];
	for (let i = 0; i < lines.length; i++) {
		const { line: headerLine } = lines[i];
		const at = i;
		let columns = lines[i].cells ? headerColumns(lines[i].cells!) : null;
		const below = lines[i + 1]?.cells;
		if (columns === null && lines[i].cells && below) {
			// A two-row header: "Cơ quan thực hiện" spanning "Chủ trì" and "Phối hợp" below it.
			const above = lines[i].cells!;
			const width = Math.max(above.length, below.length);
			const merged = Array.from({ length: width }, (_, k) =>
				`${above[k] ?? ''} ${below[k] ?? ''}`.trim()
			);
			columns = headerColumns(merged);
			if (columns !== null) i++;
		}
		if (columns === null) {
			rest.push(lines[i]);
			continue;
		}
		const table: TaskTable = { line: headerLine, rows: [], appendix: appendixAbove(lines, at) };
		const numberAt = columns.indexOf('number');
		const isRow = (cells: string[]) =>
			numberAt < 0 || !cells[numberAt] || NUMBER_CELL.test(cells[numberAt]);
		let group = '';
		let j = i + 1;
		const carried = new Set<TableColumn | null>(CARRIED_COLUMNS);
		for (; j < lines.length; j++) {
			const { text, line } = lines[j];
			// "Như trên" (or a merged cell's continuation) means nothing outside the carried columns.
			const cells = lines[j].cells?.map((c, k) =>
				isSameAsAbove(c) && !carried.has(columns[k] ?? null) ? '' : c
			);
			if (!cells) {
				const next = lines[j + 1]?.cells;
				if (!next || !isRow(next) || text.length > 200 || STOP.test(text)) break;
				const row = groupFromText(text, line, group);
				table.rows.push(row);
				group = row.number;
				continue;
			}
			const filled = cells.filter((c) => c !== '');
			if (filled.length >= 2 && filled.every((c) => INDEX_CELL.test(c))) continue;
			// A repeated header (a new page) has "TT" in its number cell: it opens the next table.
			if (!isRow(cells) || (numberAt < 0 && headerColumns(cells) !== null)) break;
			const row = readRow(cells, columns, line, group);
			const prev = table.rows.at(-1);
			const wrapped = numberAt >= 0 && cells[numberAt] === '' && !isUpperTitle(row.title);
			if (wrapped && prev?.kind === 'task') {
				for (const key of ['title', 'lead', 'coordinating', 'timeframe', 'product'] as const)
					if (row[key] !== '' && !isSameAsAbove(row[key]))
						prev[key] = `${prev[key]} ${row[key]}`.trim();
				continue;
			}
			const above = table.rows.findLast((r) => r.kind === 'task');
			for (const key of CARRIED_COLUMNS)
				if (isSameAsAbove(row[key])) row[key] = row.kind === 'task' ? (above?.[key] ?? '') : '';
			if (row.kind === 'group') group = row.number;
			table.rows.push(row);
		}
		demoteChildlessGroups(table.rows);
		tables.push(table);
		i = j - 1;
	}
	return { rest, tables };
}

import { FIELD_LABELS, statusLabel, type Lang } from '@planboard/model';
import { strToU8, zipSync } from 'fflate';
import type { BoardData } from './board.js';
import { CARD_COLUMNS, type Cell } from './columns.js';
import { agencyNames, cardRows, taskRows, timelinessText, type ExportOptions } from './rows.js';
import { STYLES_XML, columnLetter, sheetXml, type SheetInput } from './xlsx-sheet.js';
import { XML_HEAD, esc } from './xml.js';

const SHEET_NAMES: Record<Lang, [string, string]> = {
	vi: ['Thẻ', 'Nhiệm vụ'],
	en: ['Cards', 'Tasks']
};

const TASK_COLUMNS: { label: Record<Lang, string>; width: number }[] = [
	{ label: FIELD_LABELS.number, width: 9 },
	{ label: FIELD_LABELS.task, width: 50 },
	{ label: { vi: 'Đơn vị chủ trì', en: 'Lead' }, width: 30 },
	{ label: { vi: 'Đơn vị phối hợp', en: 'Coordinating' }, width: 30 },
	{ label: { vi: 'Thời hạn', en: 'Due' }, width: 12 },
	{ label: FIELD_LABELS.status, width: 16 },
	{ label: FIELD_LABELS.progress, width: 10 },
	{ label: { vi: 'Thẻ hoàn thành', en: 'Cards done' }, width: 10 },
	{ label: { vi: 'Số thẻ', en: 'Cards' }, width: 8 },
	{ label: { vi: 'Tình hình thời hạn', en: 'Timeliness' }, width: 20 }
];

function workbook(sheets: SheetInput[]): Uint8Array {
	const files: Record<string, Uint8Array> = {};
	const put = (path: string, xml: string) => (files[path] = strToU8(xml));
	const overrides = sheets
		.map(
			(_, i) =>
				`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
		)
		.join('');
	put(
		'[Content_Types].xml',
		`${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
			'<Default Extension="xml" ContentType="application/xml"/>' +
			'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
			'<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
			`${overrides}</Types>`
	);
	put(
		'_rels/.rels',
		`${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
			'</Relationships>'
	);
	const sheetRels = sheets
		.map(
			(_, i) =>
				`<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
		)
		.join('');
	put(
		'xl/_rels/workbook.xml.rels',
		`${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`${sheetRels}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
			'</Relationships>'
	);
	// An autoFilter needs its defined name, or Excel reports the file as needing repair.
	const names = sheets
		.map((s, i) => {
			const ref = `'${s.name}'!$A$1:$${columnLetter(s.columns.length - 1)}$${s.rows.length + 1}`;
			return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${esc(ref)}</definedName>`;
		})
		.join('');
	put(
		'xl/workbook.xml',
		`${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>` +
			`<definedNames>${names}</definedNames></workbook>`
	);
	put('xl/styles.xml', STYLES_XML);
	sheets.forEach((s, i) => put(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s)));
	return zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}

/**
 * A workbook with two sheets: every card (the same columns as the CSV) and every task or duty
 * with its roll-up across agencies. Numbers and dates are real cells, so coordinators can sort,
 * filter and sum without converting text.
 */
export function toXlsx(board: BoardData, options: ExportOptions): Uint8Array {
	const lang = options.lang ?? 'vi';
	const [cardsName, tasksName] = SHEET_NAMES[lang];
	const cards: SheetInput = {
		name: cardsName,
		columns: CARD_COLUMNS.map((c) => ({
			label: c.label[lang],
			width: c.width
		})),
		rows: cardRows(board, options).map((row) => CARD_COLUMNS.map((c) => c.value(row, lang)))
	};
	const tasks: SheetInput = {
		name: tasksName,
		columns: TASK_COLUMNS.map((c) => ({
			label: c.label[lang],
			width: c.width
		})),
		rows: taskRows(board, options).map((r): Cell[] => [
			r.task.number,
			r.task.title,
			agencyNames(board, r.task.lead),
			agencyNames(board, r.task.coordinating),
			r.task.due ? { date: r.task.due } : null,
			statusLabel(r.status, lang),
			r.rollup?.percent ?? null,
			r.rollup?.done ?? null,
			r.rollup?.total ?? null,
			timelinessText(r.timeliness, lang)
		])
	};
	return workbook([cards, tasks]);
}

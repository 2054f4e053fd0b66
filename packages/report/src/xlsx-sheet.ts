import type { Cell } from './columns.js';
import { excelSerial } from './dates.js';
import { XML_HEAD, esc } from './xml.js';

/** Style indexes into the cellXfs of {@link STYLES_XML}. */
const STYLE = { header: 1, text: 2, date: 3, number: 4 } as const;

/**
 * Bold header, wrapped top-aligned text (notes run over several lines), and dates as real dates
 * shown dd/mm/yyyy so they sort and filter as dates.
 */
export const STYLES_XML = `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>
<fonts count="2"><font><sz val="12"/><name val="Times New Roman"/><family val="1"/></font><font><b/><sz val="12"/><name val="Times New Roman"/><family val="1"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

/** 0 -> 'A', 25 -> 'Z', 26 -> 'AA'. */
export function columnLetter(index: number): string {
	let n = index + 1;
	let out = '';
	while (n > 0) {
		const r = (n - 1) % 26;
		out = String.fromCharCode(65 + r) + out;
		n = Math.floor((n - 1) / 26);
	}
	return out;
}

function cellXml(ref: string, cell: Cell, header: boolean): string {
	if (cell === null || cell === '') return '';
	if (typeof cell === 'number') return `<c r="${ref}" s="${STYLE.number}"><v>${cell}</v></c>`;
	if (typeof cell === 'object') {
		return `<c r="${ref}" s="${STYLE.date}"><v>${excelSerial(cell.date)}</v></c>`;
	}
	// Inline strings are never evaluated, so typed text cannot become a formula.
	const style = header ? STYLE.header : STYLE.text;
	return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${esc(cell)}</t></is></c>`;
}

export interface SheetInput {
	name: string;
	columns: { label: string; width: number }[];
	rows: Cell[][];
}

/** A worksheet with a frozen, filterable header row. */
export function sheetXml(sheet: SheetInput): string {
	const last = columnLetter(sheet.columns.length - 1);
	const cols = sheet.columns
		.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`)
		.join('');
	const rows = [sheet.columns.map((c) => c.label), ...sheet.rows].map((cells, r) => {
		const xml = cells.map((cell, c) => cellXml(`${columnLetter(c)}${r + 1}`, cell, r === 0));
		return `<row r="${r + 1}">${xml.join('')}</row>`;
	});
	return (
		`${XML_HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		'<sheetViews><sheetView workbookViewId="0">' +
		'<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
		'</sheetView></sheetViews>' +
		`<cols>${cols}</cols><sheetData>${rows.join('')}</sheetData>` +
		`<autoFilter ref="A1:${last}${sheet.rows.length + 1}"/>` +
		'</worksheet>'
	);
}

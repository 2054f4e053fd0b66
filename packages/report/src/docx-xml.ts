import { esc } from './xml.js';

/**
 * WordprocessingML building blocks. Sizes are in points here and converted at the edge: Word
 * counts font sizes in half-points and lengths in twips (1/20 pt, 567 to the centimetre).
 */
export const FONT = 'Times New Roman';

/** 1 cm in twips. */
export const CM = 567;

export interface Run {
	text: string;
	bold?: boolean;
	italic?: boolean;
	/** Points; the document default (13 pt) when absent. */
	size?: number;
}

export interface ParaOptions {
	align?: 'left' | 'center' | 'right' | 'both';
	/** First-line indent in twips (body text is indented 1–1.27 cm). */
	firstLine?: number;
	/** Space after, in points. */
	after?: number;
	before?: number;
	/** Line spacing as a multiple (1 = single). */
	line?: number;
	keepNext?: boolean;
	/** Applies to runs that set no size of their own. */
	size?: number;
	bold?: boolean;
	italic?: boolean;
}

function runXml(run: Run, defaults: ParaOptions): string {
	const bold = run.bold ?? defaults.bold;
	const italic = run.italic ?? defaults.italic;
	const size = run.size ?? defaults.size;
	const props =
		(bold ? '<w:b/><w:bCs/>' : '') +
		(italic ? '<w:i/><w:iCs/>' : '') +
		(size ? `<w:sz w:val="${size * 2}"/><w:szCs w:val="${size * 2}"/>` : '');
	return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(run.text)}</w:t></w:r>`;
}

function pPr(o: ParaOptions, extra = ''): string {
	const spacing =
		o.after !== undefined || o.before !== undefined || o.line !== undefined
			? `<w:spacing w:before="${(o.before ?? 0) * 20}" w:after="${(o.after ?? 0) * 20}"` +
				(o.line !== undefined ? ` w:line="${Math.round(o.line * 240)}" w:lineRule="auto"` : '') +
				'/>'
			: '';
	const props =
		(o.keepNext ? '<w:keepNext/>' : '') +
		extra +
		spacing +
		(o.firstLine ? `<w:ind w:firstLine="${o.firstLine}"/>` : '') +
		(o.align ? `<w:jc w:val="${o.align}"/>` : '');
	return props ? `<w:pPr>${props}</w:pPr>` : '';
}

/** A paragraph; a string is one plain run. */
export function para(content: string | Run[], options: ParaOptions = {}): string {
	const runs = typeof content === 'string' ? [{ text: content }] : content;
	const body = runs.filter((r) => r.text !== '').map((r) => runXml(r, options));
	return `<w:p>${pPr(options)}${body.join('')}</w:p>`;
}

/**
 * The short solid line printed under the issuing body, the motto and the title (Nghị định
 * 30/2020, Phụ lục I). A paragraph's top border, narrowed by indents to the given width.
 */
export function rule(options: { width: number; within: number }): string {
	const side = Math.max(0, Math.round((options.within - options.width) / 2));
	return (
		'<w:p><w:pPr><w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>' +
		'<w:spacing w:before="0" w:after="0" w:line="120" w:lineRule="exact"/>' +
		`<w:ind w:left="${side}" w:right="${side}"/></w:pPr></w:p>`
	);
}

export interface CellOptions {
	width: number;
	/** Paragraphs already rendered; a cell must hold at least one. */
	paragraphs: string[];
	valign?: 'top' | 'center';
}

export function cell(options: CellOptions): string {
	const body = options.paragraphs.length > 0 ? options.paragraphs.join('') : '<w:p/>';
	return (
		`<w:tc><w:tcPr><w:tcW w:w="${options.width}" w:type="dxa"/>` +
		(options.valign ? `<w:vAlign w:val="${options.valign}"/>` : '') +
		`</w:tcPr>${body}</w:tc>`
	);
}

export function row(cells: string[], options: { header?: boolean } = {}): string {
	const props = options.header ? '<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>' : '';
	return `<w:tr>${props}${cells.join('')}</w:tr>`;
}

/** A fixed-layout table; `borders: false` for the layout table of the national header. */
export function table(options: {
	widths: number[];
	rows: string[];
	borders: boolean;
	/** Shift from the left margin in twips (negative reaches into it); centred when absent. */
	indent?: number;
}): string {
	const edge = (name: string) =>
		options.borders
			? `<w:${name} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`
			: `<w:${name} w:val="nil"/>`;
	const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(edge).join('');
	const total = options.widths.reduce((a, b) => a + b, 0);
	return (
		`<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/>` +
		(options.indent === undefined
			? '<w:jc w:val="center"/>'
			: `<w:tblInd w:w="${options.indent}" w:type="dxa"/>`) +
		`<w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
		'<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>' +
		'<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>' +
		`</w:tblPr><w:tblGrid>${options.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
		`${options.rows.join('')}</w:tbl>`
	);
}

/** A4 in twips: 210 x 297 mm. */
export const A4 = { width: 11906, height: 16838 } as const;

export interface PageSetup {
	landscape: boolean;
	margins: { top: number; right: number; bottom: number; left: number };
}

/** Section properties; placed in a paragraph it ends a section, at the body's end the last. */
export function sectPr(page: PageSetup): string {
	const { width, height } = A4;
	const size = page.landscape
		? `<w:pgSz w:w="${height}" w:h="${width}" w:orient="landscape"/>`
		: `<w:pgSz w:w="${width}" w:h="${height}"/>`;
	const m = page.margins;
	return (
		`<w:sectPr>${size}<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" ` +
		`w:left="${m.left}" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>`
	);
}

/** A paragraph that closes the section before it (Word keeps section breaks in paragraphs). */
export function sectionBreak(page: PageSetup): string {
	return `<w:p><w:pPr>${sectPr(page)}</w:pPr></w:p>`;
}

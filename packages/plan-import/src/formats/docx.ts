import { PlanImportError } from '../errors.js';
import { SAME_AS_ABOVE } from '../table-rows.js';
import { Numbering, type ParagraphNumbering } from './numbering.js';
import { readPackage, relationships } from './package.js';
import { isOn, isWord, walkXml, wordAttr, type XmlTag } from './xml.js';

/**
 * Elements whose content is not the visible body text in reading order: revision records (the
 * old properties and moved-away text), text boxes (drawn beside the flow, and written twice:
 * DrawingML and a VML fallback), and the fallback half of markup-compatibility blocks.
 */
const SKIPPED = new Set([
	'txbxContent',
	'moveFrom',
	'del',
	'pPrChange',
	'rPrChange',
	'tblPrChange',
	'trPrChange',
	'tcPrChange',
	'sectPrChange',
	'tblGridChange',
	'numberingChange'
]);
const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

interface Paragraph extends ParagraphNumbering {
	text: string;
}

interface Run {
	text: string;
	hidden: boolean;
	caps: boolean;
}

interface Cell {
	parts: string[];
	span: number;
	/** A `w:vMerge` continuation: the text stands in the cell above. */
	continued: boolean;
	/** A legacy `w:hMerge` continuation: the text stands in the cell to the left. */
	joined: boolean;
}

interface Table {
	rows: string[][];
	row: string[] | null;
	cell: Cell | null;
	gridAfter: number;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Reads a DOCX (Office Open XML) into plain text lines in document order, the form `parsePlan`
 * reads: one line per paragraph, with Word's automatic numbering resolved and prefixed ("II. ",
 * "1.2. "); one line per table row, its cells separated by TAB (a cell's paragraphs joined with
 * a space; a cell spanning n grid columns followed by n - 1 empty cells; a merged cell's
 * continuation "Như trên", which the table reader resolves as plans mean it). Nested tables are flattened into their cell's text.
 * @throws PlanImportError for a file that is not a readable DOCX.
 */
export function docxToLines(bytes: Uint8Array): string[] {
	const parts = readPackage(bytes);
	const main = relationships(parts, '').get('officeDocument') ?? 'word/document.xml';
	const documentXml = parts.get(main);
	if (documentXml === undefined) {
		throw new PlanImportError(`not a Word document: the file has no ${main} part`);
	}
	const related = relationships(parts, main);
	const part = (kind: string) => {
		const name = related.get(kind);
		return name === undefined ? null : (parts.get(name) ?? null);
	};
	const numbering = new Numbering(part('numbering'), part('styles'));

	const lines: string[] = [];
	const tables: Table[] = [];
	const path: string[] = [];
	let skipDepth = 0;
	let paragraph: Paragraph | null = null;
	let run: Run | null = null;
	let inText = false;

	const addText = (text: string) => {
		if (run) run.text += text;
		else if (paragraph) paragraph.text += text;
	};
	const parent = (n: number) => path[path.length - 1 - n];

	const endParagraph = (p: Paragraph) => {
		const prefix = numbering.next(p);
		const line = squash(prefix + p.text);
		const table = tables[tables.length - 1];
		if (!table) lines.push(line);
		else if (table.cell && line !== '') table.cell.parts.push(line);
	};
	const endTable = (table: Table) => {
		const outer = tables[tables.length - 1];
		if (outer?.cell) {
			const text = squash(table.rows.map((r) => r.join(' ')).join(' '));
			if (text !== '') outer.cell.parts.push(text);
			return;
		}
		for (const row of table.rows) lines.push(row.some((c) => c !== '') ? row.join('\t') : '');
	};

	walkXml(documentXml, `DOCX (${main})`, {
		open(tag: XmlTag) {
			path.push(tag.local);
			if (skipDepth > 0 || (tag.uri === MC_NAMESPACE && tag.local === 'Fallback')) {
				skipDepth++;
				return;
			}
			if (SKIPPED.has(tag.local) && isWord(tag, tag.local)) {
				skipDepth++;
				return;
			}
			if (!isWord(tag, tag.local)) return;
			const table = tables[tables.length - 1];
			switch (tag.local) {
				case 'p':
					paragraph = { text: '', numId: null, ilvl: null, style: null };
					return;
				case 'pStyle':
					if (paragraph && parent(1) === 'pPr') paragraph.style = wordAttr(tag, 'val') ?? null;
					return;
				case 'numId':
					if (paragraph && parent(1) === 'numPr' && parent(2) === 'pPr')
						paragraph.numId = wordAttr(tag, 'val') ?? null;
					return;
				case 'ilvl':
					if (paragraph && parent(1) === 'numPr' && parent(2) === 'pPr')
						paragraph.ilvl = Number.parseInt(wordAttr(tag, 'val') ?? '0', 10) || 0;
					return;
				case 'r':
					if (paragraph) run = { text: '', hidden: false, caps: false };
					return;
				case 'vanish':
					if (run && parent(1) === 'rPr') run.hidden = isOn(tag);
					return;
				case 'caps':
					if (run && parent(1) === 'rPr') run.caps = isOn(tag);
					return;
				case 't':
					inText = run !== null;
					return;
				case 'tab':
				case 'br':
				case 'cr':
					if (parent(1) === 'r') addText(' ');
					return;
				case 'noBreakHyphen':
					addText('-');
					return;
				case 'tbl':
					tables.push({ rows: [], row: null, cell: null, gridAfter: 0 });
					return;
				case 'tr':
					if (table) {
						table.row = [];
						table.gridAfter = 0;
					}
					return;
				case 'gridBefore':
				case 'gridAfter': {
					if (!table?.row || parent(1) !== 'trPr') return;
					const n = Number.parseInt(wordAttr(tag, 'val') ?? '0', 10) || 0;
					if (tag.local === 'gridBefore') table.row.push(...Array<string>(n).fill(''));
					else table.gridAfter = n;
					return;
				}
				case 'tc':
					if (table?.row) table.cell = { parts: [], span: 1, continued: false, joined: false };
					return;
				case 'gridSpan':
					if (table?.cell && parent(1) === 'tcPr')
						table.cell.span = Math.max(1, Number.parseInt(wordAttr(tag, 'val') ?? '1', 10) || 1);
					return;
				case 'vMerge':
					if (table?.cell && parent(1) === 'tcPr')
						table.cell.continued = (wordAttr(tag, 'val') ?? 'continue') === 'continue';
					return;
				case 'hMerge':
					if (table?.cell && parent(1) === 'tcPr')
						table.cell.joined = (wordAttr(tag, 'val') ?? 'continue') === 'continue';
					return;
			}
		},
		close(tag: XmlTag) {
			path.pop();
			if (skipDepth > 0) {
				skipDepth--;
				return;
			}
			if (!isWord(tag, tag.local)) return;
			const table = tables[tables.length - 1];
			switch (tag.local) {
				case 't':
					inText = false;
					return;
				case 'r':
					if (run && paragraph && !run.hidden)
						paragraph.text += run.caps ? run.text.toLocaleUpperCase('vi') : run.text;
					run = null;
					return;
				case 'p':
					if (paragraph) endParagraph(paragraph);
					paragraph = null;
					return;
				case 'tc':
					if (table?.row && table.cell) {
						const { parts: texts, span, continued, joined } = table.cell;
						table.row.push(joined ? '' : continued ? SAME_AS_ABOVE : squash(texts.join(' ')));
						table.row.push(...Array<string>(span - 1).fill(''));
					}
					if (table) table.cell = null;
					return;
				case 'tr':
					if (table?.row) {
						table.row.push(...Array<string>(table.gridAfter).fill(''));
						table.rows.push(table.row);
					}
					if (table) table.row = null;
					return;
				case 'tbl': {
					const done = tables.pop();
					if (done) endTable(done);
					return;
				}
			}
		},
		text(text: string) {
			if (inText && skipDepth === 0) addText(text);
		}
	});
	return lines;
}

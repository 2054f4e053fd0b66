import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGiaLaiDirectory } from '../directory.js';
import { PlanImportError } from '../errors.js';
import { importPlanFile } from '../file.js';
import { NO_TEXT_LAYER, pdfToLines } from './pdf.js';
import { LineLayout, layoutLines } from './pdf-lines.js';
import { convertWithOffice, stripedPng } from './test-docx.js';
import { NUMBERED_PLAN_LINES, numberedPlan, TABLE_PLAN_LINES, tablePlan } from './test-plans.js';

const directory = loadGiaLaiDirectory();

/** A scanned plan: a page that is one picture (grey bars where lines of text were), no text. */
async function scannedPdf(): Promise<Uint8Array> {
	const png = stripedPng(595, 842);
	const pdf = await PDFDocument.create();
	const image = await pdf.embedPng(png);
	const page = pdf.addPage([image.width, image.height]);
	page.drawImage(image, { x: 0, y: 0, width: image.width, height: image.height });
	return pdf.save();
}

describe('PDF reader', () => {
	let tablePdf: Uint8Array;
	let numberedPdf: Uint8Array;
	let scanned: Uint8Array;
	beforeAll(async () => {
		tablePdf = convertWithOffice(tablePlan(), 'phu-luc.docx', 'pdf');
		numberedPdf = convertWithOffice(numberedPlan(), 'so-thu-tu.docx', 'pdf');
		scanned = await scannedPdf();
	}, 300_000);

	it('rebuilds the lines of a LibreOffice PDF, the table as tab-separated rows', async () => {
		// A PDF draws a merged cell once: the rows it spans below read empty there.
		expect(await pdfToLines(tablePdf)).toEqual(
			TABLE_PLAN_LINES.map((line) => line.replace('\tNhư trên\t', '\t\t'))
		);
	});

	it('reads list numbers set off by a tab stop as part of their line', async () => {
		expect(await pdfToLines(numberedPdf)).toEqual(NUMBERED_PLAN_LINES);
	});

	it('imports the PDF plans as their DOCX originals', async () => {
		const fromPdf = await importPlanFile(tablePdf, { directory, source: 'phu-luc.pdf' });
		const fromDocx = await importPlanFile(tablePlan(), { directory, source: 'phu-luc.docx' });
		// Except a lead merged down over the next row: the PDF cannot tell it from an empty cell.
		expect(fromPdf.tasks.map((t) => [t.lead, t.due])).toEqual(
			fromDocx.tasks.map((t, k) => [k % 3 === 2 ? [] : t.lead, t.due])
		);
		expect(fromDocx.tasks[2].lead).toEqual(fromDocx.tasks[1].lead);
		expect(fromPdf.tasks).toHaveLength(6);
		const numbered = await importPlanFile(numberedPdf, { directory, source: 'so-thu-tu.pdf' });
		expect(numbered.tasks.map((t) => [t.number, t.lead, t.due])).toEqual([
			['II.1.a', ['Sở Thông tin và Truyền thông'], '2024-06-30'],
			['II.1.b', ['Bộ Chỉ huy Bộ đội Biên phòng tỉnh'], '2024-09-30'],
			['II.2.1', ['Sở Thông tin và Truyền thông'], '2024-06-30']
		]);
	});

	it('reads a PDF of another producer, set in a standard font that is not embedded', async () => {
		const pdf = await PDFDocument.create();
		const font = await pdf.embedFont(StandardFonts.TimesRoman);
		const page = pdf.addPage([595, 842]);
		const at = (text: string, x: number, y: number) =>
			page.drawText(text, { x, y, size: 12, font });
		at('KE HOACH', 50, 800);
		at('TT', 50, 760);
		at('Noi dung', 100, 760);
		at('Co quan chu tri', 300, 760);
		at('1', 52, 740);
		at('Hoi nghi', 100, 740);
		at('So Ngoai vu', 300, 740);
		expect(await pdfToLines(await pdf.save())).toEqual([
			'KE HOACH',
			'TT\tNoi dung\tCo quan chu tri',
			'1\tHoi nghi\tSo Ngoai vu'
		]);
	});

	it('refuses a PDF without a text layer with one line', async () => {
		const e: unknown = await importPlanFile(scanned, { source: 'scan.pdf' }).catch(
			(x: unknown) => x
		);
		expect(e).toBeInstanceOf(PlanImportError);
		expect((e as PlanImportError).message).toBe(NO_TEXT_LAYER);
		expect((e as PlanImportError).source).toBe('scan.pdf');
	});

	it.each([
		['truncated', () => tablePdf.slice(0, 2000)],
		['garbage after the header', () => new TextEncoder().encode('%PDF-1.7\nkhông phải PDF\n')]
	])('refuses a corrupt PDF (%s) with one line', async (_, bytes) => {
		const e: unknown = await importPlanFile(bytes(), { source: 'x.pdf' }).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(PlanImportError);
		expect((e as PlanImportError).message).toMatch(/^corrupt PDF: /);
		expect((e as PlanImportError).message).not.toContain('\n');
	});
});

describe('PDF line layout', () => {
	const item = (text: string, x: number, y: number, width = text.length * 6) => ({
		text,
		x,
		y,
		width,
		size: 12
	});

	it('joins words, tabs columns, aligns later rows and continuation lines to the columns', () => {
		expect(
			layoutLines([
				item('Kế', 50, 700, 14),
				item('hoạch', 67, 700.4),
				item('TT', 50, 650),
				item('Nội dung', 100, 650),
				item('Chủ trì', 300, 650),
				item('1', 52, 630),
				item('Việc một', 100, 630),
				item('Sở Y tế', 300, 630),
				item('tiếp', 100, 616),
				item('2', 52, 600),
				item('Sở Nội vụ', 300, 600),
				item('Trên đây là Kế hoạch của Ủy ban nhân dân tỉnh.', 50, 560)
			])
		).toEqual([
			'Kế hoạch',
			'TT\tNội dung\tChủ trì',
			'1\tViệc một tiếp\tSở Y tế',
			'2\t\tSở Nội vụ',
			'Trên đây là Kế hoạch của Ủy ban nhân dân tỉnh.'
		]);
	});

	it('carries a table across a page break, dropping the page number and repeated header', () => {
		const layout = new LineLayout();
		const header = [item('TT', 50, 650), item('Nội dung', 100, 650), item('Chủ trì', 300, 650)];
		layout.addPage([
			...header,
			item('1', 52, 630),
			item('Việc một', 100, 630),
			item('Sở Y tế', 300, 630)
		]);
		layout.addPage([
			item('2', 290, 800),
			...header.map((h) => ({ ...h, y: 760 })),
			item('tiếp theo', 100, 740),
			item('2', 52, 720),
			item('Sở Nội vụ', 300, 720)
		]);
		expect(layout.finish()).toEqual([
			'TT\tNội dung\tChủ trì',
			'1\tViệc một tiếp theo\tSở Y tế',
			'2\t\tSở Nội vụ'
		]);
	});
});

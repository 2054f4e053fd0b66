import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadGiaLaiDirectory } from '../directory.js';
import { PlanImportError } from '../errors.js';
import { importPlanFile } from '../file.js';
import { docxToLines } from './docx.js';
import { formatNumber } from './numbering.js';
import { abstractNum, buildDocx, convertWithOffice, num } from './test-docx.js';
import { NUMBERED_PLAN_LINES, numberedPlan, TABLE_PLAN_LINES, tablePlan } from './test-plans.js';

const directory = loadGiaLaiDirectory();

describe('DOCX reader: a task table with merged cells', () => {
	it('reads paragraphs and table rows in document order, cells separated by TAB', () => {
		expect(docxToLines(tablePlan())).toEqual(TABLE_PLAN_LINES);
	});

	it('imports the table plan: one task per row, leads and due dates from the cells', async () => {
		const plan = await importPlanFile(tablePlan(), { directory, source: 'phu-luc.docx' });
		expect(plan.tasks.map((t) => [t.lead, t.due])).toEqual([
			[['Sở Thông tin và Truyền thông'], '2024-06-30'],
			[['Bộ Chỉ huy Bộ đội Biên phòng tỉnh'], '2024-09-30'],
			// The lead cell merged down over the next row leads it too.
			[['Bộ Chỉ huy Bộ đội Biên phòng tỉnh'], '2024-09-30'],
			[['Sở Thông tin và Truyền thông'], '2024-06-30'],
			[['Bộ Chỉ huy Bộ đội Biên phòng tỉnh'], '2024-09-30'],
			[['Bộ Chỉ huy Bộ đội Biên phòng tỉnh'], '2024-09-30']
		]);
		expect(plan.tasks[0].coordinating).toHaveLength(2);
		expect(plan.tasks[1].title).toBe('Tuyên truyền về biên giới trên Báo Gia Lai');
	});
});

describe('DOCX reader: Word automatic numbering', () => {
	it('prefixes each numbered paragraph with its visible number (styles, levels, restarts)', () => {
		expect(docxToLines(numberedPlan())).toEqual(NUMBERED_PLAN_LINES);
	});

	it('imports the numbered plan as the text parser reads its labelled fields', async () => {
		const plan = await importPlanFile(numberedPlan(), { directory, source: 'so-thu-tu.docx' });
		expect(plan.sections.map((s) => s.number)).toEqual(['I', 'II', 'III']);
		expect(plan.tasks.map((t) => [t.number, t.lead, t.coordinating.length, t.due])).toEqual([
			['II.1.a', ['Sở Thông tin và Truyền thông'], 2, '2024-06-30'],
			['II.1.b', ['Bộ Chỉ huy Bộ đội Biên phòng tỉnh'], 0, '2024-09-30'],
			['II.2.1', ['Sở Thông tin và Truyền thông'], 0, '2024-06-30']
		]);
		expect(plan.duties.map((d) => d.agencies)).toEqual([
			['Sở Thông tin và Truyền thông'],
			['Công an tỉnh']
		]);
	});

	it('formats counters as Word does', () => {
		expect(
			[
				[4, 'upperRoman'],
				[14, 'lowerRoman'],
				[28, 'upperLetter'],
				[2, 'lowerLetter'],
				[7, 'decimalZero'],
				[3, 'decimal']
			].map(([n, f]) => formatNumber(n as number, f as string))
		).toEqual(['IV', 'xiv', 'BB', 'b', '07', '3']);
	});

	it('continues a list across numIds of one definition and restarts on a startOverride', () => {
		const docx = buildDocx({
			numbering: abstractNum(0, [['decimal', '%1.']]) + num(1, 0) + num(2, 0) + num(3, 0, [0, 5]),
			body: [
				{ text: 'một', num: [1, 0] },
				{ text: 'hai', num: [2, 0] },
				{ text: 'năm', num: [3, 0] },
				{ text: 'không số', num: [0, 0] }
			]
		});
		expect(docxToLines(docx)).toEqual(['1. một', '2. hai', '5. năm', 'không số']);
	});

	it('follows a definition that links to a list style (w:numStyleLink)', () => {
		const docx = buildDocx({
			numbering:
				abstractNum(0, [['upperRoman', '%1.']]) +
				'<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="PlanList"/></w:abstractNum>' +
				num(1, 1) +
				num(2, 0),
			styles:
				'<w:style w:type="numbering" w:styleId="PlanList"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>',
			body: [
				{ text: 'MỘT', num: [1, 0] },
				{ text: 'HAI', num: [1, 0] }
			]
		});
		expect(docxToLines(docx)).toEqual(['I. MỘT', 'II. HAI']);
	});

	it('reads a LibreOffice re-save of the same document the same way', () => {
		const resaved = convertWithOffice(numberedPlan(), 'plan.docx', 'docx:MS Word 2007 XML');
		expect(docxToLines(resaved)).toEqual(NUMBERED_PLAN_LINES);
	}, 180_000);
});

describe('DOCX reader: what Word writes besides the text', () => {
	it('skips deleted, hidden and text-box text; keeps inserted text; caps as shown', () => {
		const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
		const body =
			'<w:p><w:r><w:t xml:space="preserve">Giữ </w:t></w:r><w:del w:id="1"><w:r><w:delText>xóa </w:delText></w:r></w:del>' +
			'<w:ins w:id="2"><w:r><w:t xml:space="preserve">thêm </w:t></w:r></w:ins>' +
			'<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r><w:r><w:rPr><w:caps/></w:rPr><w:t>hoa</w:t></w:r>' +
			'<w:r><w:tab/><w:t>sau tab</w:t></w:r></w:p>' +
			'<w:p><w:r><w:drawing><wps:txbx xmlns:wps="urn:x"><w:txbxContent><w:p><w:r><w:t>hộp</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing><w:t>thân</w:t></w:r></w:p>';
		const docx = zipSync({
			'[Content_Types].xml': strToU8(
				'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
			),
			'word/document.xml': strToU8(
				`<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`
			)
		});
		expect(docxToLines(docx)).toEqual(['Giữ thêm HOA sau tab', 'thân']);
	});
});

describe('DOCX reader: files that are not readable DOCX', () => {
	const reject = async (bytes: Uint8Array) => {
		const e: unknown = await importPlanFile(bytes, { source: 'x.docx' }).catch(
			(err: unknown) => err
		);
		expect(e).toBeInstanceOf(PlanImportError);
		const message = (e as PlanImportError).message;
		expect(message).not.toContain('\n');
		return message;
	};

	it('a truncated ZIP', async () => {
		expect(await reject(tablePlan().slice(0, 400))).toMatch(/^corrupt DOCX: not a readable ZIP/);
	});
	it('a ZIP without a Word document', async () => {
		expect(await reject(zipSync({ 'a.txt': strToU8('xin chào') }))).toBe(
			'not a Word document: the file has no word/document.xml part'
		);
	});
	it('a document part that is not XML', async () => {
		const broken = zipSync({ 'word/document.xml': strToU8('<w:document><w:body>') });
		expect(await reject(broken)).toMatch(
			/^corrupt DOCX \(word\/document\.xml\): not well-formed XML/
		);
	});
	it('an old binary .doc', async () => {
		const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
		expect(await reject(doc)).toMatch(/legacy \.doc/);
	});
});

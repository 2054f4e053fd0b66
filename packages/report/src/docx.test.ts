import { describe, expect, it } from 'vitest';
import { toDocx } from './docx.js';
import { checkXmlBalanced, filledBoard } from './test-board.js';
import { convert, unzipText } from './test-office.js';

describe('toDocx', () => {
	const board = filledBoard();
	const bytes = toDocx(board, { asOf: '2024-12-05' });
	const parts = unzipText(bytes);
	const xml = parts['word/document.xml'];
	const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');

	it('is a complete, well-formed package', () => {
		expect(Object.keys(parts).sort()).toEqual([
			'[Content_Types].xml',
			'_rels/.rels',
			'docProps/core.xml',
			'word/_rels/document.xml.rels',
			'word/document.xml',
			'word/settings.xml',
			'word/styles.xml'
		]);
		for (const part of Object.values(parts)) expect(() => checkXmlBalanced(part)).not.toThrow();
	});

	it('carries the national header, number, place and date, and the title', () => {
		for (const line of [
			'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
			'Độc lập - Tự do - Hạnh phúc',
			'ỦY BAN NHÂN DÂN TỈNH GIA LAI',
			'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
			'Số: …/BC-STTTT',
			'Gia Lai, ngày 05 tháng 12 năm 2024',
			'BÁO CÁO',
			`Kết quả thực hiện ${board.meta.title}`
		]) {
			expect(text.split('\n')).toContain(line);
		}
		expect(xml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><w:sz w:val="24"\/>.*?CỘNG HÒA/);
	});

	it('sets Times New Roman 14 pt on A4, portrait then a landscape appendix', () => {
		expect(parts['word/styles.xml']).toContain('w:ascii="Times New Roman"');
		expect(parts['word/styles.xml']).toContain('<w:sz w:val="28"/>');
		const sizes = [...xml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1]);
		expect(sizes).toEqual([
			'w:w="11906" w:h="16838"',
			'w:w="16838" w:h="11906" w:orient="landscape"'
		]);
	});

	it('has one appendix row per task and duty, after a repeated header row', () => {
		const appendix = xml.slice(xml.lastIndexOf('<w:tbl>'));
		const rows = appendix.match(/<w:tr>/g) ?? [];
		expect(rows).toHaveLength(1 + board.tasks.length);
		expect(appendix).toContain('<w:tblHeader/>');
		for (const task of board.tasks) expect(appendix).toContain(`>${task.number}</w:t>`);
		expect(appendix).toContain('Thiếu kinh phí');
		expect(appendix).toContain('Bổ sung kinh phí');
		expect(appendix).toContain('Phối hợp - Báo GL: Đăng 20 tin bài về biên giới');
		expect(appendix).toContain('&quot;sửa đổi&quot;');
	});

	it('opens in LibreOffice with its text intact', () => {
		const out = convert(bytes, 'report.docx', 'txt:Text');
		const txt = out['report.txt'];
		expect(txt).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
		expect(txt).toContain('Gia Lai, ngày 05 tháng 12 năm 2024');
		expect(txt).toContain('Chương trình phối hợp thông tin khu vực biên giới');
	});
});

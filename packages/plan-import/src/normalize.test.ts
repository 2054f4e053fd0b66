import { describe, expect, it } from 'vitest';
import { cleanLines } from './normalize.js';

describe('cleanLines', () => {
	it('drops blank lines, URL lines and lone page numbers, keeping original line numbers', () => {
		const text =
			' Dòng một \n\nhttps://thuvienphapluat.vn/van-ban/abc.aspx\n2\n- 3 -\nTrang 4\n   dòng  hai\n';
		expect(cleanLines(text)).toEqual([
			{ text: 'Dòng một', line: 1 },
			{ text: 'dòng hai', line: 7 }
		]);
	});
	it('reads CRLF and CR line endings and NFD text as NFC', () => {
		const lines = cleanLines('Sở Tài chính\r\n\r\nCông an tỉnh\rBáo'.normalize('NFD'));
		expect(lines.map((l) => l.text)).toEqual(['Sở Tài chính', 'Công an tỉnh', 'Báo']);
		expect(lines.map((l) => l.line)).toEqual([1, 3, 4]);
		expect(lines[0].text).toBe(lines[0].text.normalize('NFC'));
	});
});

import { describe, expect, it } from 'vitest';
import { CARD_COLUMNS } from './columns.js';
import { excelSerial } from './dates.js';
import { checkXmlBalanced, filledBoard, parseCsv } from './test-board.js';
import { convert, unzipText } from './test-office.js';
import { toXlsx } from './xlsx.js';

/** Cells of a worksheet by reference: inline strings as text, numbers as numbers. */
function readSheet(xml: string): Map<string, string | number> {
	const cells = new Map<string, string | number>();
	for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?: t="(\w+)")?>([\s\S]*?)<\/c>/g)) {
		const [, ref, type, body] = m;
		if (type === 'inlineStr') {
			const t = /<t[^>]*>([\s\S]*?)<\/t>/.exec(body)![1];
			cells.set(
				ref,
				t
					.replace(/&quot;/g, '"')
					.replace(/&lt;/g, '<')
					.replace(/&gt;/g, '>')
					.replace(/&amp;/g, '&')
			);
		} else cells.set(ref, Number(/<v>(.*?)<\/v>/.exec(body)![1]));
	}
	return cells;
}

describe('toXlsx', () => {
	const board = filledBoard();
	const bytes = toXlsx(board, { asOf: '2024-12-05' });
	const parts = unzipText(bytes);
	const cards = readSheet(parts['xl/worksheets/sheet1.xml']);
	const tasks = readSheet(parts['xl/worksheets/sheet2.xml']);
	const letter = (key: string) =>
		String.fromCharCode(65 + CARD_COLUMNS.findIndex((c) => c.key === key));

	it('is a well-formed workbook with a card sheet and a task sheet', () => {
		for (const part of Object.values(parts)) expect(() => checkXmlBalanced(part)).not.toThrow();
		expect(parts['xl/workbook.xml']).toContain('<sheet name="Thẻ"');
		expect(parts['xl/workbook.xml']).toContain('<sheet name="Nhiệm vụ"');
	});

	it('holds every card, one row each, with numbers and dates as real cells', () => {
		expect(cards.get('A1')).toBe('Số');
		const rows = board.cards.length;
		expect(cards.has(`A${rows + 1}`)).toBe(true);
		expect(cards.has(`A${rows + 2}`)).toBe(false);
		const found = new Set<string>();
		for (let r = 2; r <= rows + 1; r++)
			found.add(`${cards.get(`A${r}`)}|${cards.get(`${letter('agency')}${r}`)}`);
		for (const card of board.cards) {
			const task = board.tasks.find((t) => t.id === card.taskId)!;
			const agency = board.agencies.find((a) => a.id === card.agencyId)!;
			expect(found).toContain(`${task.number}|${agency.name}`);
		}
		expect(cards.get(`${letter('due')}2`)).toBe(excelSerial('2024-12-31'));
		expect(cards.get(`${letter('progress')}2`)).toBe(100);
		expect(cards.get(`${letter('notes')}2`)).toContain('"sửa đổi"');
	});

	it('rolls each task up on the second sheet', () => {
		expect(tasks.get(`A${board.tasks.length + 1}`)).toBe('III.13');
		expect(tasks.get('A4')).toBe('II.6.2');
		expect(tasks.get('G4')).toBe(75);
		expect(tasks.get('J4')).toBe('Quá hạn');
	});

	it('opens in LibreOffice Calc with every card', () => {
		const out = convert(
			bytes,
			'cards.xlsx',
			'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1'
		);
		const rows = parseCsv(
			Object.values(out)[0]
				.replace(/\n/g, '\r\n')
				.replace(/\r\r\n/g, '\r\n')
		);
		expect(rows.filter((r) => r.length > 1)).toHaveLength(1 + board.cards.length);
	});
});

import { describe, expect, it } from 'vitest';
import { CARD_COLUMNS } from './columns.js';
import { UTF8_BOM, neutralize, toCsv } from './csv.js';
import { filledBoard, parseCsv } from './test-board.js';

describe('toCsv', () => {
	const board = filledBoard();
	const csv = toCsv(board, { asOf: '2024-11-01' });
	const rows = parseCsv(csv.slice(1));
	const col = (key: string) => CARD_COLUMNS.findIndex((c) => c.key === key);

	it('starts with a BOM and a Vietnamese header, one CRLF line per card', () => {
		expect(csv.startsWith(UTF8_BOM)).toBe(true);
		expect(rows[0]).toEqual(CARD_COLUMNS.map((c) => c.label.vi));
		expect(rows).toHaveLength(1 + board.cards.length);
		expect(rows.every((r) => r.length === CARD_COLUMNS.length)).toBe(true);
	});

	it('holds every card with its fields, quotes and line breaks intact', () => {
		const keys = rows.slice(1).map((r) => `${r[col('number')]}|${r[col('agency')]}`);
		for (const card of board.cards) {
			const name = board.agencies.find((a) => a.id === card.agencyId)!.name;
			const task = board.tasks.find((t) => t.id === card.taskId)!;
			expect(keys).toContain(`${task.number}|${name}`);
		}
		const legal = rows.find((r) => r[col('number')] === 'II.1')!;
		expect(legal[col('status')]).toBe('Hoàn thành');
		expect(legal[col('due')]).toBe('31/12/2024');
		expect(legal[col('completedAt')]).toBe('01/06/2024');
		expect(legal[col('timeliness')]).toBe('Hoàn thành đúng hạn');
		expect(legal[col('notes')]).toBe(
			'Đã ban hành Quyết định số 12/QĐ-UBND, "sửa đổi" quy chế.\nĐã tập huấn.'
		);
		const press = rows.find((r) => r[col('number')] === 'II.4' && r[col('progress')] === '40')!;
		expect(press[col('status')]).toBe('Đang thực hiện');
	});

	it('keeps a formula-like note from running in Excel', () => {
		const press = rows.find((r) => r[col('number')] === 'II.4' && r[col('progress')] === '40')!;
		expect(press[col('notes')]).toBe(`'=HYPERLINK("http://x")`);
	});

	it('speaks English when asked', () => {
		const en = parseCsv(toCsv(board, { asOf: '2024-11-01', lang: 'en' }).slice(1));
		expect(en[0][col('status')]).toBe('Status');
		expect(en.find((r) => r[col('number')] === 'II.1')![col('status')]).toBe('Done');
	});

	it('defuses every cell a spreadsheet could read as a formula, and nothing else', () => {
		for (const cell of [
			'=1+1',
			'+1',
			"-2+3+cmd|' /C calc'!A0",
			'- Đã tập huấn',
			'@SUM(A1)',
			'\t=1',
			'\r=1',
			' =1',
			'   +1',
			' -1',
			' @x',
			' \t=1'
		]) {
			expect(neutralize(cell), JSON.stringify(cell)).toBe(`'${cell}`);
		}
		for (const cell of ['Đã ban hành', '12/QĐ-UBND', '40', ' a = b', '', 'a-b']) {
			expect(neutralize(cell), JSON.stringify(cell)).toBe(cell);
		}
	});
});

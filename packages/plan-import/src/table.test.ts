import { describe, expect, it } from 'vitest';
import { cleanLines } from './normalize.js';
import { extractTables } from './table.js';

const rowsOf = (text: string) => extractTables(cleanLines(text)).tables.flatMap((t) => t.rows);
const brief = (text: string) =>
	rowsOf(text).map((r) => [r.kind, r.number, r.title, r.lead, r.group]);

describe('extractTables', () => {
	it('recognises the header by its labels in any order and maps cells by column', () => {
		const text = [
			'Thời hạn hoàn thành\tĐơn vị phối hợp\tNội dung công việc\tSTT\tKết quả/Sản phẩm\tĐơn vị chủ trì',
			'Quý II/2026\tSở Tài chính\tRà soát thủ tục\t1\tBáo cáo\tSở Tư pháp'
		].join('\n');
		expect(rowsOf(text)).toEqual([
			{
				kind: 'task',
				number: '1',
				title: 'Rà soát thủ tục',
				lead: 'Sở Tư pháp',
				coordinating: 'Sở Tài chính',
				timeframe: 'Quý II/2026',
				product: 'Báo cáo',
				group: '',
				line: 2
			}
		]);
	});

	it('reads a two-row header: "Cơ quan thực hiện" spanning "Chủ trì" and "Phối hợp"', () => {
		const text = [
			'TT\tNội dung\tCơ quan thực hiện\t\tThời gian hoàn thành',
			'\t\tChủ trì\tPhối hợp\t',
			'1\tRà soát thủ tục\tSở Tư pháp\tSở Nội vụ\tQuý II/2026'
		].join('\n');
		const { rest, tables } = extractTables(cleanLines(text));
		expect([rest, tables[0].line]).toEqual([[], 1]);
		expect(tables[0].rows).toMatchObject([
			{ number: '1', lead: 'Sở Tư pháp', coordinating: 'Sở Nội vụ', timeframe: 'Quý II/2026' }
		]);
	});

	it('reads group headings in every merged form, and skips the column index row', () => {
		const text = [
			'TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\tSản phẩm',
			'(1)\t(2)\t(3)\t(4)\t(5)\t(6)',
			'I\tNHIỆM VỤ CHUNG\t\t\t\t',
			'1\tViệc một\tSở Y tế\t\tTháng 3/2026\t',
			'II\tNHIỆM VỤ RIÊNG',
			'2\tViệc hai\tSở Nội vụ\t\t\t',
			'III. NHIỆM VỤ KHÁC',
			'3\tViệc ba\tCông an tỉnh\t\t\t'
		].join('\n');
		expect(brief(text)).toEqual([
			['group', 'I', 'NHIỆM VỤ CHUNG', '', ''],
			['task', '1', 'Việc một', 'Sở Y tế', 'I'],
			['group', 'II', 'NHIỆM VỤ RIÊNG', '', 'I'],
			['task', '2', 'Việc hai', 'Sở Nội vụ', 'II'],
			['group', 'III', 'NHIỆM VỤ KHÁC', '', 'II'],
			['task', '3', 'Việc ba', 'Công an tỉnh', 'III']
		]);
	});

	it('keeps nested numbers, and a title-only row with no rows below it stays a task', () => {
		const text = [
			'TT\tNội dung\tChủ trì\tPhối hợp',
			'1\tCải cách thể chế\t\t',
			'1.1\tRà soát văn bản\tSở Tư pháp\t',
			'1.2\tTheo dõi thi hành pháp luật\t\t',
			'2.\tViệc chưa phân công\t\t'
		].join('\n');
		expect(brief(text)).toEqual([
			['group', '1', 'Cải cách thể chế', '', ''],
			['task', '1.1', 'Rà soát văn bản', 'Sở Tư pháp', '1'],
			['task', '1.2', 'Theo dõi thi hành pháp luật', '', '1'],
			['task', '2', 'Việc chưa phân công', '', '1']
		]);
	});

	it('appends a row without TT to the row above (a cell wrapped onto the next line)', () => {
		const text = [
			'STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp',
			'1\tTriển khai thanh toán trực tuyến\tSở Tài chính\tKho bạc Nhà nước',
			'\ttrên Cổng Dịch vụ công quốc gia\t\tkhu vực X'
		].join('\n');
		expect(rowsOf(text)[0]).toMatchObject({
			title: 'Triển khai thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia',
			coordinating: 'Kho bạc Nhà nước khu vực X'
		});
	});

	it('ends the table at the next section, the closing part or a non-row line', () => {
		const text = [
			'II. NHIỆM VỤ',
			'TT\tNội dung\tChủ trì\tThời hạn',
			'1\tViệc một\tSở Y tế\tQuý I/2026',
			'III. TỔ CHỨC THỰC HIỆN',
			'1. Sở Y tế',
			'Nơi nhận:\tTM. ỦY BAN NHÂN DÂN',
			'- Như trên;\tCHỦ TỊCH'
		].join('\n');
		const { rest, tables } = extractTables(cleanLines(text));
		expect(tables).toHaveLength(1);
		expect(tables[0].rows.map((r) => r.number)).toEqual(['1']);
		expect(rest.map((l) => l.line)).toEqual([1, 4, 5, 6, 7]);
		expect(rest[3].text).toBe('Nơi nhận: TM. ỦY BAN NHÂN DÂN');
	});

	it('finds the "PHỤ LỤC" caption above a table', () => {
		const text = [
			'PHỤ LỤC II',
			'DANH MỤC NHIỆM VỤ NĂM 2026',
			'(Kèm theo Kế hoạch số 45/KH-UBND ngày 20/01/2026)',
			'TT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp',
			'1\tViệc một\tSở Y tế\t'
		].join('\n');
		expect(extractTables(cleanLines(text)).tables[0].appendix).toEqual({
			numeral: 'II',
			title: 'DANH MỤC NHIỆM VỤ NĂM 2026'
		});
	});

	it('takes no header without a content column and an agency column', () => {
		expect(rowsOf('TT\tNội dung\tThời gian\n1\tViệc\tQuý I/2026')).toEqual([]);
		expect(rowsOf('ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toEqual([]);
	});

	it('reads "Như trên" as the task row above in agency, time and product cells only', () => {
		const text = [
			'TT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\tSản phẩm',
			'1\tRà soát thủ tục\tSở Tư pháp\tSở Nội vụ\tQuý II/2026\tBáo cáo',
			'2\tTập huấn cán bộ\tNhư trên\tnt\tNhư trên.\tHội nghị',
			'3\tNhư trên\tSở Nội vụ\tNhư trên\tQuý IV/2026\tNhư trên'
		].join('\n');
		expect(
			rowsOf(text).map((r) => [r.number, r.title, r.lead, r.coordinating, r.timeframe, r.product])
		).toEqual([
			['1', 'Rà soát thủ tục', 'Sở Tư pháp', 'Sở Nội vụ', 'Quý II/2026', 'Báo cáo'],
			['2', 'Tập huấn cán bộ', 'Sở Tư pháp', 'Sở Nội vụ', 'Quý II/2026', 'Hội nghị'],
			// Never a task's content: "Như trên" there is no text of its own.
			['3', '', 'Sở Nội vụ', 'Sở Nội vụ', 'Quý IV/2026', 'Hội nghị']
		]);
	});
});

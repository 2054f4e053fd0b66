import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures/fixtures.js';
import { loadGiaLaiDirectory } from './directory.js';
import { PlanImportError } from './errors.js';
import { toPlanJson } from './json.js';
import { parsePlan } from './parse.js';
import type { ParsedPlan } from './types.js';

const summary = (plan: ParsedPlan) =>
	plan.tasks.map((t) => [t.number, t.lead, t.coordinating.length, t.due]);

describe('prose plan (Quảng Trị 2026): assignments written as sentences', () => {
	const plan = parsePlan(fixture('quang-tri-2026-prose.txt'));

	it('reads the header, the subject line "Thực hiện ..." included', () => {
		expect(plan).toMatchObject({
			title:
				'Kế hoạch thực hiện công tác gia đình và phòng, chống bạo lực gia đình trên địa bàn tỉnh Quảng Trị năm 2026',
			issuer: 'Ủy ban nhân dân tỉnh Quảng Trị',
			number: '58/KH-UBND',
			date: '2026-03-12',
			year: 2026
		});
		expect(plan.bases).toHaveLength(2);
	});

	it('gives one task per numbered item, with lead, coordinating bodies and due date', () => {
		expect(summary(plan)).toEqual([
			['II.1', ['Sở Văn hóa, Thể thao và Du lịch'], 3, '2026-06-30'],
			['II.2', ['Sở Tư pháp'], 2, '2026-09-30'],
			['II.3', ['Công an tỉnh'], 0, '2026-09-30'],
			['II.4', ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh'], 1, '2026-12-31'],
			['II.5', ['Sở Văn hóa, Thể thao và Du lịch'], 2, '2026-12-31'],
			['II.6', ['Sở Y tế'], 1, '2026-12-31'],
			['II.7.1', ['Báo và Phát thanh, Truyền hình Quảng Trị'], 1, '2026-12-31'],
			['II.7.2', ['Hội Liên hiệp Phụ nữ tỉnh'], 1, '2026-10-31']
		]);
		expect(plan.tasks.every((t) => t.product === null && t.section === 'II')).toBe(true);
		expect(plan.warnings).toEqual([]);
	});

	it('titles a sentence-item by its action and keeps the sentence as content', () => {
		const [first, second] = plan.tasks;
		expect(first.title).toBe('Xây dựng Kế hoạch tổ chức Ngày Gia đình Việt Nam 28/6');
		expect(first.content).toMatch(/^Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với/);
		expect(first.coordinating).toEqual([
			'Văn phòng Ủy ban nhân dân tỉnh',
			'Sở Tài chính',
			'Ủy ban nhân dân các xã, phường, đặc khu'
		]);
		expect(first.timeframe).toBe('Hoàn thành trong tháng 6/2026');
		expect(second.title).toBe('Tuyên truyền, phổ biến pháp luật về phòng, chống bạo lực gia đình');
		expect(second.coordinating).toEqual([
			'Báo và Phát thanh, Truyền hình Quảng Trị',
			'Hội Liên hiệp Phụ nữ tỉnh'
		]);
	});

	it('reads "thời gian thực hiện: tháng 7/2026 và tháng 12/2026" as due on the last date', () => {
		const t = plan.tasks[4];
		expect([t.timeframe, t.due]).toEqual(['tháng 7/2026 và tháng 12/2026', '2026-12-31']);
		expect(t.coordinating).toEqual(['Sở Nội vụ', 'Ủy ban nhân dân các xã biên giới']);
		expect(plan.tasks[3].timeframe).toBe('Thực hiện thường xuyên trong năm 2026');
	});

	it('reads the duties section and its reporting deadline', () => {
		expect(plan.duties.map((d) => [d.number, d.agencies])).toEqual([
			['IV.1', ['Sở Văn hóa, Thể thao và Du lịch']],
			['IV.2', ['Sở Tài chính']],
			['IV.3', ['Ủy ban nhân dân các xã, phường, đặc khu']]
		]);
		expect(plan.milestones.map((m) => m.date)).toContain('2026-12-15');
	});
});

describe('prose in paragraphs and bullets', () => {
	it('makes one task per bullet of an item that holds two or more assignments', () => {
		const plan = parsePlan(fixture('quang-tri-2026-prose.txt'));
		const [a, b] = plan.tasks.slice(-2);
		expect([a.title, a.line, b.title, b.line]).toEqual([
			'Xây dựng chuyên mục "Gia đình Việt"',
			37,
			'Tổ chức tọa đàm về gia đình hạnh phúc',
			39
		]);
	});

	it('reads assignments in a section without numbered items, not in "KINH PHÍ"', () => {
		const plan = parsePlan(
			[
				'II. NHIỆM VỤ',
				'Trong năm 2026, tập trung các nhiệm vụ sau:',
				'- Sở Tư pháp chủ trì biên soạn tài liệu, hoàn thành trong Quý II/2026.',
				'- Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính rà soát biên chế; hoàn thành trước ngày 30/9/2026.',
				'III. KINH PHÍ',
				'Sở Tài chính chủ trì, tham mưu bố trí kinh phí thực hiện Kế hoạch.'
			].join('\n')
		);
		expect(summary(plan)).toEqual([
			['II.1', ['Sở Tư pháp'], 0, '2026-06-30'],
			['II.2', ['Sở Nội vụ'], 1, '2026-09-30']
		]);
		expect(plan.tasks[1].title).toBe('Rà soát biên chế');
	});
});

describe('table plan in a "PHỤ LỤC" after the signature (Hà Tĩnh 2026)', () => {
	const plan = parsePlan(fixture('ha-tinh-2026-phu-luc.txt'));

	it('reads the appendix table as the plan\'s tasks, numbered by TT behind "PL."', () => {
		expect(summary(plan)).toEqual([
			['PL.1', ['Báo và Phát thanh, Truyền hình Hà Tĩnh'], 2, null],
			['PL.2', ['Sở Ngoại vụ'], 2, '2026-09-30'],
			['PL.3', ['Văn phòng Ủy ban nhân dân tỉnh'], 1, '2026-06-30'],
			['PL.4', ['Sở Văn hóa, Thể thao và Du lịch'], 2, '2026-11-30'],
			['PL.5', ['Sở Ngoại vụ'], 1, '2026-12-31']
		]);
		expect(plan.sections.at(-1)).toEqual({
			number: 'PL',
			title: 'DANH MỤC NHIỆM VỤ THÔNG TIN ĐỐI NGOẠI NĂM 2026'
		});
		expect(plan.tasks.every((t) => t.section === 'PL')).toBe(true);
	});

	it('keeps title, timeframe and product of each row', () => {
		expect(plan.tasks[0]).toMatchObject({
			title: 'Xây dựng chuyên mục "Hà Tĩnh - Điểm đến hấp dẫn" trên sóng phát thanh, truyền hình',
			timeframe: 'Thường xuyên',
			product: '24 chuyên mục',
			line: 32
		});
		expect(plan.tasks[1].product).toBe('Đoàn phóng viên; tin, bài phản ánh');
		expect((toPlanJson(plan) as { tasks: object[] }).tasks[4]).toMatchObject({
			number: 'PL.5',
			product: 'Báo cáo của Ủy ban nhân dân tỉnh'
		});
	});

	it('keeps the duties section as duties, a prose duty under its lead', () => {
		expect(plan.duties.map((d) => [d.number, d.agencies])).toEqual([
			['III.1', ['Sở Văn hóa, Thể thao và Du lịch']],
			['III.2', ['Các sở, ban, ngành', 'Ủy ban nhân dân các xã, phường']]
		]);
		expect(plan.duties[0].items[0]).toMatch(/^Sở Văn hóa, Thể thao và Du lịch chủ trì/);
		expect(plan.warnings).toEqual([]);
	});
});

describe('table plan in the body, DOCX form (Nghệ An 2026)', () => {
	const plan = parsePlan(fixture('nghe-an-2026-bang.txt'));

	it('reads the header from a two-column header table', () => {
		expect(plan).toMatchObject({
			issuer: 'Ủy ban nhân dân tỉnh Nghệ An',
			number: '112/KH-UBND',
			date: '2026-02-05',
			title: 'Kế hoạch cải cách hành chính nhà nước tỉnh Nghệ An năm 2026'
		});
	});

	it('reads columns in their own order, skips merged group rows, joins a wrapped row', () => {
		expect(summary(plan)).toEqual([
			['1.1', ['Sở Tư pháp'], 2, '2026-06-30'],
			['1.2', ['Sở Tư pháp'], 1, '2026-09-30'],
			['2.1', ['Văn phòng Ủy ban nhân dân tỉnh'], 1, null],
			['2.2', ['Sở Khoa học và Công nghệ'], 2, '2026-06-30'],
			['3.1', ['Sở Nội vụ'], 2, '2026-12-31'],
			['3.2', [], 0, '2026-10-31']
		]);
		expect(plan.tasks.every((t) => t.section === 'II')).toBe(true);
		expect(plan.tasks[3].title).toMatch(/Cổng Dịch vụ công quốc gia và Hệ thống thông tin/);
		expect(plan.tasks[4].product).toBe('Đề án được phê duyệt');
	});

	it('warns about the row without a lead, and reads the duties', () => {
		expect(plan.warnings).toEqual([{ line: 21, message: 'Task 3.2 has no lead agency' }]);
		expect(plan.duties.map((d) => [d.number, d.agencies])).toEqual([
			['III.1', ['Sở Nội vụ']],
			['III.2', ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh']]
		]);
	});

	it('qualifies a TT that restarts in each group by its group', () => {
		const text = [
			'II. NHIỆM VỤ',
			'TT\tNội dung\tChủ trì',
			'I\tNHÓM MỘT\t',
			'1\tViệc một\tSở Y tế',
			'II\tNHÓM HAI\t',
			'1\tViệc hai\tSở Tư pháp'
		].join('\n');
		expect(parsePlan(text).tasks.map((t) => t.number)).toEqual(['1', 'II.1']);
	});
});

describe('nothing dropped silently', () => {
	const gia = loadGiaLaiDirectory();

	it('warns about a section whose numbered items give no task, naming its line', () => {
		const plan = parsePlan(
			[
				'I. MỤC ĐÍCH, YÊU CẦU',
				'1. Mục đích',
				'II. NỘI DUNG TUYÊN TRUYỀN',
				'1. Tuyên truyền về chủ quyền biển, đảo',
				'2. Tuyên truyền về biên giới đất liền',
				'III. NHIỆM VỤ',
				'1. Sở Tư pháp chủ trì biên soạn tài liệu; hoàn thành trong Quý II/2026.'
			].join('\n'),
			{ directory: gia }
		);
		expect(plan.tasks.map((t) => [t.number, t.due])).toEqual([['III.1', '2026-06-30']]);
		expect(plan.warnings.filter((w) => w.message.startsWith('Section'))).toEqual([
			{
				line: 3,
				message:
					'Section II "NỘI DUNG TUYÊN TRUYỀN": no task read from its 2 numbered item(s) (no lead agency: no "Chủ trì:" field, no "... chủ trì ..." sentence)'
			}
		]);
	});

	it('warns about an appendix after the signature that holds no task table', () => {
		const text = [
			'KẾ HOẠCH Tuyên truyền năm 2026',
			'I. NHIỆM VỤ',
			'1. Sở Tư pháp chủ trì biên soạn tài liệu; hoàn thành trong Quý II/2026.',
			'Nơi nhận:',
			'- Lưu: VT.',
			'PHỤ LỤC',
			'1. Danh mục tài liệu tuyên truyền'
		].join('\n');
		expect(parsePlan(text).warnings).toEqual([
			{
				line: 6,
				message: 'Appendix "PHỤ LỤC" not read: no task table (TT, Nội dung, Chủ trì columns) in it'
			}
		]);
	});

	it('refuses a plan with no task at all, with one line naming where', () => {
		const text =
			'KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp\nTheo dõi, đôn đốc.\n';
		const err = (() => {
			try {
				parsePlan(text, { source: 'x.txt' });
			} catch (e) {
				return e;
			}
		})();
		expect(err).toBeInstanceOf(PlanImportError);
		expect(err).toMatchObject({ line: 2, source: 'x.txt' });
		expect((err as Error).message).toMatch(/^no tasks found: /);
		expect((err as Error).message).not.toContain('\n');
	});
});

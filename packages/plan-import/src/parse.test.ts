import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures/fixtures.js';
import { loadGiaLaiDirectory } from './directory.js';
import { PlanImportError } from './errors.js';
import { toPlanJson } from './json.js';
import { parsePlan } from './parse.js';

describe('Lào Cai-style plan (PDF extraction, "Số:" header, a)/b), 1.1., inline fields)', () => {
	const plan = parsePlan(fixture('lao-cai-2021.txt'));

	it('reads the header block', () => {
		expect(plan).toMatchObject({
			issuer: 'Ủy ban nhân dân tỉnh Lào Cai',
			number: '34/KH-UBND',
			date: '2021-01-29',
			year: 2021,
			title:
				'Kế hoạch tuyên truyền, phổ biến pháp luật về phòng, chống ma túy trên địa bàn tỉnh Lào Cai năm 2021'
		});
	});
	it('splits a "Thực hiện ..." paragraph into the documents it cites', () => {
		expect(plan.bases).toEqual([
			'Chỉ thị số 36-CT/TW ngày 16/8/2019 của Bộ Chính trị về tăng cường, nâng cao hiệu quả công tác phòng, chống và kiểm soát ma túy',
			'Kế hoạch số 12-KH/TU ngày 10/01/2021 của Tỉnh ủy Lào Cai'
		]);
	});
	it('numbers 1.1. and a)/b) items by full path and keeps leaves only', () => {
		expect(plan.tasks.map((t) => t.number)).toEqual(['II.1.1.a', 'II.1.1.b', 'II.1.2', 'II.2']);
		expect(plan.tasks.map((t) => t.section)).toEqual(['II', 'II', 'II', 'II']);
	});
	it('reads inline fields and "Quý II năm 2021"', () => {
		const a = plan.tasks[0];
		expect(a.title).toBe('Xây dựng chuyên trang, chuyên mục về phòng, chống ma túy');
		expect(a.lead).toEqual(['Báo Lào Cai']);
		expect(a.coordinating).toEqual(['Công an tỉnh', 'Sở Văn hóa và Thể thao']);
		expect([a.timeframe, a.due]).toEqual(['Quý II năm 2021', '2021-06-30']);
	});
	it('re-joins a title broken across lines and reads "- Label:" lines', () => {
		const b = plan.tasks[1];
		expect(b.title).toBe(
			'Phát sóng phóng sự chuyên đề về công tác cai nghiện ma túy và quản lý sau cai nghiện tại cộng đồng'
		);
		expect(b.lead).toEqual(['Đài Phát thanh - Truyền hình tỉnh']);
		expect(b.due).toBe('2021-09-30');
		expect(plan.tasks[2]).toMatchObject({
			lead: ['Sở Thông tin và Truyền thông'],
			due: '2021-11-15'
		});
		expect(plan.tasks[3]).toMatchObject({ timeframe: 'Thường xuyên', due: null });
	});
	it('stops the duties section at "Nơi nhận" and reads "Agency: duty" headings', () => {
		expect(plan.duties.map((d) => [d.number, d.agencies])).toEqual([
			['III.1', ['Công an tỉnh']],
			['III.2', ['Sở Thông tin và Truyền thông']]
		]);
		expect(plan.duties[1].items).toEqual([
			'hướng dẫn các cơ quan báo chí tuyên truyền nội dung Kế hoạch này.'
		]);
		expect(plan.milestones).toContainEqual({
			date: '2021-12-15',
			text: 'báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2021'
		});
	});
	it('keeps no page-break noise', () => {
		expect(JSON.stringify(toPlanJson(plan))).not.toMatch(/https?:|vanban\.laocai/);
	});
});

describe('Tuyên Quang-style plan (inline fields, duties section IV)', () => {
	const text = fixture('tuyen-quang-2020.txt');
	const plan = parsePlan(text);

	it('reads "Chủ trì: ...; phối hợp: .... Thời gian: Quý III/2020." in the task paragraph', () => {
		expect(plan.tasks[0]).toMatchObject({
			number: 'II.1',
			title: 'Tổ chức Lễ mít tinh kỷ niệm 75 năm Cách mạng tháng Tám thành công và Quốc khánh 2/9',
			lead: ['Sở Văn hóa, Thể thao và Du lịch'],
			coordinating: ['Báo Tuyên Quang'],
			timeframe: 'Quý III/2020',
			due: '2020-09-30',
			line: 13
		});
		expect(plan.tasks[1].coordinating).toEqual([
			'Đài Phát thanh và Truyền hình tỉnh',
			'Ủy ban nhân dân các huyện, thành phố'
		]);
		expect(plan.tasks[2]).toMatchObject({ timeframe: 'Khi có yêu cầu', due: null });
	});
	it('finds "TỔ CHỨC THỰC HIỆN" whatever its numeral', () => {
		expect(plan.duties.map((d) => d.number)).toEqual(['IV.1', 'IV.2']);
		expect(plan.duties[1].agencies).toEqual(['Sở Tài chính', 'Ban Thi đua - Khen thưởng tỉnh']);
		expect(plan.bases).toHaveLength(2);
		expect(plan.bases[1]).toBe(
			'Căn cứ Kế hoạch số 25-KH/TU ngày 20/4/2020 của Tỉnh ủy Tuyên Quang'
		);
	});
	it('reads CRLF + NFD text exactly like LF + NFC', () => {
		const crlf = parsePlan(fixture('tuyen-quang-2020.crlf-nfd.txt'));
		expect(toPlanJson(crlf)).toEqual(toPlanJson(plan));
	});
	it('keeps unknown agencies verbatim and warns with their line', () => {
		const withDirectory = parsePlan(text, { directory: loadGiaLaiDirectory() });
		expect(withDirectory.tasks[2].lead).toEqual(['Hội Cựu chiến binh tỉnh']);
		expect(withDirectory.tasks[0].leadRefs[0].agencyId).toBe('so-vhttdl');
		expect(withDirectory.warnings).toContainEqual({
			line: 13,
			message: 'Unknown agency "Báo Tuyên Quang" (kept as written)'
		});
		expect(plan.warnings).toEqual([]);
	});
	it('works with an empty directory', () => {
		const empty = parsePlan(text, { directory: { province: '', agencies: [], groups: [] } });
		expect(empty.tasks.map((t) => t.lead[0])).toEqual(plan.tasks.map((t) => t.lead[0]));
	});
});

describe('parsePlan errors', () => {
	it('rejects text without plan structure, naming the source', () => {
		const err = (() => {
			try {
				parsePlan(fixture('not-a-plan.txt'), { source: 'x.txt' });
			} catch (e) {
				return e;
			}
		})();
		expect(err).toBeInstanceOf(PlanImportError);
		expect(err).toMatchObject({
			source: 'x.txt',
			message: expect.stringMatching(/no plan structure/)
		});
	});
	it('rejects empty and whitespace-only text', () => {
		expect(() => parsePlan('  \n\n \r\n')).toThrow(PlanImportError);
	});
	it('warns about a task without a lead', () => {
		const plan = parsePlan(
			'II. NỘI DUNG\n1. Việc một\n- Phối hợp: Sở Y tế\n2. Việc hai\n- Chủ trì: Sở Tư pháp\n'
		);
		expect(plan.warnings.filter((w) => /lead/.test(w.message))).toEqual([
			{ line: 2, message: 'Task II.1 has no lead agency' }
		]);
		expect(plan.tasks[1].lead).toEqual(['Sở Tư pháp']);
	});
	it('warns when a matched agency did not exist on the plan date', () => {
		const text = fixture('tuyen-quang-2020.txt').replace('tháng 6 năm 2020', 'tháng 6 năm 2025');
		const plan = parsePlan(text, { directory: loadGiaLaiDirectory() });
		expect(plan.date).toBe('2025-06-15');
		expect(plan.warnings.map((w) => w.message)).toContainEqual(
			expect.stringMatching(/^"Sở Thông tin và Truyền thông" did not exist on 2025-06-15/)
		);
	});
	it('takes a sentence-case "Kế hoạch ..." line as the title', () => {
		const plan = parsePlan(
			'Kế hoạch tuyên truyền pháp luật năm 2023\nII. NỘI DUNG\n1. Việc\n- Chủ trì: Sở Y tế\n'
		);
		expect([plan.title, plan.year, plan.issuer]).toEqual([
			'Kế hoạch tuyên truyền pháp luật năm 2023',
			2023,
			null
		]);
	});
});

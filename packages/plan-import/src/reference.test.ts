import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REFERENCE_PLAN } from '../fixtures/fixtures.js';
import { loadGiaLaiDirectory } from './directory.js';
import { toPlanJson } from './json.js';
import { parsePlan } from './parse.js';

const text = readFileSync(REFERENCE_PLAN, 'utf8');
const plan = parsePlan(text, { directory: loadGiaLaiDirectory() });
const task = (n: string) => plan.tasks.find((t) => t.number === n)!;
const duty = (n: string) => plan.duties.find((d) => d.number === n)!;

describe('reference plan: Gia Lai 2024 thông tin đối ngoại', () => {
	it('reads the header it has and leaves the rest null', () => {
		expect(plan).toMatchObject({
			title: 'Kế hoạch hoạt động thông tin đối ngoại năm 2024 trên địa bàn tỉnh Gia Lai',
			issuer: 'Ủy ban nhân dân tỉnh Gia Lai',
			number: null,
			date: null,
			year: 2024
		});
		expect(plan.bases).toHaveLength(6);
		expect(plan.bases.every((b) => b.startsWith('Căn cứ '))).toBe(true);
		expect(plan.sections.map((s) => s.number)).toEqual(['I', 'II', 'III', 'IV']);
	});

	it('gives exactly the 7 leaf tasks', () => {
		expect(plan.tasks.map((t) => t.number)).toEqual([
			'II.1',
			'II.2',
			'II.3',
			'II.4',
			'II.5',
			'II.6.1',
			'II.6.2'
		]);
		expect(plan.tasks.every((t) => t.due === '2024-12-31' && t.timeframe === 'Cả năm 2024')).toBe(
			true
		);
		expect(task('II.1').line).toBe(111);
	});

	it('resolves the leads', () => {
		for (const n of ['II.1', 'II.2', 'II.3', 'II.6.1'])
			expect(task(n).lead).toEqual(['Sở Thông tin và Truyền thông']);
		for (const n of ['II.4', 'II.5']) {
			expect(task(n).leadRefs.map((r) => r.groupId)).toEqual(['so-ban-nganh', 'ubnd-cap-huyen']);
		}
		expect(task('II.6.2').leadRefs.map((r) => r.agencyId)).toEqual(['so-tttt', 'bch-bdbp']);
	});

	it('expands the border districts of II.6.2 into three committees', () => {
		expect(task('II.6.2').coordinatingRefs.map((r) => r.agencyId ?? r.groupId)).toEqual([
			'co-quan-bao-chi',
			'ubnd-duc-co',
			'ubnd-chu-prong',
			'ubnd-ia-grai'
		]);
		expect(task('II.6.2').coordinating).toContain('Ủy ban nhân dân huyện Đức Cơ');
	});

	it('re-joins titles and content into clean text', () => {
		expect(task('II.6.2').title).toBe(
			'Thực hiện Chương trình phối hợp trong công tác thông tin, truyền thông và thông tin đối ngoại tại khu vực biên giới, biển, hải đảo giai đoạn 2021-2030 tại địa phương'
		);
		expect(task('II.4').content).toContain(
			'phát triển kinh tế - xã hội tỉnh Gia Lai; các buổi họp báo'
		);
		expect(task('II.6.2').content).toContain('số 399/CTr-STTTT-BCHBĐBP ngày 18/3/2022');
		const all = JSON.stringify(toPlanJson(plan));
		expect(all).not.toMatch(/https?:|thuvienphapluat|\s{2}/);
	});

	it('gives 14 duties entries with their agencies', () => {
		expect(plan.duties.map((d) => d.number)).toEqual(
			Array.from({ length: 14 }, (_, i) => `III.${i + 1}`)
		);
		for (const n of ['III.11', 'III.12', 'III.13']) expect(duty(n).agencies).toHaveLength(2);
		expect(duty('III.14').agencyRefs.map((r) => r.groupId)).toEqual([
			'so-ban-nganh',
			'ubnd-cap-huyen'
		]);
		expect(duty('III.1').agencies).toEqual(['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh']);
		expect(duty('III.5').items).toHaveLength(5);
		expect(
			plan.duties.every((d) => d.agencyRefs.every((r) => r.agencyId !== null || r.groupId !== null))
		).toBe(true);
	});

	it('finds the reporting deadline and the anniversaries of III.11', () => {
		expect(plan.milestones.map((m) => m.date).sort()).toEqual([
			'2024-03-03',
			'2024-03-03',
			'2024-04-15',
			'2024-05-07',
			'2024-11-10',
			'2024-12-22',
			'2024-12-22'
		]);
		expect(plan.milestones).toContainEqual({
			date: '2024-03-03',
			text: '35 năm Ngày Biên phòng toàn dân'
		});
		expect(plan.milestones.find((m) => m.date === '2024-11-10')?.text).toMatch(
			/^báo cáo .*trước ngày 10\/11\/2024$/
		);
	});

	it('has no warnings with the Gia Lai directory, and keeps text without one', () => {
		expect(plan.warnings).toEqual([]);
		const bare = parsePlan(text);
		expect(bare.tasks[3].lead).toEqual([
			'Các sở, ban, ngành của tỉnh',
			'Ủy ban nhân dân các huyện, thị xã, thành phố'
		]);
		expect(bare.tasks[6].lead).toEqual([
			'Sở Thông tin và Truyền thông',
			'Bộ Chỉ huy Bộ đội biên phòng tỉnh'
		]);
	});
});

import { describe, expect, it } from 'vitest';
import { loadGiaLaiDirectory } from './directory.js';
import { importPlanFile } from './file.js';
import { parsePlan } from './parse.js';
import type { AgencyDirectory } from './types.js';
import { validityWarnings } from './validity.js';

const planText = (date: string) =>
	[
		'ỦY BAN NHÂN DÂN',
		'TỈNH GIA LAI',
		'Số: 12/KH-UBND',
		`Gia Lai, ${date}`,
		'KẾ HOẠCH',
		'Thông tin đối ngoại',
		'II. NỘI DUNG',
		'1. Tuyên truyền trên cổng thông tin. Chủ trì: Sở Thông tin và Truyền thông; phối hợp: Ủy ban nhân dân huyện Đức Cơ, Sở Ngoại vụ. Thời gian: tháng 8/2025.',
		'2. Tuyên truyền biên giới. Chủ trì: Sở Ngoại vụ. Thời gian: tháng 9/2025.',
		'III. TỔ CHỨC THỰC HIỆN',
		'1. Sở Kế hoạch và Đầu tư',
		'Bố trí kinh phí thực hiện Kế hoạch.'
	].join('\n');

describe('validityWarnings', () => {
	const directory = loadGiaLaiDirectory();

	it('names the successors of agencies that ended before the plan date, once per line', () => {
		const plan = parsePlan(planText('ngày 10 tháng 8 năm 2025'), { directory });
		const warnings = validityWarnings(plan, directory);
		expect(warnings).toEqual([
			{
				line: 8,
				message:
					'"Sở Thông tin và Truyền thông" ended on 2025-02-28, before the plan\'s date 2025-08-10; ' +
					'its successor: "Sở Khoa học và Công nghệ" (so-khcn), "Sở Văn hóa, Thể thao và Du lịch" (so-vhttdl)'
			},
			{
				line: 8,
				message:
					'"Ủy ban nhân dân huyện Đức Cơ" ended on 2025-06-30, before the plan\'s date 2025-08-10; ' +
					'the directory names no successor'
			},
			{
				line: 11,
				message:
					'"Sở Kế hoạch và Đầu tư" ended on 2025-02-28, before the plan\'s date 2025-08-10; ' +
					'its successor: "Sở Tài chính" (so-tai-chinh)'
			}
		]);
	});

	it('says nothing for a plan dated while the agencies existed, or without any date', () => {
		const plan = parsePlan(planText('ngày 10 tháng 2 năm 2025'), { directory });
		expect(plan.tasks[0].leadRefs[0].agencyId).toBe('so-tttt');
		expect(validityWarnings(plan, directory)).toEqual([]);
		expect(validityWarnings({ ...plan, date: null, year: null }, directory)).toEqual([]);
	});

	it('follows a chain of mergers to the successor that existed on the plan date', () => {
		const chain: AgencyDirectory = {
			province: 'Thử',
			groups: [],
			agencies: [
				{
					id: 'a',
					name: 'Sở A',
					shortName: 'A',
					kind: 'department',
					validTo: '2024-12-31',
					successorIds: ['b']
				},
				{
					id: 'b',
					name: 'Sở B',
					shortName: 'B',
					kind: 'department',
					validTo: '2025-06-30',
					successorIds: ['c', 'a']
				},
				{ id: 'c', name: 'Sở C', shortName: 'C', kind: 'department' }
			]
		};
		const plan = parsePlan(planText('ngày 1 tháng 9 năm 2025'), { directory });
		const ref = { text: 'Sở A', agencyId: 'a', groupId: null, memberIds: [] };
		const withA = { ...plan, duties: [], tasks: [{ ...plan.tasks[1], leadRefs: [ref] }] };
		expect(validityWarnings(withA, chain).map((w) => w.message)).toEqual([
			'"Sở A" ended on 2024-12-31, before the plan\'s date 2025-09-01; its successor: "Sở C" (c)'
		]);
	});

	it('is part of importPlanFile, replacing the parser\'s bare "did not exist" for ended agencies', async () => {
		const bytes = new TextEncoder().encode(planText('ngày 10 tháng 8 năm 2025'));
		const parsed = parsePlan(planText('ngày 10 tháng 8 năm 2025'), { directory });
		const bare = parsed.warnings.filter((w) => w.message.includes('did not exist on'));
		expect(bare.length).toBeGreaterThan(0);

		const plan = await importPlanFile(bytes, { directory, source: 'plan.txt' });
		const messages = plan.warnings.map((w) => w.message);
		expect(messages.filter((m) => m.includes('did not exist on'))).toEqual([]);
		expect(messages).toContainEqual(expect.stringContaining('its successor: "Sở Tài chính"'));
		expect(plan.warnings.map((w) => w.line)).toEqual(
			[...plan.warnings.map((w) => w.line)].sort((a, b) => a - b)
		);
		const other = parsed.warnings.filter((w) => !w.message.includes('did not exist on'));
		for (const w of other) expect(plan.warnings).toContainEqual(w);
		expect((await importPlanFile(bytes)).warnings).toEqual(
			parsePlan(planText('ngày 10 tháng 8 năm 2025')).warnings
		);
	});
});

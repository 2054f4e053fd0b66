import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../tests/support/harness.js';
import { UsageError } from '../args.js';
import { planboardWith } from '../test-cli.js';
import { runAgency } from './agency.js';
import { openTestStore, setDataDir } from '../../../../tests/support/test-database.js';

const tmp = tempDir('planboard-cli-agency-');
const env = { PLANBOARD_DATA: tmp.dir, PLANBOARD_DEMO: '0' };
const run = (...args: string[]) => planboardWith({ env }, ...args);
const listJson = (...args: string[]) =>
	JSON.parse(run('agency', 'list', '--json', ...args).stdout) as {
		id: string;
		name: string;
		validTo?: string;
		successorIds?: string[];
		aliases?: string[];
	}[];

afterAll(() => tmp.cleanup());

describe('planboard agency', () => {
	it('is seeded by init with the Gia Lai directory, once', () => {
		const first = run('init');
		expect(first.code).toBe(0);
		expect(first.stderr).toContain('Đã nạp danh mục đơn vị Gia Lai (49 đơn vị)');
		const second = run('init');
		expect(second.stderr).not.toContain('Đã nạp danh mục');
		const agencies = listJson();
		expect(agencies).toHaveLength(49);
		expect(agencies.find((a) => a.id === 'so-tttt')).toMatchObject({
			validTo: '2025-02-28',
			successorIds: ['so-khcn', 'so-vhttdl']
		});
		const text = run('agency', 'list');
		expect(text.stdout).toMatch(
			/^so-tttt\s+department\s+… – 2025-02-28\s+Sở Thông tin và Truyền thông → so-khcn, so-vhttdl$/m
		);
	}, 120_000);

	it('expresses the 2025 reorganisation: new communes, a district retired with its successor', () => {
		const added = run(
			'agency',
			'add',
			'--name',
			'Ủy ban nhân dân xã Ia Dom',
			'--short-name',
			'UBND xã Ia Dom',
			'--kind',
			'commune',
			'--valid-from',
			'2025-07-01'
		);
		expect(added.code).toBe(0);
		expect(added.stdout).toBe('uy-ban-nhan-dan-xa-ia-dom\n');
		const group = run(
			'agency',
			'group-add',
			'--name',
			'Ủy ban nhân dân các xã, phường, đặc khu',
			'--alias',
			'UBND các xã, phường, đặc khu',
			'--member',
			'uy-ban-nhan-dan-xa-ia-dom'
		);
		expect([group.code, group.stdout]).toEqual([0, 'uy-ban-nhan-dan-cac-xa-phuong-dac-khu\n']);
		expect(
			run(
				'agency',
				'add',
				'--id',
				'ubnd-xa-duc-co',
				'--name',
				'Ủy ban nhân dân xã Đức Cơ',
				'--kind',
				'commune',
				'--valid-from',
				'2025-07-01',
				'--group',
				'uy-ban-nhan-dan-cac-xa-phuong-dac-khu'
			).code
		).toBe(0);
		const groups = JSON.parse(run('agency', 'groups', '--json').stdout) as {
			id: string;
			members: string[];
		}[];
		expect(groups.find((g) => g.id === 'uy-ban-nhan-dan-cac-xa-phuong-dac-khu')?.members).toEqual([
			'uy-ban-nhan-dan-xa-ia-dom',
			'ubnd-xa-duc-co'
		]);
		const retired = run(
			'agency',
			'retire',
			'ubnd-duc-co',
			'--on',
			'2025-07-01',
			'--successor',
			'ubnd-xa-duc-co',
			'--successor',
			'uy-ban-nhan-dan-xa-ia-dom'
		);
		expect(retired.code).toBe(0);
		expect(retired.stderr).toContain('kế thừa: ubnd-xa-duc-co, uy-ban-nhan-dan-xa-ia-dom');
		expect(
			run('agency', 'merge', 'so-tnmt', '--into', 'so-nnptnt', '--on', '2025-03-01').code
		).toBe(0);
		expect(
			run(
				'agency',
				'rename',
				'so-nnptnt',
				'--name',
				'Sở Nông nghiệp và Môi trường',
				'--short-name',
				'Sở NN&MT'
			).code
		).toBe(0);

		const onJuly = listJson('--as-of', '2025-07-01').map((a) => a.id);
		expect(onJuly).toContain('ubnd-xa-duc-co');
		expect(onJuly).not.toContain('ubnd-duc-co');
		expect(onJuly).not.toContain('so-tnmt');
		expect(listJson('--as-of', '2025-06-30').map((a) => a.id)).not.toContain('ubnd-xa-duc-co');

		const store = openTestStore({ path: `${tmp.dir}/planboard.db` });
		expect(store.agencies.get('ubnd-duc-co')?.successorIds).toEqual([
			'ubnd-xa-duc-co',
			'uy-ban-nhan-dan-xa-ia-dom'
		]);
		expect(store.agencies.get('so-tnmt')).toMatchObject({
			validTo: '2025-02-28',
			successorIds: ['so-nnptnt']
		});
		expect(store.agencies.get('so-nnptnt')?.aliases).toContain(
			'Sở Nông nghiệp và Phát triển nông thôn'
		);
		expect(store.audit.list({ limit: 10 }).map((e) => e.action)).toEqual([
			'agency.rename',
			'agency.merge',
			'agency.retire',
			'agency.add',
			'agency.group_add',
			'agency.add'
		]);
		store.close();
	}, 120_000);

	it('refuses bad input with the reason (exit 2), changing nothing', async () => {
		const r = run('agency', 'add', '--name', '   ');
		expect([r.code, r.stderr]).toEqual([2, 'planboard agency: Tên đơn vị không được để trống.\n']);

		// The other refusals in process: the same command function, without a process per case.
		setDataDir(tmp.dir);
		const before = listJson();
		const cases: [string[], RegExp][] = [
			[['add', '--name', 'Sở Y tế'], /đã dùng cho đơn vị "Sở Y tế" \(so-y-te\)/],
			[['add', '--name', 'Sở Mới', '--kind', 'tinh'], /Loại đơn vị "tinh" không hợp lệ/],
			[['retire', 'so-khong-co', '--on', '2026-01-01'], /Không có đơn vị mã "so-khong-co"/],
			[
				['retire', 'so-y-te', '--on', '31/12/2025'],
				/Ngày ngừng hoạt động "31\/12\/2025" không hợp lệ/
			],
			[['retire', 'so-y-te'], /--on is required/],
			[
				['merge', 'so-y-te', '--into', 'ubnd-pleiku', '--on', '2025-08-01'],
				/không hoạt động vào ngày 2025-08-01/
			],
			[['list', '--as-of', 'hôm nay'], /không hợp lệ/],
			[['delete', 'so-y-te'], /usage: planboard agency list/]
		];
		const io = { out: () => {}, err: () => {} };
		for (const [args, message] of cases) {
			const refused = await runAgency(args, io).then(
				() => null,
				(error: unknown) => error
			);
			expect(refused).toBeInstanceOf(UsageError);
			expect((refused as Error).message).toMatch(message);
		}
		expect(listJson()).toEqual(before);
	}, 120_000);
});

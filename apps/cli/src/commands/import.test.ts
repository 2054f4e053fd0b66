import { describe, expect, it } from 'vitest';
import { planboard } from '../test-cli.js';

const fixtures = 'packages/plan-import/fixtures';

describe('planboard import', () => {
	it('prints the JSON contract for the reference plan and exits 0', () => {
		const r = planboard('import', 'plans/gia-lai-2024-ttdn.txt', '--json');
		expect(r.code).toBe(0);
		const plan = JSON.parse(r.stdout);
		expect(Object.keys(plan)).toEqual([
			'title',
			'issuer',
			'number',
			'date',
			'year',
			'bases',
			'sections',
			'tasks',
			'duties',
			'milestones',
			'warnings'
		]);
		expect(plan.tasks).toHaveLength(7);
		expect(Object.keys(plan.tasks[0])).toEqual([
			'number',
			'title',
			'content',
			'lead',
			'coordinating',
			'timeframe',
			'due',
			'line',
			'product'
		]);
		expect(plan.tasks[6]).toMatchObject({ number: 'II.6.2', due: '2024-12-31' });
		expect(Object.keys(plan.duties[0])).toEqual(['number', 'agencies', 'items']);
		expect(r.stderr).toBe('');
	});

	it('prints a readable summary without --json', () => {
		const r = planboard('import', 'plans/gia-lai-2024-ttdn.txt');
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Sở Thông tin và Truyền thông: II.1, II.2, II.3, II.6.1, II.6.2');
		expect(r.stdout).toContain('2024-11-10');
	});

	it('reports warnings on stderr with line numbers and still succeeds', () => {
		const r = planboard('import', `${fixtures}/tuyen-quang-2020.txt`, '--json');
		expect(r.code).toBe(0);
		expect(r.stderr).toContain(
			`${fixtures}/tuyen-quang-2020.txt:13: warning: Unknown agency "Báo Tuyên Quang"`
		);
		expect(JSON.parse(r.stdout).warnings.length).toBeGreaterThan(0);
		const bare = planboard(
			'import',
			`${fixtures}/tuyen-quang-2020.txt`,
			'--json',
			'--no-directory'
		);
		expect([bare.code, bare.stderr]).toEqual([0, '']);
	});

	it.each([
		['binary.bin', /binary\.bin:\d+: binary file/],
		['empty.txt', /empty\.txt: empty file/],
		['not-a-plan.txt', /not-a-plan\.txt:1: no plan structure found/],
		['no-tasks.txt', /no-tasks\.txt:5: no tasks found: /],
		['latin1.txt', /latin1\.txt:3: not UTF-8/],
		['missing.txt', /missing\.txt: cannot read: no such file/]
	])('exits 2 with one line for %s', (name, message) => {
		const r = planboard('import', `${fixtures}/${name}`, '--json');
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(r.stderr).toMatch(message);
	});

	it('exits 2 with usage for an unknown command or flag', () => {
		expect(planboard('frobnicate').code).toBe(2);
		expect(planboard('import', 'x.txt', '--yaml').stderr).toMatch(/^usage: planboard import/);
	});
});

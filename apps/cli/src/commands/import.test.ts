import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('planboard import: DOCX and PDF plans', () => {
	// phu-luc-2024.docx is `tablePlan()` of packages/plan-import/src/formats/test-plans.ts, the
	// PDF its LibreOffice export, scanned.pdf one page that is only a picture.
	const tasksOf = (stdout: string) =>
		(
			JSON.parse(stdout) as { tasks: { lead: string[]; due: string; product?: string }[] }
		).tasks.map((t) => [t.lead, t.due]);
	// Rows 3 and 6 share the lead of the row above through a vertically merged cell: DOCX says
	// so; a PDF draws the cell once, so those rows read without a lead there (and are warned of).
	const BDBP = 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh';
	const expected = (merged: string[]) => [
		[['Sở Thông tin và Truyền thông'], '2024-06-30'],
		[[BDBP], '2024-09-30'],
		[merged, '2024-09-30'],
		[['Sở Thông tin và Truyền thông'], '2024-06-30'],
		[[BDBP], '2024-09-30'],
		[merged, '2024-09-30']
	];

	it('prints the JSON contract for phu-luc-2024.docx and exits 0, a merged lead read down', () => {
		const r = planboard('import', `${fixtures}/phu-luc-2024.docx`, '--json');
		expect(r.code).toBe(0);
		expect(tasksOf(r.stdout)).toEqual(expected([BDBP]));
		expect(r.stderr).not.toContain('has no lead agency');
	});

	it('prints the JSON contract for phu-luc-2024.pdf and exits 0', () => {
		const r = planboard('import', `${fixtures}/phu-luc-2024.pdf`, '--json');
		expect(r.code).toBe(0);
		expect(tasksOf(r.stdout)).toEqual(expected([]));
		// warnings name lines of the text read from the file: row 3's lead is a merged cell
		expect(r.stderr).toContain(`${fixtures}/phu-luc-2024.pdf:18: warning:`);
	});

	it('exits 2 with one line for a PDF without a text layer', () => {
		const r = planboard('import', `${fixtures}/scanned.pdf`, '--json');
		expect([r.code, r.stdout, r.stderr]).toEqual([
			2,
			'',
			`planboard import: ${fixtures}/scanned.pdf: no text layer: a scanned PDF needs OCR first\n`
		]);
	});

	it.each([
		['broken.docx', (b: Buffer) => b.subarray(0, 600), /broken\.docx: corrupt DOCX: /],
		['broken.pdf', (b: Buffer) => b.subarray(0, 3000), /broken\.pdf: corrupt PDF: /]
	])('exits 2 with one line for a corrupt %s', (name, cut, message) => {
		const dir = mkdtempSync(join(tmpdir(), 'planboard-import-'));
		try {
			const source = readFileSync(`${fixtures}/phu-luc-2024.${name.split('.')[1]}`);
			writeFileSync(join(dir, name), cut(source));
			const r = planboard('import', join(dir, name), '--json');
			expect([r.code, r.stdout]).toEqual([2, '']);
			expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
			expect(r.stderr).toMatch(message);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

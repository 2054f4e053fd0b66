import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { report } from '../bench/report.js';
import { toJson, type BenchResults } from '../bench/results.js';

// The report script regenerates the committed bench tables; if it broke, the READMEs would
// silently keep stale numbers. Two small results files in a temp folder, two README files with
// hand-written text around the markers.

function fixture(bench: string, series: Record<string, number[]>, extra: Partial<BenchResults>) {
	return {
		version: 1,
		bench,
		date: '2026-12-01T05:00:00.000Z',
		git: { commit: 'abcdef0123456789', dirty: false },
		machine: {
			cpus: 2,
			model: 'Test CPU',
			node: 'v20.0.0',
			platform: 'linux',
			arch: 'x64',
			loadStart: 1.25,
			loadEnd: 2.5
		},
		series,
		tables: [],
		aims: [],
		...extra
	} satisfies BenchResults;
}

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'planboard-bench-report-'));
	mkdirSync(join(dir, 'results'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('bench report', () => {
	it('renders medians and p99 from the raw samples and replaces only between the markers', () => {
		// 1..100: median 50.5, p99 (linear) 99.01; the baseline is 2 × that.
		const ours = Array.from({ length: 100 }, (_, i) => i + 1);
		const base = ours.map((v) => v * 2);
		const load = fixture(
			'alpha',
			{ ours, base },
			{
				tables: [
					{
						title: 'Alpha (ms)',
						columns: ['server', 'median / p99', 'p99 ratio'],
						rows: [
							[
								'ours',
								{
									join: [
										{ stat: 'median', series: 'ours', digits: 1 },
										{ stat: 'p99', series: 'ours', digits: 2 }
									]
								},
								{
									ratio: [
										{ stat: 'p99', series: 'ours' },
										{ stat: 'p99', series: 'base' }
									]
								}
							],
							['base', { stat: 'median', series: 'base', digits: 0 }, '–']
						],
						notes: ['a note']
					}
				],
				aims: [
					{
						aim: 'alpha under 60 ms',
						figure: { stat: 'median', series: 'ours', suffix: ' ms' },
						met: true
					},
					{
						aim: 'alpha p99 under 50 ms',
						figure: { stat: 'p99', series: 'ours', digits: 0, suffix: ' ms' },
						met: false,
						limit: 'the machine'
					}
				]
			}
		);
		const other = fixture(
			'beta',
			{ s: [3, 1, 2] },
			{
				tables: [
					{
						title: 'Beta',
						columns: ['x', 'n', 'max'],
						rows: [['b', { stat: 'n', series: 's' }, { stat: 'max', series: 's' }]]
					}
				],
				aims: [
					{
						aim: 'beta at most 3',
						figure: { stat: 'max', series: 's', digits: 0 },
						met: 'median yes, p99 no'
					}
				]
			}
		);
		writeFileSync(join(dir, 'results', 'alpha.json'), toJson(load));
		writeFileSync(join(dir, 'results', 'beta.json'), toJson(other));
		const benchReadme = join(dir, 'bench-README.md');
		const readme = join(dir, 'README.md');
		const benchBefore = [
			'# Benchmarks',
			'',
			'Hand-written method.',
			'<!-- bench:begin alpha -->',
			'old alpha table',
			'<!-- bench:end alpha -->',
			'',
			'Hand-written text after.',
			''
		].join('\n');
		writeFileSync(benchReadme, benchBefore);
		writeFileSync(
			readme,
			'# Planboard\n\n## Measured\n\nIntro.\n\n<!-- bench:begin measured -->\n| old | row |\n<!-- bench:end measured -->\n\n## Tests\n\nStays.\n'
		);

		expect(report({ resultsDir: join(dir, 'results'), benchReadme, readme })).toEqual([
			'alpha',
			'beta'
		]);

		const bench = readFileSync(benchReadme, 'utf8');
		expect(
			bench.startsWith('# Benchmarks\n\nHand-written method.\n<!-- bench:begin alpha -->\n')
		).toBe(true);
		expect(bench).toContain('<!-- bench:end alpha -->\n\nHand-written text after.\n');
		expect(bench).not.toContain('old alpha table');
		expect(bench).toContain('| ours | 50.5 / 99.01 | 0.50 |');
		expect(bench).toContain('| base | 101 | – |');
		expect(bench).toContain('Machine: 2 × Test CPU, Node v20.0.0, linux x64, 1-min load 1.3 → 2.5');
		expect(bench).toContain('- a note');
		expect(bench).toContain('| alpha p99 under 50 ms | 99 ms | no | the machine |');
		expect(bench).toContain('commit abcdef0123');
		// beta had no marker: appended as its own block after the hand-written text.
		const betaAt = bench.indexOf('<!-- bench:begin beta -->');
		expect(betaAt).toBeGreaterThan(bench.indexOf('Hand-written text after.'));
		expect(bench.slice(betaAt)).toContain('| b | 3 | 3.0 |');
		expect(bench.trimEnd().endsWith('<!-- bench:end beta -->')).toBe(true);

		const main = readFileSync(readme, 'utf8');
		expect(main).not.toContain('| old | row |');
		expect(
			main.startsWith('# Planboard\n\n## Measured\n\nIntro.\n\n<!-- bench:begin measured -->\n')
		).toBe(true);
		expect(main.endsWith('<!-- bench:end measured -->\n\n## Tests\n\nStays.\n')).toBe(true);
		expect(main).toContain('| alpha under 60 ms | 50.5 ms | yes |  |');
		expect(main).toContain('| beta at most 3 | 3 | median yes, p99 no |  |');
		expect(main.indexOf('alpha under 60 ms')).toBeLessThan(main.indexOf('beta at most 3'));

		// Running it again changes nothing: the blocks are replaced, not appended twice.
		report({ resultsDir: join(dir, 'results'), benchReadme, readme });
		expect(readFileSync(benchReadme, 'utf8')).toBe(bench);
		expect(readFileSync(readme, 'utf8')).toBe(main);
	});

	it('refuses a README without the Measured markers instead of writing nothing', () => {
		writeFileSync(join(dir, 'results', 'alpha.json'), toJson(fixture('alpha', {}, {})));
		const benchReadme = join(dir, 'bench-README.md');
		const readme = join(dir, 'README.md');
		writeFileSync(benchReadme, '# Benchmarks\n');
		writeFileSync(readme, '# Planboard\n\n## Measured\n');
		expect(() => report({ resultsDir: join(dir, 'results'), benchReadme, readme })).toThrow(
			/no <!-- bench:begin measured --> marker/
		);
	});
});

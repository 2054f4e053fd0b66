import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, percentile, summarize } from './support.js';

/**
 * Raw bench results as JSON, and the Markdown rendered from them (issue 17, bench hygiene).
 *
 * Every bench records its raw samples by series name, declares its tables as cells that say what
 * to compute from which series ("median of log/read"), and its aims. `recorder.write()` writes
 * `bench/results/<bench>.json` and prints the rendered tables; `bench/report.ts` renders the same
 * JSON into bench/README.md and the README's "Measured" table. Rendering lives here only, so the
 * printed tables and the committed ones cannot differ.
 *
 *     const results = benchResults('cold-load');       // date, commit, load average at start
 *     results.add('log/load', ms);                      // raw samples, per named series
 *     results.write({
 *       tables: [{ title: 'Cold load (ms)', columns: ['stored as', 'median / p99'],
 *                  rows: [['log only', { join: [{ stat: 'median', series: 'log/load', digits: 0 },
 *                                               { stat: 'p99', series: 'log/load', digits: 0 }] }]] }],
 *       aims: [{ aim: 'under 300 ms from the log', figure: { stat: 'median', series: 'log/load' },
 *                met: results.stat('median', 'log/load') < 300, limit: 'Yjs integrating …' }]
 *     });
 */

export const RESULTS_VERSION = 1;

/** What a cell can compute from one series (statistics from support.ts). */
export type Stat = 'median' | 'p99' | 'min' | 'max' | 'mean' | 'n' | 'sum';

export interface StatCell {
	stat: Stat;
	series: string;
	/** Multiplies the statistic before formatting (e.g. 1/1024 for bytes → KiB). */
	scale?: number;
	/** Decimals shown; 1 unless told (0 for `n`). */
	digits?: number;
	/** Text after the number, e.g. ' ms'. */
	suffix?: string;
}

/** a / b of two statistics, e.g. ours p99 over the baseline's p99. */
export interface RatioCell {
	ratio: [StatCell, StatCell];
	digits?: number;
	suffix?: string;
}

/** Several cells in one, e.g. "median / p99" (separator ' / ' unless told). */
export interface JoinCell {
	join: Cell[];
	sep?: string;
}

/** A literal string is shown as is, a literal number with one decimal. */
export type Cell = string | number | StatCell | RatioCell | JoinCell;

export interface TableSpec {
	title: string;
	columns: string[];
	rows: Cell[][];
	/** Bullet notes printed under the table, after the machine line. */
	notes?: string[];
}

export interface Aim {
	/** The aim as the issue states it, e.g. 'cold load from the snapshot under 150 ms'. */
	aim: string;
	/** The measured figure: computed from the samples where it can be, else text. */
	figure: Cell;
	/** true / false, or text where it is partly met ('median yes, p99 no'). */
	met: boolean | string;
	/** What limits it where it is not met. */
	limit?: string;
}

export interface Machine {
	cpus: number;
	model: string;
	node: string;
	platform: string;
	arch: string;
	/** 1-minute load average when the bench started and when it wrote its results. */
	loadStart: number;
	loadEnd: number;
}

export interface BenchResults {
	version: typeof RESULTS_VERSION;
	bench: string;
	/** ISO time the bench started. */
	date: string;
	/** HEAD when the bench ran, null outside a git checkout; dirty: uncommitted changes then. */
	git: { commit: string | null; dirty: boolean };
	machine: Machine;
	/** Raw samples per named series (ms unless the table says otherwise). */
	series: Record<string, number[]>;
	tables: TableSpec[];
	aims: Aim[];
	/** Free text rendered under the tables (method, what the numbers mean). */
	notes?: string[];
}

const benchDir = fileURLToPath(new URL('.', import.meta.url));
/** Where results go: bench/results, or BENCH_RESULTS_DIR (trial runs that must not be committed). */
export function resultsDir(): string {
	return process.env.BENCH_RESULTS_DIR ?? join(benchDir, 'results');
}

function git(args: string[]): string | null {
	try {
		return execFileSync('git', args, {
			cwd: benchDir,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore']
		}).trim();
	} catch {
		return null;
	}
}

function machineNow(loadStart: number): Machine {
	const list = cpus();
	return {
		cpus: list.length,
		model: list[0]?.model.trim() || 'unknown CPU',
		node: process.version,
		platform: process.platform,
		arch: process.arch,
		loadStart,
		loadEnd: loadavg()[0]
	};
}

export interface ResultsRecorder {
	readonly bench: string;
	/** Appends samples to a series (created on first use). */
	add(series: string, ...values: number[]): void;
	/** The samples of a series so far (empty when none). */
	samples(series: string): number[];
	/** A statistic of a series so far, for aims' `met`. */
	stat(stat: Stat, series: string): number;
	/** Writes bench/results/<bench>.json, prints the rendered Markdown, returns the file's path. */
	write(spec: { tables: TableSpec[]; aims?: Aim[]; notes?: string[] }): string;
}

/** Starts recording a bench: call first, so the date and starting load are the run's. */
export function benchResults(bench: string): ResultsRecorder {
	if (!/^[a-z0-9][a-z0-9-]*$/.test(bench)) throw new Error(`bench name ${bench}: use a-z, 0-9, -`);
	const date = new Date().toISOString();
	const loadStart = loadavg()[0];
	const series: Record<string, number[]> = {};
	return {
		bench,
		add(name, ...values) {
			(series[name] ??= []).push(...values);
		},
		samples: (name) => series[name] ?? [],
		stat: (stat, name) => statOf(series[name] ?? [], stat),
		write({ tables, aims = [], notes }) {
			const status = git(['status', '--porcelain']);
			const results: BenchResults = {
				version: RESULTS_VERSION,
				bench,
				date,
				git: { commit: git(['rev-parse', 'HEAD']), dirty: status !== null && status !== '' },
				machine: machineNow(loadStart),
				series,
				tables,
				aims,
				...(notes ? { notes } : {})
			};
			// Fails here, not in the report, when a table names a series the bench never filled.
			renderBench(results);
			const dir = resultsDir();
			mkdirSync(dir, { recursive: true });
			const path = join(dir, `${bench}.json`);
			writeFileSync(path, toJson(results));
			console.log(renderBench(results));
			console.error(`${bench}: results written to ${path}`);
			return path;
		}
	};
}

/**
 * Indented JSON with each series on one line (50,000 samples would be 50,000 lines otherwise),
 * samples rounded to 3 decimals (µs when they are ms).
 */
export function toJson(results: BenchResults): string {
	const marker = JSON.stringify('\u0000series');
	const series = Object.entries(results.series)
		.map(
			([name, values]) =>
				`\t\t${JSON.stringify(name)}: [${values.map((v) => Math.round(v * 1000) / 1000).join(', ')}]`
		)
		.join(',\n');
	const text = JSON.stringify({ ...results, series: '\u0000series' }, null, '\t');
	return text.replace(marker, () => (series ? `{\n${series}\n\t}` : '{}')) + '\n';
}

export function statOf(samples: readonly number[], stat: Stat): number {
	switch (stat) {
		case 'n':
			return samples.length;
		case 'sum':
			return samples.reduce((a, b) => a + b, 0);
		case 'mean':
			return samples.length ? samples.reduce((a, b) => a + b, 0) / samples.length : Number.NaN;
		case 'median':
			return summarize(samples).median;
		case 'p99':
			return percentile(samples, 99);
		case 'min':
			return summarize(samples).min;
		case 'max':
			return summarize(samples).max;
	}
}

function seriesOf(results: BenchResults, name: string): number[] {
	const s = results.series[name];
	if (!s)
		throw new Error(
			`${results.bench}: a table or aim names series "${name}", which has no samples`
		);
	return s;
}

function statValue(results: BenchResults, cell: StatCell): number {
	return statOf(seriesOf(results, cell.series), cell.stat) * (cell.scale ?? 1);
}

/** One cell as Markdown text. */
export function renderCell(results: BenchResults, cell: Cell): string {
	if (typeof cell === 'string') return cell;
	if (typeof cell === 'number') return fmt(cell);
	if ('join' in cell) return cell.join.map((c) => renderCell(results, c)).join(cell.sep ?? ' / ');
	if ('ratio' in cell) {
		const [a, b] = cell.ratio;
		return (
			fmt(statValue(results, a) / statValue(results, b), cell.digits ?? 2) + (cell.suffix ?? '')
		);
	}
	const digits = cell.digits ?? (cell.stat === 'n' ? 0 : 1);
	return fmt(statValue(results, cell), digits) + (cell.suffix ?? '');
}

/** "2 × AMD EPYC, Node v20.20.2, linux x64, 1-min load 4.1 → 4.6" */
export function renderMachine(results: BenchResults): string {
	const m = results.machine;
	return `${m.cpus} × ${m.model}, Node ${m.node}, ${m.platform} ${m.arch}, 1-min load ${m.loadStart.toFixed(1)} → ${m.loadEnd.toFixed(1)}`;
}

function renderRun(results: BenchResults): string {
	const commit = results.git.commit ? results.git.commit.slice(0, 10) : 'no git';
	return `Run: ${results.date.slice(0, 16).replace('T', ' ')} UTC, commit ${commit}${results.git.dirty ? ' (work tree with uncommitted changes)' : ''}`;
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function markdownTable(columns: string[], rows: string[][]): string[] {
	return [
		`| ${columns.map(escapeCell).join(' | ')} |`,
		`|${columns.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
		...rows.map((r) => `| ${r.map(escapeCell).join(' | ')} |`)
	];
}

export function renderTable(results: BenchResults, table: TableSpec): string {
	for (const row of table.rows)
		if (row.length !== table.columns.length)
			throw new Error(
				`${results.bench}: "${table.title}" has a row of ${row.length} cells for ${table.columns.length} columns`
			);
	return [
		`### ${table.title}`,
		'',
		...markdownTable(
			table.columns,
			table.rows.map((r) => r.map((c) => renderCell(results, c)))
		),
		'',
		`Machine: ${renderMachine(results)}`,
		...(table.notes ?? []).map((n) => `- ${n}`)
	].join('\n');
}

export function renderMet(met: boolean | string): string {
	return met === true ? 'yes' : met === false ? 'no' : met;
}

/** The aims of one bench as a table: aim, figure, met, what limits it. */
export function renderAims(results: BenchResults): string {
	return markdownTable(
		['aim', 'figure', 'met', 'what limits it'],
		results.aims.map((a) => [a.aim, renderCell(results, a.figure), renderMet(a.met), a.limit ?? ''])
	)
		.map((l, i) => (i === 1 ? '|---|---|---|---|' : l))
		.join('\n');
}

/** Everything of one bench: its tables, its aims, its notes, the run (date and commit). */
export function renderBench(results: BenchResults): string {
	const parts = results.tables.map((t) => renderTable(results, t));
	if (results.aims.length) parts.push(`#### Aims (\`${results.bench}\`)\n\n${renderAims(results)}`);
	if (results.notes?.length) parts.push(results.notes.join('\n\n'));
	parts.push(renderRun(results));
	return parts.join('\n\n');
}

/** The README's "Measured" table: every bench's aims, in the order of the benches given. */
export function renderMeasured(all: readonly BenchResults[]): string {
	const rows = all.flatMap((r) =>
		r.aims.map((a) => [
			a.aim,
			renderCell(r, a.figure),
			renderMet(a.met),
			a.limit ?? '',
			`[${r.bench}](bench/README.md) (${r.date.slice(0, 10)}, load ${r.machine.loadStart.toFixed(1)})`
		])
	);
	return markdownTable(['aim', 'result', 'met', 'what limits it', 'bench (run, 1-min load)'], rows)
		.map((l, i) => (i === 1 ? '|---|---|---|---|---|' : l))
		.join('\n');
}

import { cpus, loadavg } from 'node:os';

/**
 * Shared by every bench: summary statistics, the machine line each table carries (numbers from
 * different machines are not comparable without it), and plain Markdown tables that paste into
 * bench/README.md as printed.
 */

/** Linear-interpolated percentile (p in 0..100) of the samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
	if (samples.length === 0) return Number.NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	const rank = (p / 100) * (sorted.length - 1);
	const lo = Math.floor(rank);
	const hi = Math.ceil(rank);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export function median(samples: readonly number[]): number {
	return percentile(samples, 50);
}

export interface Summary {
	n: number;
	median: number;
	p99: number;
	min: number;
	max: number;
}

export function summarize(samples: readonly number[]): Summary {
	return {
		n: samples.length,
		median: median(samples),
		p99: percentile(samples, 99),
		min: samples.length ? Math.min(...samples) : Number.NaN,
		max: samples.length ? Math.max(...samples) : Number.NaN
	};
}

/**
 * "2 × AMD EPYC, Node v20.20.2, linux x64, load 0.4": printed under every table. The load
 * average matters on shared machines: other work on the same cores shows up as p99.
 */
export function machineLine(): string {
	const list = cpus();
	const model = list[0]?.model.trim() || 'unknown CPU';
	const load = loadavg()[0].toFixed(1);
	return `${list.length} × ${model}, Node ${process.version}, ${process.platform} ${process.arch}, 1-min load ${load}`;
}

/** Fixed decimals, thousands kept readable; NaN shows as a dash. */
export function fmt(value: number, digits = 1): string {
	if (!Number.isFinite(value)) return '–';
	return value.toLocaleString('en-US', {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	});
}

export function printTable(options: {
	title: string;
	columns: string[];
	rows: (string | number)[][];
	notes?: string[];
}): void {
	const { title, columns, rows, notes = [] } = options;
	const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : c)));
	const lines = [
		`### ${title}`,
		'',
		`| ${columns.join(' | ')} |`,
		`|${columns.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
		...cells.map((r) => `| ${r.join(' | ')} |`),
		'',
		`Machine: ${machineLine()}`,
		...notes.map((n) => `- ${n}`),
		''
	];
	console.log(lines.join('\n'));
}

export function sleep(ms: number): Promise<void> {
	return new Promise((r) => setTimeout(r, ms));
}

/** Polls until the condition holds; rejects with the description after the timeout. */
export async function waitFor(
	condition: () => boolean,
	timeoutMs: number,
	what: string
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline)
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(5);
	}
}

/** Runs tasks with at most `limit` in flight, so 1,000 connects do not all start in one tick. */
export async function inBatches<T>(
	count: number,
	limit: number,
	task: (i: number) => Promise<T>
): Promise<T[]> {
	const out: T[] = new Array(count);
	let next = 0;
	const worker = async () => {
		while (next < count) {
			const i = next++;
			out[i] = await task(i);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
	return out;
}

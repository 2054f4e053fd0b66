// Times the plan importer; prints a table, never passes or fails on time.
// Run: node --import tsx bench/import.bench.ts
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { loadGiaLaiDirectory, parsePlan } from '../packages/plan-import/src/index.js';

const RUNS = 30;
const reference = readFileSync(new URL('../plans/gia-lai-2024-ttdn.txt', import.meta.url), 'utf8');

/** The reference with its tasks (II) and duties (III) repeated `times` times, renumbered I, II, ... */
function synthetic(times: number): string {
	const lines = reference.split('\n');
	const start = lines.findIndex((l) => l.startsWith('II. '));
	const end = lines.findIndex((l) => l.startsWith('IV. '));
	const head = lines.slice(0, start);
	const body = lines.slice(start, end);
	const out = [...head];
	const roman = (n: number) =>
		[
			[1000, 'M'],
			[900, 'CM'],
			[500, 'D'],
			[400, 'CD'],
			[100, 'C'],
			[90, 'XC'],
			[50, 'L'],
			[40, 'XL'],
			[10, 'X'],
			[9, 'IX'],
			[5, 'V'],
			[4, 'IV'],
			[1, 'I']
		].reduce<[string, number]>(
			([s, r], [v, sym]) => [s + String(sym).repeat(Math.floor(r / +v)), r % +v],
			['', n]
		)[0];
	for (let i = 0; i < times; i++) {
		out.push(
			...body.map((l) =>
				l.replace(/^II\. /, `${roman(2 * i + 2)}. `).replace(/^III\. /, `${roman(2 * i + 3)}. `)
			)
		);
	}
	return out.join('\n');
}

function measure(label: string, text: string) {
	const directory = loadGiaLaiDirectory();
	const times: number[] = [];
	let tasks = 0;
	for (let i = 0; i < RUNS; i++) {
		const t0 = performance.now();
		tasks = parsePlan(text, { directory }).tasks.length;
		times.push(performance.now() - t0);
	}
	times.sort((a, b) => a - b);
	const q = (p: number) =>
		times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)].toFixed(2);
	return {
		input: label,
		KiB: Math.round(text.length / 1024),
		tasks,
		runs: RUNS,
		'median ms': q(0.5),
		'p99 ms': q(0.99)
	};
}

const cpus = os.cpus();
console.log(
	`${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${os.platform()} ${os.arch()}`
);
console.table([measure('reference', reference), measure('synthetic ×100', synthetic(100))]);

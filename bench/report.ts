// `npm run bench:report`: rewrites the generated tables of bench/README.md and the README's
// "Measured" table from the raw results in bench/results/*.json (written by bench/results.ts).
// Only the text between marker comments changes:
//   <!-- bench:begin cold-load --> … <!-- bench:end cold-load -->   (bench/README.md, one per bench)
//   <!-- bench:begin measured --> … <!-- bench:end measured -->     (README.md, every bench's aims)
// A bench with results but no marker yet gets a new block at the end of bench/README.md.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RESULTS_VERSION, renderBench, renderMeasured, type BenchResults } from './results.js';

export const MEASURED = 'measured';

const begin = (name: string) => `<!-- bench:begin ${name} -->`;
const end = (name: string) => `<!-- bench:end ${name} -->`;

/** Every results file of the folder, by bench name. */
export function readResults(dir: string): BenchResults[] {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => {
			const results = JSON.parse(readFileSync(join(dir, f), 'utf8')) as BenchResults;
			if (results.version !== RESULTS_VERSION)
				throw new Error(
					`${f}: results version ${results.version}, this report reads ${RESULTS_VERSION}`
				);
			return results;
		});
}

/** The text with what lies between the named markers replaced; null when the markers are absent. */
export function replaceBlock(text: string, name: string, content: string): string | null {
	const start = text.indexOf(begin(name));
	if (start < 0) return null;
	const from = start + begin(name).length;
	const stop = text.indexOf(end(name), from);
	if (stop < 0) throw new Error(`${begin(name)} has no ${end(name)}`);
	if (text.indexOf(begin(name), from) >= 0 && text.indexOf(begin(name), from) < stop)
		throw new Error(`${begin(name)} appears twice before its end marker`);
	return `${text.slice(0, from)}\n${content}\n${text.slice(stop)}`;
}

export interface ReportPaths {
	resultsDir: string;
	benchReadme: string;
	readme: string;
}

/** Rewrites both files from the results; returns the bench names whose block was (re)written. */
export function report(paths: ReportPaths): string[] {
	const all = readResults(paths.resultsDir);
	let bench = readFileSync(paths.benchReadme, 'utf8');
	for (const results of all) {
		const block = renderBench(results);
		const replaced = replaceBlock(bench, results.bench, block);
		bench =
			replaced ??
			`${bench.replace(/\n*$/, '\n')}\n${begin(results.bench)}\n${block}\n${end(results.bench)}\n`;
	}
	const readme = readFileSync(paths.readme, 'utf8');
	const measured = replaceBlock(readme, MEASURED, renderMeasured(all));
	if (measured === null) throw new Error(`${paths.readme} has no ${begin(MEASURED)} marker`);
	// Both rendered before either is written: a failure leaves both files as they were.
	writeFileSync(paths.benchReadme, bench);
	writeFileSync(paths.readme, measured);
	return all.map((r) => r.bench);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const root = fileURLToPath(new URL('../', import.meta.url));
	const written = report({
		resultsDir: join(root, 'bench', 'results'),
		benchReadme: join(root, 'bench', 'README.md'),
		readme: join(root, 'README.md')
	});
	console.error(`bench:report: tables of ${written.join(', ') || 'no bench'} written`);
}

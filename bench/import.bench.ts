// Times the plan importer on text, DOCX and PDF plans; prints a table, never passes or fails on
// time. Run: pnpm exec tsx bench/import.bench.ts (LibreOffice makes the PDFs from the DOCX plans)
import { readFileSync } from 'node:fs';
import {
	importPlanFile,
	loadGiaLaiDirectory,
	parsePlan,
	planFileLines
} from '../packages/plan-import/src/index.js';
import { formatNumber } from '../packages/plan-import/src/formats/numbering.js';
import { pdfPageCount } from '../packages/plan-import/src/formats/pdf.js';
import { convertWithOffice } from '../packages/plan-import/src/formats/test-docx.js';
import { numberedPlan, tablePlan } from '../packages/plan-import/src/formats/test-plans.js';
import { printTable, summarize } from './support.js';

const RUNS = 30;
const PDF_RUNS = 20;
const reference = readFileSync(new URL('../plans/gia-lai-2024-ttdn.txt', import.meta.url), 'utf8');

/** The reference with its tasks (II) and duties (III) repeated `times` times, renumbered I, II, ... */
function synthetic(times: number): string {
	const lines = reference.split('\n');
	const start = lines.findIndex((l) => l.startsWith('II. '));
	const end = lines.findIndex((l) => l.startsWith('IV. '));
	const head = lines.slice(0, start);
	const body = lines.slice(start, end);
	const out = [...head];
	const roman = (n: number) => formatNumber(n, 'upperRoman');
	for (let i = 0; i < times; i++) {
		out.push(
			...body.map((l) =>
				l.replace(/^II\. /, `${roman(2 * i + 2)}. `).replace(/^III\. /, `${roman(2 * i + 3)}. `)
			)
		);
	}
	return out.join('\n');
}

const directory = loadGiaLaiDirectory();

interface Row {
	input: string;
	pages: string;
	bytes: number;
	tasks: number;
	runs: number;
	total: number[];
	read: number[];
}

function timeText(label: string, text: string): Row {
	const total: number[] = [];
	let tasks = 0;
	for (let i = 0; i < RUNS; i++) {
		const t0 = performance.now();
		tasks = parsePlan(text, { directory }).tasks.length;
		total.push(performance.now() - t0);
	}
	const bytes = Buffer.byteLength(text);
	return { input: label, pages: '–', bytes, tasks, runs: RUNS, total, read: [] };
}

/** importPlanFile end to end, and separately the reader alone (file -> text lines). */
async function timeFile(label: string, bytes: Uint8Array, runs: number): Promise<Row> {
	const format = label.includes('PDF') ? 'pdf' : 'docx';
	const total: number[] = [];
	const read: number[] = [];
	let tasks = 0;
	for (let i = 0; i < runs; i++) {
		let t0 = performance.now();
		tasks = (await importPlanFile(bytes, { directory })).tasks.length;
		total.push(performance.now() - t0);
		t0 = performance.now();
		await planFileLines(bytes, format);
		read.push(performance.now() - t0);
	}
	return { input: label, pages: '', bytes: bytes.length, tasks, runs, total, read };
}

const rows: Row[] = [
	timeText('text: reference', reference),
	timeText('text: synthetic ×100', synthetic(100))
];
// Sized to about 100 A4 pages each when LibreOffice lays them out (the page counts are printed).
const plans: [string, Uint8Array][] = [
	['numbered paragraphs (Word numbering, labelled fields)', numberedPlan(390)],
	['task table in a Phụ lục (merged cells)', tablePlan(320)]
];
for (const [label, built] of plans) {
	// As LibreOffice writes it: run and paragraph properties on every paragraph, as in real files.
	const docx = convertWithOffice(built, 'plan.docx', 'docx:MS Word 2007 XML');
	const pdf = convertWithOffice(docx, 'plan.docx', 'pdf');
	const n = String(await pdfPageCount(pdf));
	const fromDocx = await timeFile(`DOCX: ${label}`, docx, RUNS);
	const fromPdf = await timeFile(`PDF: ${label}`, pdf, PDF_RUNS);
	rows.push({ ...fromDocx, pages: n }, { ...fromPdf, pages: n });
}

const ms = (samples: number[]) => {
	if (samples.length === 0) return '–';
	const { median, p99 } = summarize(samples);
	return `${median.toFixed(1)} / ${p99.toFixed(1)}`;
};
printTable({
	title: 'Plan import: file bytes to parsed plan (ms, median / p99)',
	columns: ['input', 'pages', 'KiB', 'tasks', 'runs', 'import', 'of which reading the file'],
	rows: rows.map((r) => [
		r.input,
		r.pages,
		String(Math.round(r.bytes / 1024)),
		String(r.tasks),
		String(r.runs),
		ms(r.total),
		ms(r.read)
	]),
	notes: [
		'import = importPlanFile (text: parsePlan) with the Gia Lai directory; reading = the DOCX or PDF reader alone (file -> text lines)',
		'the DOCX plans are built by packages/plan-import/src/formats/test-plans.ts and saved again by LibreOffice (its verbose XML, like real files); the PDFs are LibreOffice exports of those',
		`text ${RUNS} runs, DOCX ${RUNS}, PDF ${PDF_RUNS}; p99 of so few runs is close to the maximum`
	]
});

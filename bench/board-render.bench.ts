// Board render: a board of 2,000 cards across 45 lanes in Chromium, as a coordinator (who sees
// and may write every lane, so every document syncs), and the seeded 133-card board. Per run, in
// a fresh browser context (cold: empty IndexedDB, no service worker) and then reloaded in the
// same context (warm: documents in IndexedDB, assets from the service worker): navigation start
// -> the server's first byte, first lane painted, interactive (every lane showing its own
// document's cards, so search covers every card, and the first card takes focus), and synced
// (the indicator online). Then the latency of each filter keystroke: input event -> the lanes
// re-rendered and the next frame painted. Last, the tab's JS heap (after a forced GC) while 5
// other people edit the board, each minute for RENDER_SOAK_MINUTES. Prints tables with the aims
// beside the figures and writes bench/results/board-render.json; never fails on time.
//
//   pnpm --filter ./apps/web run build && node --import tsx bench/board-render.bench.ts
//   RENDER_RUNS=3 RENDER_SOAK_MINUTES=1 BENCH_RESULTS_DIR=/tmp/r ...   (a trial run)
//   RENDER_PROFILE=1 ...   (also a CPU profile of one cold load: where the main thread went)
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser.js';
import { BIG_PLAN, startBigBoardApp, startEditors } from './board-render-seed.js';
import { profileLoad } from './cpu-profile.js';
import { benchResults, type Aim, type Cell } from './results.js';
import { sleep } from './support.js';

const TASKS = Number(process.env.RENDER_TASKS ?? 2000);
const LANES = Number(process.env.RENDER_LANES ?? 45);
const RUNS = Number(process.env.RENDER_RUNS ?? 20);
const SOAK_MINUTES = Number(process.env.RENDER_SOAK_MINUTES ?? 10);
const EDITORS = 5;
const SEEDED_PLAN = 'gia-lai-2024';
const QUERY = 'thong tin';

const results = benchResults('board-render');

interface Marks {
	response?: number;
	fcp?: number;
	lane?: number;
	interactive?: number;
	online?: number;
}
type Mark = keyof Marks;

/**
 * Runs in the page before any of its scripts. Polls on timers, so a mark is taken only when the
 * main thread is free: "interactive" means a person could act, not that the DOM existed.
 */
function installMarks(): void {
	const w = window as unknown as { __marks: Marks };
	const marks: Marks = (w.__marks = {});
	new PerformanceObserver((list) => {
		for (const e of list.getEntries())
			if (e.name === 'first-contentful-paint') marks.fcp = e.startTime;
	}).observe({ type: 'paint', buffered: true });
	let laneSeen = false;
	const poll = () => {
		const nav = performance.getEntriesByType('navigation')[0] as
			| PerformanceNavigationTiming
			| undefined;
		if (marks.response === undefined && nav && nav.responseStart > 0)
			marks.response = nav.responseStart;
		if (!laneSeen && document.querySelector('[data-testid="lane"] [data-testid="card"]')) {
			laneSeen = true;
			requestAnimationFrame(() => setTimeout(() => (marks.lane = performance.now())));
		}
		const live = document.querySelector('[data-testid="lanes"][data-state="live"]');
		const first = document.querySelector<HTMLElement>('[data-card-button]');
		if (marks.interactive === undefined && live && first) {
			first.focus();
			if (document.activeElement === first) marks.interactive = performance.now();
		}
		const state = document.querySelector('[data-testid="sync-status"]')?.getAttribute('data-state');
		if (marks.online === undefined && state === 'online') marks.online = performance.now();
		if (marks.interactive === undefined || marks.online === undefined) setTimeout(poll, 5);
	};
	poll();
}

async function marksOf(page: Page): Promise<Required<Marks>> {
	await page.waitForFunction(
		() => {
			const m = (window as unknown as { __marks?: Marks }).__marks;
			return m?.interactive !== undefined && m.online !== undefined && m.lane !== undefined;
		},
		undefined,
		{ timeout: 120_000, polling: 50 }
	);
	return page.evaluate(() => (window as unknown as { __marks: Required<Marks> }).__marks);
}

/** One keystroke each: type QUERY letter by letter, then clear it (every card comes back). */
async function filterLatencies(page: Page): Promise<{ typed: number[]; cleared: number }> {
	return page.evaluate(async (query) => {
		const input = document.querySelector<HTMLInputElement>('[data-testid="filter-q"]');
		if (!input) throw new Error('no search box');
		input.focus();
		const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r)));
		const key = async (value: string) => {
			await frame();
			const t0 = performance.now();
			input.value = value;
			input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
			// Svelte updates the DOM in a microtask; the frame after it is the one the user sees.
			await frame();
			return performance.now() - t0;
		};
		const typed: number[] = [];
		for (let i = 1; i <= query.length; i++) typed.push(await key(query.slice(0, i)));
		const cleared = await key('');
		return { typed, cleared };
	}, QUERY);
}

async function newContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
	const context = await browser.newContext({
		baseURL: baseUrl,
		viewport: { width: 1400, height: 900 }
	});
	const res = await context.request.post('/api/login', {
		data: { username: 'sotttt', password: 'planboard-demo' }
	});
	if (!res.ok()) throw new Error(`login failed: ${res.status()}`);
	// tsx compiles this file with esbuild's keepNames, which wraps local functions in `__name()`;
	// functions shipped into the page need that helper there too.
	await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
	await context.addInitScript(installMarks);
	return context;
}

const MARKS: Mark[] = ['response', 'fcp', 'lane', 'interactive', 'online'];
function record(prefix: string, marks: Required<Marks>): void {
	for (const m of MARKS) results.add(`${prefix}/${m}`, marks[m]);
}

/** A cold load, then a warm reload in the same context; the filter timed on the warm page. */
async function loadTwice(o: {
	browser: Browser;
	baseUrl: string;
	plan: string;
	prefix: string;
	filter: boolean;
}): Promise<void> {
	const context = await newContext(o.browser, o.baseUrl);
	try {
		const page = await context.newPage();
		page.on('response', (r) => {
			if (r.request().isNavigationRequest() && o.prefix === 'big')
				void r.body().then(
					(b) => results.add('big/html-bytes', b.byteLength),
					() => {}
				);
		});
		await page.goto(`/plans/${o.plan}`, { waitUntil: 'commit' });
		record(`${o.prefix}/cold`, await marksOf(page));
		if (o.prefix === 'big') {
			results.add('big/cards-rendered', await page.locator('[data-testid="card"]').count());
			results.add('big/elements', await page.evaluate(() => document.querySelectorAll('*').length));
		}
		// The service worker must hold the assets before a reload can count as warm.
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		await page.reload({ waitUntil: 'commit' });
		record(`${o.prefix}/warm`, await marksOf(page));
		if (o.filter) {
			const f = await filterLatencies(page);
			results.add('filter/typed', ...f.typed);
			results.add('filter/cleared', f.cleared);
		}
	} finally {
		await context.close();
	}
}

/** The tab's JS heap after a forced GC, each minute, while EDITORS others edit the board. */
async function soak(browser: Browser, baseUrl: string): Promise<void> {
	const context = await newContext(browser, baseUrl);
	const editors = await startEditors({
		baseUrl,
		planId: BIG_PLAN,
		lanes: LANES,
		editors: EDITORS,
		username: 'sotttt'
	});
	try {
		const page = await context.newPage();
		await page.goto(`/plans/${BIG_PLAN}`, { waitUntil: 'commit' });
		await marksOf(page);
		const cdp = await context.newCDPSession(page);
		const heapMb = async () => {
			await cdp.send('HeapProfiler.collectGarbage');
			const usage = await cdp.send('Runtime.getHeapUsage');
			return usage.usedSize / 2 ** 20;
		};
		const started = Date.now();
		editors.start();
		for (let minute = 1; minute <= SOAK_MINUTES; minute++) {
			await sleep(started + minute * 60_000 - Date.now());
			results.add('soak/heap-mb', await heapMb());
			console.error(`board-render: soak minute ${minute}, ${editors.edits()} edits so far`);
		}
		results.add('soak/edits', editors.edits());
		// The tab kept up: every lane still shows its own document and the indicator is online.
		await page
			.locator('[data-testid="sync-status"][data-state="online"]')
			.waitFor({ timeout: 30_000 });
	} finally {
		await editors.stop();
		await context.close();
	}
}

async function main(): Promise<void> {
	const started = performance.now();
	const app = await startBigBoardApp({ tasks: TASKS, lanes: LANES });
	const { browser, close } = await launchBrowser();
	try {
		if (process.env.RENDER_PROFILE) {
			const context = await newContext(browser, app.baseUrl);
			await profileLoad({ context, path: `/plans/${BIG_PLAN}`, until: marksOf });
			await context.close();
		}
		for (let run = 0; run < RUNS; run++) {
			await loadTwice({
				browser,
				baseUrl: app.baseUrl,
				plan: BIG_PLAN,
				prefix: 'big',
				filter: true
			});
			await loadTwice({
				browser,
				baseUrl: app.baseUrl,
				plan: SEEDED_PLAN,
				prefix: 'seeded',
				filter: false
			});
			console.error(`board-render: run ${run + 1}/${RUNS} done`);
		}
		if (SOAK_MINUTES > 0) await soak(browser, app.baseUrl);
	} finally {
		await close();
		await app.stop();
	}
	write(performance.now() - started);
}

function write(elapsedMs: number): void {
	const ms = (series: string, stat: 'median' | 'p99' = 'median'): Cell => ({
		stat,
		series,
		digits: 0
	});
	const both = (series: string): Cell => ({ join: [ms(series), ms(series, 'p99')] });
	const under = (series: string, limit: number) =>
		results.stat('median', series) < limit && results.stat('p99', series) < limit;
	const met = (series: string, limit: number): boolean | string => {
		const median = results.stat('median', series) < limit;
		const p99 = results.stat('p99', series) < limit;
		return median === p99 ? median : `median ${median ? 'yes' : 'no'}, p99 ${p99 ? 'yes' : 'no'}`;
	};
	const loadRow = (label: string, prefix: string): Cell[] => [
		label,
		{ stat: 'n', series: `${prefix}/lane` },
		...MARKS.map((m) => both(`${prefix}/${m}`))
	];
	const heap = results.samples('soak/heap-mb');
	const heapAt = (minute: number) => heap[minute - 1];
	const aims: Aim[] = [
		...(['cold', 'warm'] as const).flatMap((mode) => [
			{
				aim: `2,000 cards, 45 lanes, ${mode}: first lane painted under 300 ms`,
				figure: both(`big/${mode}/lane`),
				met: met(`big/${mode}/lane`, 300),
				limit: "the server reading the board (first byte) and the page's script before it paints"
			},
			{
				aim: `2,000 cards, 45 lanes, ${mode}: interactive under 1 s`,
				figure: both(`big/${mode}/interactive`),
				met: met(`big/${mode}/interactive`, 1000),
				limit: '46 documents to load (IndexedDB or the server) before search covers every card'
			}
		]),
		{
			aim: 'filter keystroke p99 under 50 ms',
			figure: { join: [ms('filter/typed', 'p99'), ms('filter/cleared', 'p99')], sep: ' typing, ' },
			met: results.stat('p99', 'filter/typed') < 50 && results.stat('p99', 'filter/cleared') < 50,
			limit:
				"clearing the search draws every lane's first cards again in one frame (about 450 tiles); a letter that still matches most cards redraws most of them"
		},
		{
			aim: 'the seeded 133-card board interactive under 400 ms',
			figure: {
				join: [both('seeded/cold/interactive'), both('seeded/warm/interactive')],
				sep: ' cold, '
			},
			met: under('seeded/cold/interactive', 400) && under('seeded/warm/interactive', 400),
			limit:
				"the same path as the big board: an IndexedDB database and a provider per document, the WebSocket opened after hydration; one Chromium profile of a cold load showed 0.8 s of script, 0.75 s of the browser's own work (style, layout, storage) and 0.65 s idle waiting on storage and the server"
		}
	];
	if (heap.length > 0) {
		const last = heap.length;
		aims.push({
			aim: `the tab's heap with the 2,000-card board open while ${EDITORS} others edit: stable (1 and ${last} minutes)`,
			figure: `${heapAt(1).toFixed(1)} MB at 1 min, ${heapAt(last).toFixed(1)} MB at ${last} min`,
			met: heapAt(last) < heapAt(1) * 1.2
		});
	}
	const minutes = heap.map((mb, i) => [`${i + 1} min`, `${mb.toFixed(1)} MB`] as Cell[]);
	results.write({
		tables: [
			{
				title: `Board render: ${TASKS.toLocaleString('en-US')} cards in ${LANES} lanes and the seeded board (ms from navigation start, median / p99)`,
				columns: [
					'load',
					'n',
					'first byte',
					'first contentful paint',
					'first lane painted',
					'interactive',
					'synced'
				],
				rows: [
					loadRow('2,000 cards, cold', 'big/cold'),
					loadRow('2,000 cards, warm', 'big/warm'),
					loadRow('seeded (133 cards), cold', 'seeded/cold'),
					loadRow('seeded (133 cards), warm', 'seeded/warm')
				],
				notes: [
					'cold: a new browser context (no IndexedDB, no service worker); warm: a reload in that context',
					"interactive: every lane shows its own document's cards (so search covers every card) and the first card takes focus; synced: the indicator says online (every document synced with the server)",
					'first lane painted: the frame after the first lane with a card is in the DOM'
				]
			},
			{
				title: 'Board render: what the 2,000-card board sends and draws',
				columns: ['measure', 'median'],
				rows: [
					[
						'board page HTML (KB)',
						{ stat: 'median', series: 'big/html-bytes', scale: 1 / 1000, digits: 0 }
					],
					[
						'cards rendered after the cold load',
						{ stat: 'median', series: 'big/cards-rendered', digits: 0 }
					],
					[
						'elements in the page after the cold load',
						{ stat: 'median', series: 'big/elements', digits: 0 }
					]
				]
			},
			{
				title:
					'Filter keystroke on the 2,000-card board: input event -> lanes re-rendered and the next frame painted (ms)',
				columns: ['keystroke', 'n', 'median', 'p99'],
				rows: [
					[
						`typing "${QUERY}", one letter at a time`,
						{ stat: 'n', series: 'filter/typed' },
						ms('filter/typed'),
						ms('filter/typed', 'p99')
					],
					[
						'clearing the search (all cards back)',
						{ stat: 'n', series: 'filter/cleared' },
						ms('filter/cleared'),
						ms('filter/cleared', 'p99')
					]
				],
				notes: [`${RUNS} runs; total bench time ${(elapsedMs / 1000).toFixed(0)} s`]
			},
			...(heap.length > 0
				? [
						{
							title: `Tab heap with the 2,000-card board open while ${EDITORS} others edit (MB, after a forced GC)`,
							columns: ['time', 'JS heap used'],
							rows: minutes,
							notes: [
								`${EDITORS} Node clients (the coordinator's login), each editing cards of 9 agency documents once a second: progress 70 %, status 30 %; ${results.samples('soak/edits')[0] ?? 0} edits in all`
							]
						}
					]
				: [])
		],
		aims
	});
}

await main();
process.exit(0);

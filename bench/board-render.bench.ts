// Board render: a board of 2,000 cards across 45 lanes in Chromium, as a coordinator (who sees
// and may write every lane, so every document syncs). Per run, in a fresh browser context (cold:
// empty IndexedDB, no service worker) and then reloaded in the same context (warm: documents in
// IndexedDB, assets from the service worker): navigation start -> first lane painted, and ->
// interactive (every document synced, the indicator online, the first card takes focus). Then
// the latency of one filter keystroke: input event -> the lanes re-rendered and the next frame
// painted. Prints tables; never fails on time.
//
//   pnpm --filter @planboard/web run build && node --import tsx bench/board-render.bench.ts
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser.js';
import { BIG_PLAN, startBigBoardApp } from './board-render-seed.js';
import { printTable, summarize } from './support.js';

const TASKS = Number(process.env.RENDER_TASKS ?? 2000);
const LANES = Number(process.env.RENDER_LANES ?? 45);
const RUNS = Number(process.env.RENDER_RUNS ?? 5);
const QUERY = 'thong tin';

interface Marks {
	lane?: number;
	fcp?: number;
	interactive?: number;
}

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
		if (!laneSeen && document.querySelector('[data-testid="lane"]')) {
			laneSeen = true;
			requestAnimationFrame(() => setTimeout(() => (marks.lane = performance.now())));
		}
		const state = document.querySelector('[data-testid="sync-status"]')?.getAttribute('data-state');
		const first = document.querySelector<HTMLElement>('[data-card-button]');
		if (state === 'online' && first) {
			first.focus();
			if (document.activeElement === first) marks.interactive = performance.now();
		}
		if (marks.interactive === undefined) setTimeout(poll, 5);
	};
	poll();
}

async function marksOf(page: Page): Promise<Required<Marks>> {
	await page.waitForFunction(
		() => {
			const m = (window as unknown as { __marks?: Marks }).__marks;
			return m?.interactive !== undefined && m.lane !== undefined;
		},
		undefined,
		{ timeout: 60_000, polling: 50 }
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

async function newContext(
	browser: Awaited<ReturnType<typeof launchBrowser>>['browser'],
	baseUrl: string
) {
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

async function main(): Promise<void> {
	const started = performance.now();
	const app = await startBigBoardApp({ tasks: TASKS, lanes: LANES });
	const { browser, close } = await launchBrowser();
	const cold: Required<Marks>[] = [];
	const warm: Required<Marks>[] = [];
	const typed: number[] = [];
	const cleared: number[] = [];
	let cards = 0;
	let htmlBytes = 0;
	const contexts: BrowserContext[] = [];
	try {
		for (let run = 0; run < RUNS; run++) {
			const context = await newContext(browser, app.baseUrl);
			contexts.push(context);
			const page = await context.newPage();
			page.on('response', (r) => {
				if (r.request().isNavigationRequest())
					void r.body().then(
						(b) => (htmlBytes = b.byteLength),
						() => {}
					);
			});
			await page.goto(`/plans/${BIG_PLAN}`, { waitUntil: 'commit' });
			cold.push(await marksOf(page));
			cards = await page.locator('[data-testid="card"]').count();
			// The service worker must hold the assets before a reload can count as warm.
			await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
			await page.reload({ waitUntil: 'commit' });
			warm.push(await marksOf(page));
			const f = await filterLatencies(page);
			typed.push(...f.typed);
			cleared.push(f.cleared);
			await context.close();
			console.error(`board-render: run ${run + 1}/${RUNS} done`);
		}
	} finally {
		for (const c of contexts) await c.close().catch(() => {});
		await close();
		await app.stop();
	}

	const row = (name: string, xs: number[]) => {
		const s = summarize(xs);
		return [name, s.n, s.median, s.p99, s.max];
	};
	printTable({
		title: `Board render: ${TASKS.toLocaleString('en-US')} cards, ${LANES} lanes (ms from navigation start)`,
		columns: ['measure', 'n', 'median', 'p99', 'max'],
		rows: [
			row(
				'cold: first contentful paint',
				cold.map((m) => m.fcp)
			),
			row(
				'cold: first lane painted',
				cold.map((m) => m.lane)
			),
			row(
				'cold: interactive',
				cold.map((m) => m.interactive)
			),
			row(
				'warm: first lane painted',
				warm.map((m) => m.lane)
			),
			row(
				'warm: interactive',
				warm.map((m) => m.interactive)
			)
		],
		notes: [
			`${cards} cards rendered; board page HTML ${(htmlBytes / 1e6).toFixed(1)} MB (server-rendered cards and the page data inline)`,
			'cold: new browser context (no IndexedDB, no service worker); warm: reload in that context',
			'interactive: sync indicator online (every document synced) and the first card takes focus'
		]
	});
	printTable({
		title: 'Filter keystroke: input event -> lanes re-rendered and the next frame painted (ms)',
		columns: ['keystroke', 'n', 'median', 'p99', 'max'],
		rows: [
			row(`typing "${QUERY}", one letter at a time`, typed),
			row('clearing the search (all cards back)', cleared)
		],
		notes: [`${RUNS} runs; total bench time ${((performance.now() - started) / 1000).toFixed(0)} s`]
	});
}

await main();

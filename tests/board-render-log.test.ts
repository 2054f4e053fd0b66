import { join } from 'node:path';
import { readDocument } from '@planboard/boards';
import { readCard, setProgress, type TaskId } from '@planboard/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startAppServer, type AppServer } from './support/app-server.js';
import { openTestStore } from './support/test-database.js';

const PLAN = 'gia-lai-2024';
const DOCUMENT = `plan/${PLAN}/agency/bch-bdbp`;
const TINY_UPDATES = 8000;

let app: AppServer;
let token: string;

beforeAll(async () => {
	app = await startAppServer();
	const res = await fetch(`${app.baseUrl}/api/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username: 'sotttt', password: DEMO_PASSWORD })
	});
	token = ((await res.json()) as { token: string }).token;
});

afterAll(async () => {
	await app?.stop();
});

/** Median wall time of the board page's server render, after one warm-up request. */
async function medianRenderMs(runs = 7): Promise<{ ms: number; html: string }> {
	const get = () =>
		fetch(`${app.baseUrl}/plans/${PLAN}?scope=all`, {
			headers: { authorization: `Bearer ${token}` }
		});
	let html = await (await get()).text();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		const res = await get();
		html = await res.text();
		times.push(performance.now() - started);
		expect(res.status).toBe(200);
	}
	times.sort((a, b) => a - b);
	return { ms: times[Math.floor(runs / 2)], html };
}

describe('board page server render over a long update log', () => {
	it('stays within a small factor of the render without it (8,000 tiny updates)', async () => {
		const before = await medianRenderMs();
		// 8,000 tiny updates in the officer's document, logged as the sync server logs them but
		// with no snapshot after them (the worst case until the next snapshot).
		const store = openTestStore({ path: join(app.dataDir, 'planboard.db') });
		const doc = readDocument(store, DOCUMENT);
		const taskId = [...doc.getMap('cards').keys()].sort()[0] as TaskId;
		const rows: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => rows.push(u));
		for (let i = 1; i <= TINY_UPDATES; i++)
			setProgress(doc, { taskId, progress: (i % 97) + 1, at: i });
		store.updates.appendMany(rows.map((update) => ({ document: DOCUMENT, update, userId: null })));
		expect(store.updates.load(DOCUMENT).updates.length).toBeGreaterThanOrEqual(TINY_UPDATES);
		store.close();
		const after = await medianRenderMs();
		// The rendered state is the log's last word: progress 47 (8,000 % 97 + 1) on that card.
		expect(readCard(doc, taskId)?.progress).toBe(47);
		const tile = `data-task="${taskId}" data-agency="bch-bdbp"`;
		const shown = (html: string) =>
			html.slice(html.indexOf(tile)).match(/class="pct[^"]*">[^<]*?(\d+)%/)?.[1];
		expect(after.html).toContain(tile);
		expect(shown(before.html)).toBe('0');
		expect(shown(after.html)).toBe('47');
		const ratio = after.ms / before.ms;
		console.info(
			`board render: ${before.ms.toFixed(1)} ms without, ${after.ms.toFixed(1)} ms with ${TINY_UPDATES} updates (${ratio.toFixed(2)} ×)`
		);
		expect(ratio).toBeLessThan(4);
	});
});

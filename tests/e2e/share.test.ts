import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PLAN, boardSuite, card, firstTaskId, openCard } from './board-helpers.js';

const suite = boardSuite();
const newContext = suite.context;

/** The coordinator creates a link on /admin/links; returns the admin page and the link's URL. */
async function createLink(label: string): Promise<{ admin: Page; url: string }> {
	const admin = await (await newContext('sotttt')).newPage();
	await admin.goto('/admin/links');
	await admin.getByLabel(/^Nhãn/).fill(label);
	await admin.getByTestId('create-link').click();
	const url = await admin.getByTestId('share-url').inputValue();
	return { admin, url };
}

describe('share links in Chromium', () => {
	it('shows the live board without an account, with no edit control and nothing else', async () => {
		const { url } = await createLink('Họp giao ban tháng 10');
		expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);
		const context = await newContext();
		const page = await context.newPage();
		await page.goto(url);
		await page
			.locator('[data-testid="progress-live"][data-state="online"]')
			.waitFor({ timeout: 10_000 });
		expect(await page.getByTestId('plan-title').textContent()).toContain('Gia Lai');
		expect(await page.locator('.progress-kicker').textContent()).toContain('Họp giao ban tháng 10');
		expect(
			await page.locator('textarea, select, [contenteditable], [draggable="true"]').count()
		).toBe(0);
		expect(await page.getByTestId('downloads').count()).toBe(0);
		expect(await page.locator('a[href]').count()).toBe(0);
		// The link opens this page only: the API and every other page still ask for a login.
		expect((await context.request.get('/api/plans')).status()).toBe(401);
		expect((await context.request.get(`/api/plans/${PLAN}/export?format=csv`)).status()).toBe(401);
		const board = await context.request.get(`/plans/${PLAN}`, { maxRedirects: 0 });
		expect(board.status()).toBe(303);
	});

	it('follows an officer’s status change live, over no WebSocket', async () => {
		const { url } = await createLink('Theo dõi trực tiếp');
		const page = await (await newContext()).newPage();
		const sockets: string[] = [];
		page.on('websocket', (ws) => sockets.push(ws.url()));
		// A day after today: the live board (a past day is the board as it stood then).
		await page.goto(`${url}?asOf=2030-01-15`);
		await page
			.locator('[data-testid="progress-live"][data-state="online"]')
			.waitFor({ timeout: 10_000 });
		const count = (key: string) =>
			page.getByTestId(`count-${key}`).getByTestId('count-value').textContent().then(Number);
		const done = async () => (await count('done_on_time')) + (await count('done_late'));
		const doneBefore = await done();
		const overallBefore = await page.getByTestId('overall-detail').textContent();

		const bdbp = await suite.board('bdbp', '');
		const taskId = await firstTaskId(bdbp, 'bch-bdbp');
		const detail = await openCard(bdbp, 'bch-bdbp', taskId);
		await detail.getByTestId('detail-status').selectOption('done');
		await expect
			.poll(() => card(bdbp, 'bch-bdbp', taskId).getAttribute('data-status'))
			.toBe('done');
		await expect.poll(done, { timeout: 3000 }).toBe(doneBefore + 1);
		await expect
			.poll(() => page.getByTestId('overall-detail').textContent(), { timeout: 3000 })
			.not.toBe(overallBefore);
		// The share page reads computed figures only: it never opened a document socket.
		expect(sockets).toEqual([]);
	});

	it('ends the open page’s stream at once on revocation and refuses a reload', async () => {
		const { admin, url } = await createLink('Phòng họp UBND');
		const page = await (await newContext()).newPage();
		await page.goto(url);
		await page
			.locator('[data-testid="progress-live"][data-state="online"]')
			.waitFor({ timeout: 10_000 });

		await admin.reload();
		const row = admin.locator('[data-testid="link-row"]', { hasText: 'Phòng họp UBND' });
		expect(await row.getByTestId('link-last-used').textContent()).not.toBe('–');
		const started = Date.now();
		await row.getByTestId('revoke-link').click();
		await page.getByTestId('live-ended').waitFor({ timeout: 1500 });
		expect(Date.now() - started).toBeLessThan(1500);
		expect(await page.getByTestId('live-ended').textContent()).toContain('đã bị thu hồi');
		await expect.poll(() => row.getAttribute('data-status')).toBe('revoked');

		const again = await page.reload();
		expect(again?.status()).toBe(410);
		expect(await page.locator('[data-testid="progress-page"]').count()).toBe(0);
	});

	it('lets officers and viewers neither list nor create links', async () => {
		const viewer = await newContext('lanhdao');
		expect((await viewer.request.get(`/api/plans/${PLAN}/links`)).status()).toBe(403);
		const created = await viewer.request.post(`/api/plans/${PLAN}/links`, { data: { label: 'x' } });
		expect(created.status()).toBe(403);
		const coord = await newContext('sotttt');
		const res = await coord.request.post(`/api/plans/${PLAN}/links`, { data: { label: 'API' } });
		expect(res.status()).toBe(201);
		const body = (await res.json()) as { id: string; token: string; status: string };
		expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(body.status).toBe('active');
		const list = await (await coord.request.get(`/api/plans/${PLAN}/links`)).json();
		expect(JSON.stringify(list)).not.toContain(body.token);
		expect((await coord.request.delete(`/api/plans/${PLAN}/links/${body.id}`)).status()).toBe(204);
		expect((await viewer.request.get(`/share/${body.token}`)).status()).toBe(410);
	});
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startAppServer, type AppServer } from '../support/app-server.js';
import { gotoBeforeHydration, launchBrowser } from '../support/browser.js';
import {
	PLAN,
	card,
	firstTaskId,
	openBoard,
	openCard,
	signedInContext,
	waitOnline
} from './board-helpers.js';
import type { Browser } from 'playwright-core';

const BDBP = 'bch-bdbp';
const NOTE = 'Đã tổ chức 12 buổi tuyên truyền (ghi chú lịch sử)';

let app: AppServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;
/** Every uncaught error of every page of this file: the board must hydrate without one. */
const pageErrors: string[] = [];
const watch = (page: Page) => page.on('pageerror', (e) => pageErrors.push(e.message));

beforeAll(async () => {
	app = await startAppServer();
	({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
	await closeBrowser?.();
	await app?.stop();
});

async function tokenOf(username: string): Promise<string> {
	const res = await fetch(`${app.baseUrl}/api/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: DEMO_PASSWORD })
	});
	return ((await res.json()) as { token: string }).token;
}

const get = (path: string, token?: string) =>
	fetch(`${app.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('the board as it was, and a card’s history', () => {
	it('shows the old state before a change and the new one after it, with who made it', async () => {
		// An officer changes a card's status and notes on the live board.
		const officer = await openBoard({ browser, baseUrl: app.baseUrl, username: 'bdbp' });
		watch(officer.page);
		const taskId = await firstTaskId(officer.page, BDBP);
		expect(await card(officer.page, BDBP, taskId).getAttribute('data-status')).toBe('todo');
		const detail = await openCard(officer.page, BDBP, taskId);
		const before = new Date();
		await new Promise((r) => setTimeout(r, 50));
		await detail.getByTestId('detail-status').selectOption('in_progress');
		await detail.getByTestId('notes').pressSequentially(NOTE);
		await waitOnline(officer.page);
		await expect
			.poll(() => card(officer.page, BDBP, taskId).getAttribute('data-status'))
			.toBe('in_progress');
		// The sync server stores an update before it acknowledges it; give the notes' last
		// keystrokes their round trip, then read "after" from the server's clock onward.
		await new Promise((r) => setTimeout(r, 500));
		await waitOnline(officer.page);
		const after = new Date();

		// Through the API: the CSV export as of each instant, and the card's history.
		const viewer = await tokenOf('lanhdao');
		const csvAt = async (at: Date) => {
			const res = await get(
				`/api/plans/${PLAN}/export?format=csv&asOf=${encodeURIComponent(at.toISOString())}`,
				viewer
			);
			if (res.status !== 200)
				throw new Error(`export: ${res.status}\n${app.server.output.join('')}`);
			return res.text();
		};
		expect(await csvAt(before)).not.toContain(NOTE);
		expect(await csvAt(after)).toContain(NOTE);

		const historyPath = `/api/plans/${PLAN}/cards/${BDBP}/${taskId}/history`;
		const res = await get(historyPath, viewer);
		expect(res.status).toBe(200);
		const history = (await res.json()) as {
			entries: {
				author: { displayName: string } | null;
				changes: { kind: string; before?: unknown; after?: unknown }[];
			}[];
		};
		const statusChange = history.entries
			.flatMap((e) => e.changes.map((c) => ({ ...c, author: e.author?.displayName })))
			.find((c) => c.kind === 'status');
		expect(statusChange).toEqual({
			kind: 'status',
			cardId: taskId,
			before: 'todo',
			after: 'in_progress',
			author: 'Cán bộ Bộ Chỉ huy Bộ đội Biên phòng tỉnh'
		});
		expect(history.entries.some((e) => e.changes.some((c) => c.kind === 'notes'))).toBe(true);
		// Another agency's officer reads every lane, so reads its history; no session, no history.
		expect((await get(historyPath, await tokenOf('ducco'))).status).toBe(200);
		expect((await get(historyPath)).status).toBe(401);
		const link = await fetch(`${app.baseUrl}/api/plans/${PLAN}/links`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${await tokenOf('sotttt')}`,
				'content-type': 'application/json'
			},
			body: JSON.stringify({ label: 'Họp giao ban' })
		});
		expect(link.status).toBe(201);
		const { token: shareToken } = (await link.json()) as { token: string };
		expect((await get(historyPath, shareToken)).status).toBe(401);
		expect((await get(`/plans/${PLAN}?asOf=hom-qua`, viewer)).status).toBe(400);

		// In Chromium: the board as of "before" shows the old status, marked and read-only.
		const context = await signedInContext({ browser, baseUrl: app.baseUrl, username: 'lanhdao' });
		const page = await context.newPage();
		watch(page);
		await page.goto(`/plans/${PLAN}?scope=all&asOf=${encodeURIComponent(before.toISOString())}`);
		await expect(page.getByTestId('as-of-banner').textContent()).resolves.toMatch(/Xem như tại/);
		expect(await card(page, BDBP, taskId).getAttribute('data-status')).toBe('todo');
		const past = await openCard(page, BDBP, taskId);
		await expect(past.getByTestId('detail-status').textContent()).resolves.toBe('Chưa thực hiện');
		await expect(past.getByTestId('read-only-notice').isVisible()).resolves.toBe(true);
		expect(await past.locator('select, textarea, input').count()).toBe(0);
		expect(await page.getByTestId('sync-status').getAttribute('data-state')).not.toBe('online');

		// As of "after": the new status and notes; the history panel names who changed it.
		await page.goto(`/plans/${PLAN}?scope=all&asOf=${encodeURIComponent(after.toISOString())}`);
		expect(await card(page, BDBP, taskId).getAttribute('data-status')).toBe('in_progress');
		const then = await openCard(page, BDBP, taskId);
		await expect(then.getByTestId('notes').textContent()).resolves.toContain(NOTE);
		const entry = then
			.getByTestId('history-entry')
			.filter({ has: page.locator('[data-kind="status"]') });
		await entry.first().waitFor();
		await expect(entry.first().getByTestId('history-author').textContent()).resolves.toBe(
			'Cán bộ Bộ Chỉ huy Bộ đội Biên phòng tỉnh'
		);
		await expect(entry.first().locator('[data-kind="status"]').textContent()).resolves.toContain(
			'→'
		);

		// And back to the live board, where the live card detail has the same panel.
		await page.getByTestId('back-to-live').click();
		await waitOnline(page);
		await expect(page.getByTestId('as-of-banner').count()).resolves.toBe(0);
		const live = await openCard(page, BDBP, taskId);
		await live.getByTestId('history-entry').first().waitFor();
		expect(await live.getByTestId('card-history').textContent()).toContain(
			'Cán bộ Bộ Chỉ huy Bộ đội Biên phòng tỉnh'
		);
		// The board's own form opens it as of a day, keeping its filters.
		const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
		await page.getByTestId('as-of-date').fill(today);
		await page.getByTestId('as-of-form').getByRole('button').click();
		await page.getByTestId('as-of-banner').waitFor();
		expect(new URL(page.url()).searchParams.get('asOf')).toBe(today);
		expect(new URL(page.url()).searchParams.has('card')).toBe(false);
		expect(await card(page, BDBP, taskId).getAttribute('data-status')).toBe('in_progress');
		await context.close();
		await officer.context.close();
		expect(pageErrors).toEqual([]);
	}, 90_000);

	it('keeps a day picked before the board’s script ran, and opens the board as of that day', async () => {
		const context = await signedInContext({ browser, baseUrl: app.baseUrl, username: 'bdbp' });
		const page = await context.newPage();
		const hydrate = await gotoBeforeHydration(page, `/plans/${PLAN}`);
		await page.getByTestId('as-of-date').fill('2024-06-30');
		await hydrate();
		expect(await page.getByTestId('as-of-date').inputValue()).toBe('2024-06-30');
		await page.getByTestId('as-of-form').getByRole('button', { name: 'Xem' }).click();
		await page.waitForURL(/asOf=2024-06-30/);
		await context.close();
	});
});

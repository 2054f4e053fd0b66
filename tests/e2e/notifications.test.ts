import { setProgress, type TaskId } from '@planboard/model';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { DEMO_PASSWORD, startAppServer, type AppServer } from '../support/app-server.js';
import { launchBrowser } from '../support/browser.js';
import { connect, type Client } from '../support/harness.js';
import { seriousViolations } from './a11y-helpers.js';
import { signedInContext } from './board-helpers.js';

let app: AppServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const clients: Client[] = [];

beforeAll(async () => {
	app = await startAppServer();
	({ browser, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await closeBrowser?.();
	await app?.stop();
});

async function login(username: string): Promise<{ token: string; userId: string }> {
	const res = await fetch(`${app.baseUrl}/api/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: DEMO_PASSWORD })
	});
	const body = (await res.json()) as { token: string; user: { id: string } };
	return { token: body.token, userId: body.user.id };
}

describe('the notification bell in Chromium', () => {
	it("shows an officer's overdue tasks, marks them read, and shows a coordinator's edit within the minute's poll", async () => {
		const context = await signedInContext({ browser, baseUrl: app.baseUrl, username: 'bdbp' });
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.clock.install();
		await page.goto('/');
		const bell = page.getByTestId('notification-bell');
		const count = async () => {
			const label = (await bell.getAttribute('aria-label')) ?? '';
			return Number(/Thông báo, (\d+) chưa đọc/.exec(label)?.[1] ?? NaN);
		};
		// The 2024 plan is past: the officer's agency's tasks are overdue. The server's first
		// answer reads every lane of the board (a coordinated task waits on its leads' cards).
		await expect.poll(count, { timeout: 10_000 }).toBeGreaterThan(0);
		const unread = await count();
		expect(await page.getByTestId('notification-count').textContent()).toBe(String(unread));

		await bell.click();
		expect(await bell.getAttribute('aria-expanded')).toBe('true');
		const items = page.getByTestId('notification');
		expect(await items.count()).toBe(unread);
		expect(await items.first().getAttribute('data-kind')).toBe('overdue');
		expect(await items.first().textContent()).toMatch(/Quá hạn \d+ ngày/);
		// The open panel: a named region, its list announced politely, nothing axe calls serious.
		expect(await page.getByRole('region', { name: 'Thông báo' }).isVisible()).toBe(true);
		expect(
			await page
				.locator('#notification-panel [aria-live="polite"]')
				.getByTestId('notification-list')
				.count()
		).toBe(1);
		expect(await seriousViolations(page, { include: '.topbar' })).toEqual([]);
		await items.first().getByRole('button', { name: 'Đã đọc' }).click();
		await expect.poll(count).toBe(unread - 1);
		expect(await items.first().getAttribute('data-read')).toBe('true');

		// A coordinator edits one of the agency's cards over the sync endpoint: no reload, the
		// next poll (the page's clock moved on a minute) lists it.
		const coordinator = await login('sotttt');
		const client = connect({
			url: `ws://127.0.0.1:${new URL(app.baseUrl).port}/collab`,
			document: 'plan/gia-lai-2024/agency/bch-bdbp',
			token: coordinator.token
		});
		clients.push(client);
		await client.ready;
		const cards = client.doc.getMap('cards') as Y.Map<unknown>;
		const taskId = [...cards.keys()].sort()[0] as TaskId;
		setProgress(client.doc, { taskId, progress: 37, by: coordinator.userId });
		await client.flushed();
		await page.clock.runFor(61_000);
		const changed = page.locator('[data-testid="notification"][data-kind="changed"]');
		await changed.waitFor();
		expect(await changed.textContent()).toMatch(/đã sửa: .*tiến độ/);
		await expect.poll(count).toBe(unread);

		await page.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
		await expect.poll(count).toBe(0);
		expect(await page.getByTestId('notification-count').count()).toBe(0);
		await page.reload();
		// The list is built only while the panel is open.
		expect(await page.getByTestId('notification').count()).toBe(0);
		await bell.click();
		await expect.poll(() => page.getByTestId('notification').count()).toBeGreaterThan(0);
		expect(await count()).toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	});
});

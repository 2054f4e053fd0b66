import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { card, firstTaskId, openCard, waitOnline, boardSuite } from './board-helpers.js';

const BDBP = 'bch-bdbp';

const { board } = boardSuite();

/** The service worker runs and holds a copy of this very page to serve without a network. */
async function waitPageCached(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await expect
		.poll(() =>
			page.evaluate(async () => !!(await caches.match(location.href, { ignoreVary: true })))
		)
		.toBe(true);
}

describe('board offline: reload without a network', () => {
	it('reloads the cached board offline with the edit, then delivers it when back online', async () => {
		const bdbp = await board('bdbp');
		const coord = await board('sotttt');
		const taskId = await firstTaskId(bdbp, BDBP);
		const before = await card(bdbp, BDBP, taskId).getAttribute('data-status');
		const next = before === 'paused' ? 'in_progress' : 'paused';
		await waitPageCached(bdbp);

		await bdbp.context().setOffline(true);
		const status = bdbp.locator('[data-testid="sync-status"][data-state="offline"]');
		await status.waitFor();
		const detail = await openCard(bdbp, BDBP, taskId);
		await detail.getByTestId('detail-status').selectOption(next);
		await expect.poll(() => card(bdbp, BDBP, taskId).getAttribute('data-status')).toBe(next);

		await bdbp.reload();
		await status.waitFor();
		await expect.poll(() => card(bdbp, BDBP, taskId).getAttribute('data-status')).toBe(next);
		await expect(bdbp.getByTestId('sync-status').textContent()).resolves.toMatch(
			/Mất kết nối.*\d+ thay đổi đang chờ/
		);
		// Nothing left this browser: the coordinator still sees the old status.
		expect(await card(coord, BDBP, taskId).getAttribute('data-status')).toBe(before);

		await bdbp.context().setOffline(false);
		await waitOnline(bdbp);
		await expect
			.poll(() => card(coord, BDBP, taskId).getAttribute('data-status'), { timeout: 10_000 })
			.toBe(next);
	});
});

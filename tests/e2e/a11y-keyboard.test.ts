import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { focusIndicator, pageWidth, tabUntil } from './a11y-helpers.js';
import { PLAN, boardSuite, card, firstTaskId, lane, waitOnline } from './board-helpers.js';

const BDBP = 'bch-bdbp';
const LATER = '2030-01-15';

const suite = boardSuite();
let officer: Promise<BrowserContext> | undefined;
/** The officer's one context for the file; each test opens its own page in it. */
const officerPage = async (path: string): Promise<Page> => {
	officer ??= suite.context('bdbp');
	const page = await (await officer).newPage();
	await page.goto(path);
	return page;
};

const focusedTask = (page: Page) =>
	page.evaluate(
		() => document.activeElement?.closest('[data-testid="card"]')?.getAttribute('data-task') ?? null
	);
const focusInside = (page: Page, testid: string) =>
	page.evaluate((id) => !!document.activeElement?.closest(`[data-testid="${id}"]`), testid);

describe('keyboard only, with visible focus', () => {
	it('walks the board: lane, cards, card detail, moving a card, closing', async () => {
		const page = await officerPage(`/plans/${PLAN}`);
		await waitOnline(page);
		const taskId = await firstTaskId(page, BDBP);
		const button = card(page, BDBP, taskId).locator('[data-card-button]');
		const toggle = lane(page, BDBP).locator('.lane-head button');

		// From the top of the page, Tab reaches the officer's lane and then its first card, and
		// every stop on the way shows where focus is.
		const stops = await tabUntil(page, toggle);
		expect(stops.length).toBeGreaterThan(3);
		await page.keyboard.press('Enter');
		expect(await toggle.getAttribute('aria-expanded')).toBe('false');
		expect(await lane(page, BDBP).locator('[data-testid="card"]').count()).toBe(0);
		await page.keyboard.press('Enter');
		expect(await toggle.getAttribute('aria-expanded')).toBe('true');
		await tabUntil(page, button, 5);

		// Enter opens the card's detail and puts focus in it; Tab walks on to the close button and
		// through its controls, Shift+Tab back; Enter on close gives focus back to the card.
		await page.keyboard.press('Enter');
		const detail = page.locator(`[data-testid="card-detail"][data-task="${taskId}"]`);
		await detail.waitFor();
		expect(await focusInside(page, 'card-detail')).toBe(true);
		const close = detail.getByRole('button', { name: 'Đóng' });
		await tabUntil(page, close, 3);
		const walked = await tabUntil(page, detail.getByTestId('notes'), 40);
		expect(walked.some((stop) => stop.includes('detail-status'))).toBe(true);
		await tabUntil(page, close, 40, 'Shift+Tab');
		await page.keyboard.press('Enter');
		await detail.waitFor({ state: 'detached' });
		expect(await focusedTask(page)).toBe(taskId);
		expect((await focusIndicator(page)).visible).toBe(true);

		// Escape closes it too, from anywhere inside.
		await page.keyboard.press('Enter');
		await detail.waitFor();
		await page.keyboard.press('Tab');
		await page.keyboard.press('Escape');
		await detail.waitFor({ state: 'detached' });
		expect(await focusedTask(page)).toBe(taskId);

		// Alt+arrows move the focused card between columns; focus stays on it.
		const before = await card(page, BDBP, taskId).getAttribute('data-status');
		await page.keyboard.press('Alt+ArrowRight');
		await expect.poll(() => card(page, BDBP, taskId).getAttribute('data-status')).not.toBe(before);
		expect(await focusedTask(page)).toBe(taskId);
		expect((await focusIndicator(page)).visible).toBe(true);
		await page.keyboard.press('Alt+ArrowLeft');
		await expect.poll(() => card(page, BDBP, taskId).getAttribute('data-status')).toBe(before);
		expect(await focusedTask(page)).toBe(taskId);
		await waitOnline(page);
		await page.close();
	});

	it('walks the progress board: every control reachable and visibly focused, toggled by keys', async () => {
		const page = await officerPage(`/plans/${PLAN}/progress?asOf=${LATER}`);
		await page
			.locator('[data-testid="progress-live"][data-state="online"]')
			.waitFor({ timeout: 10_000 });
		const large = page.getByTestId('large-toggle');
		await tabUntil(page, page.getByTestId('asof-input'));
		await tabUntil(page, large, 5);
		await page.keyboard.press('Space');
		expect(await large.getAttribute('aria-pressed')).toBe('true');
		await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('large');
		await page.keyboard.press('Enter');
		expect(await large.getAttribute('aria-pressed')).toBe('false');
		// On to the end of the page: Tab leaves the document after the last control, with no trap.
		const rest = await tabUntil(
			page,
			(p) => p.evaluate(() => document.activeElement === document.body || !document.hasFocus()),
			80
		);
		expect(rest.length).toBeGreaterThan(1);
		await page.close();
	});
});

describe('small screens: 200% zoom and 390 px wide', () => {
	// 200% zoom of a 1280 × 800 window lays the page out in 640 × 400 CSS pixels.
	for (const size of [
		{ name: '200% zoom', width: 640, height: 400 },
		{ name: '390 px wide', width: 390, height: 844 }
	]) {
		it(`keeps the board inside the page width and its card detail reachable and closable at ${size.name}`, async () => {
			const page = await officerPage(`/plans/${PLAN}?scope=all`);
			await page.setViewportSize({ width: size.width, height: size.height });
			await waitOnline(page);
			// Only the lanes' own column strip scrolls sideways, never the page.
			const width = await pageWidth(page);
			expect(width.scrollWidth, `page ${JSON.stringify(width)}`).toBeLessThanOrEqual(width.width);
			const taskId = await firstTaskId(page, BDBP);
			const button = card(page, BDBP, taskId).locator('[data-card-button]');
			await button.scrollIntoViewIfNeeded();
			await button.click();
			const detail = page.locator(`[data-testid="card-detail"][data-task="${taskId}"]`);
			await detail.waitFor();
			const box = await detail.boundingBox();
			expect(box).not.toBeNull();
			expect(box!.x).toBeGreaterThanOrEqual(0);
			expect(box!.x + box!.width).toBeLessThanOrEqual(size.width + 1);
			const close = detail.getByRole('button', { name: 'Đóng' });
			const closeBox = await close.boundingBox();
			expect(closeBox!.y).toBeGreaterThanOrEqual(0);
			expect(closeBox!.x + closeBox!.width).toBeLessThanOrEqual(size.width + 1);
			// The detail's own content scrolls; its last part is reachable.
			await detail.getByTestId('card-history').scrollIntoViewIfNeeded();
			expect(await detail.getByTestId('card-history').isVisible()).toBe(true);
			await close.click();
			await detail.waitFor({ state: 'detached' });
			const after = await pageWidth(page);
			expect(after.scrollWidth).toBeLessThanOrEqual(after.width);
			await page.close();
		});
	}
});

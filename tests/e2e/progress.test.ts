import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PLAN, boardSuite, card, firstTaskId, openCard } from './board-helpers.js';

const BDBP = 'bch-bdbp';
/**
 * A day after today: the live board, judged on that day. A day before today shows the board as
 * it stood at its end (the progress API and the exports read it the same way).
 */
const LATER = '2030-01-15';

const suite = boardSuite();

/** A signed-in context on the progress board, once its live documents are connected. */
async function progressPage(username: string, query = ''): Promise<Page> {
	const page = await (await suite.context(username)).newPage();
	await page.goto(`/plans/${PLAN}/progress${query}`);
	await page
		.locator('[data-testid="progress-live"][data-state="online"]')
		.waitFor({ timeout: 10_000 });
	return page;
}

const count = (page: Page, key: string) =>
	page.getByTestId(`count-${key}`).getByTestId('count-value').textContent().then(Number);

describe('progress board in Chromium', () => {
	it('updates a viewer’s counts within a second of an officer’s edit on the board', async () => {
		const viewer = await progressPage('lanhdao', `?asOf=${LATER}`);
		const doneBefore = await count(viewer, 'done_on_time');
		const overallBefore = await viewer.getByTestId('overall-detail').textContent();
		const bdbp = await suite.board('bdbp', '');
		const taskId = await firstTaskId(bdbp, BDBP);
		const detail = await openCard(bdbp, BDBP, taskId);
		await detail.getByTestId('detail-status').selectOption('done');
		await expect.poll(() => card(bdbp, BDBP, taskId).getAttribute('data-status')).toBe('done');
		// Done today, after the 2024 due date: the card is done late.
		const doneNow = async () =>
			(await count(viewer, 'done_on_time')) + (await count(viewer, 'done_late'));
		await expect.poll(doneNow, { timeout: 1000 }).toBe(doneBefore + 1);
		await expect
			.poll(() => viewer.getByTestId('overall-detail').textContent(), { timeout: 1000 })
			.not.toBe(overallBefore);
		// The viewer's page never offers an edit control.
		await expect(
			viewer.locator('textarea, select, [contenteditable], [draggable="true"]').count()
		).resolves.toBe(0);
	});

	it('shows a past day as the board stood then, and keeps the date in the URL', async () => {
		const page = await progressPage('lanhdao', `?asOf=${LATER}`);
		expect(await page.getByTestId('asof-line').textContent()).toContain('15/01/2030');
		const overdueLater = await count(page, 'overdue');
		// The 2024 plan is judged on 15/01/2030: everything unfinished with a due date is overdue.
		expect(overdueLater).toBeGreaterThan(0);
		expect(await page.getByTestId('overdue').getByTestId('task-row').count()).toBeGreaterThan(0);
		// On 01/10/2024 this board did not exist yet (it was created today): nothing to count,
		// and the page reads that day on the server instead of following the live documents.
		await page.getByTestId('asof-input').fill('2024-10-01');
		await expect.poll(() => page.getByTestId('asof-line').textContent()).toContain('01/10/2024');
		await expect.poll(() => page.getByTestId('overall-detail').textContent()).toMatch(/^0\/0 /);
		expect(await page.getByTestId('progress-live').count()).toBe(0);
		expect(await page.getByTestId('progress-history').textContent()).toContain('chỉ xem');
		expect(new URL(page.url()).searchParams.get('asOf')).toBe('2024-10-01');
		// Back to a day from today on: the live board again, with the same figures.
		await page.getByTestId('asof-input').fill(LATER);
		await page
			.locator('[data-testid="progress-live"][data-state="online"]')
			.waitFor({ timeout: 10_000 });
		await expect.poll(() => count(page, 'overdue')).toBe(overdueLater);
	});

	it('shows labelled charts, group roll-ups, the calendar and downloads', async () => {
		const page = await progressPage('lanhdao', `?asOf=${LATER}`);
		const agencyChart = page.getByTestId('chart-by-agency').locator('svg');
		expect(await agencyChart.getAttribute('role')).toBe('img');
		expect(await page.getByTestId('chart-by-agency').locator('desc').textContent()).toMatch(/\d+%/);
		expect(await page.getByTestId('chart-by-agency').getByTestId('bar').count()).toBeGreaterThan(3);
		expect(
			await page.getByTestId('chart-overall').locator('svg').getAttribute('aria-label')
		).toMatch(/Tiến độ chung: \d+%/);
		await expect
			.poll(() => page.getByTestId('all-tasks').getByTestId('agencies-done').first().textContent())
			.toMatch(/^\d+\/\d+ đơn vị hoàn thành$/);
		const agenda = await page.getByTestId('agenda').textContent();
		expect(agenda).toContain('10/11/2024');
		expect(agenda).toContain('22/12/2024');
		const docx = page.getByTestId('download-docx');
		expect(await docx.getAttribute('href')).toBe(
			`/api/plans/${PLAN}/export?format=docx&asOf=${LATER}`
		);
	});

	it('enlarges for meeting rooms and prints without navigation', async () => {
		const page = await progressPage('lanhdao');
		const before = await page
			.getByTestId('plan-title')
			.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
		await page.getByTestId('large-toggle').click();
		expect(await page.getByTestId('large-toggle').getAttribute('aria-pressed')).toBe('true');
		const after = await page
			.getByTestId('plan-title')
			.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
		expect(after).toBeGreaterThan(before * 1.3);
		await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('large');
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('.topbar').isVisible()).toBe(false);
		expect(await page.locator('.progress-tools').isVisible()).toBe(false);
		const color = await page.getByTestId('plan-title').evaluate((el) => getComputedStyle(el).color);
		expect(color).toBe('rgb(0, 0, 0)');
	});

	it('hides the downloads from officers, whom the export refuses', async () => {
		const page = await progressPage('ducco');
		expect(await page.getByTestId('downloads').count()).toBe(0);
		expect(await page.getByTestId('count-overdue').count()).toBe(1);
	});
});

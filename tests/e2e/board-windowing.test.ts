import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIG_PLAN, seedBigBoard } from '../../bench/board-render-seed.js';
import { seriousViolations } from './a11y-helpers.js';
import { testLocation } from '../support/test-database.js';
import { boardSuite, card, lane, waitOnline } from './board-helpers.js';

// A board of 240 tasks in 6 lanes (40 cards each, all to do): a column renders its first 10
// cards and more as they come into view, so most cards start outside the DOM.
const TASKS = 240;
const LANES = 6;
const PER_LANE = TASKS / LANES;

const suite = boardSuite();

beforeAll(() => {
	const { dataDir } = suite.app();
	const location = testLocation(`${dataDir}/planboard.db`);
	seedBigBoard({ dataDir, tasks: TASKS, lanes: LANES, location });
});

async function bigBoard(username: string): Promise<Page> {
	const page = await (await suite.context(username)).newPage();
	await page.goto(`/plans/${BIG_PLAN}`);
	await waitOnline(page, 30_000);
	await page.locator('[data-testid="lanes"][data-state="live"]').waitFor({ timeout: 30_000 });
	return page;
}

const search = async (page: Page, q: string) => {
	await page.getByTestId('filter-q').fill(q);
	await expect.poll(() => new URL(page.url()).searchParams.get('q') ?? '').toBe(q);
};

/** The agency and task of the card titled "Nhiệm vụ N:", found through search. */
async function findCard(page: Page, n: number): Promise<{ agencyId: string; taskId: string }> {
	await search(page, `nhiem vu ${n}`);
	// The query also matches other numbers (II.2.39 folds to ii239): the title tells them apart.
	const found = page.locator('[data-testid="card"]', {
		has: page.locator('.title', { hasText: `Nhiệm vụ ${n}:` })
	});
	await found.waitFor();
	const agencyId = (await found.getAttribute('data-agency')) ?? '';
	const taskId = (await found.getAttribute('data-task')) ?? '';
	await search(page, '');
	return { agencyId, taskId };
}

const rendered = (page: Page) => page.locator('[data-testid="card"]').count();

describe('a windowed board keeps every card reachable', () => {
	it('renders only the first cards, counts them all, and search finds and opens one off-screen', async () => {
		const page = await bigBoard('sotttt');
		const lanes = page.getByTestId('lane');
		await expect(lanes.count()).resolves.toBe(LANES);
		expect(await rendered(page)).toBeLessThan(TASKS);
		const last = lanes.last();
		await expect(last.locator('.lane-head .count').textContent()).resolves.toContain(
			`${PER_LANE}/${PER_LANE}`
		);
		const todo = last.locator('.column[data-status="todo"]');
		await expect(todo.getAttribute('aria-label')).resolves.toContain(`(${PER_LANE})`);
		// Each rendered card tells a screen reader its place in the whole column.
		const first = todo.locator('[data-testid="card"]').first();
		await expect(first.getAttribute('aria-posinset')).resolves.toBe('1');
		await expect(first.getAttribute('aria-setsize')).resolves.toBe(String(PER_LANE));

		// The last task is at the bottom of the last lane, not in the DOM; search brings it.
		const title = page.locator('[data-testid="card"] .title', { hasText: `Nhiệm vụ ${TASKS}:` });
		expect(await title.count()).toBe(0);
		await search(page, `nhiem vu ${TASKS}`);
		await title.waitFor();
		await title.click();
		const detail = page.getByTestId('card-detail');
		await detail.waitFor();
		await expect(detail.textContent()).resolves.toContain(`Nhiệm vụ ${TASKS}:`);
		expect(await seriousViolations(page, { include: '[data-testid="lanes"]' })).toEqual([]);
		await page.close();
	}, 120_000);

	it('walks every card of every lane with Tab alone, lane after lane', async () => {
		const page = await bigBoard('sotttt');
		const order = await page
			.getByTestId('lane')
			.evaluateAll((els) => els.map((e) => e.getAttribute('data-agency') ?? ''));
		await lane(page, order[0]).locator('.lane-head button').focus();
		const seen: { agency: string; task: string }[] = [];
		for (let i = 0; i < TASKS + 3 * LANES; i++) {
			await page.keyboard.press('Tab');
			const at = await page.evaluate(() => {
				const slot = document.activeElement?.closest<HTMLElement>('[data-testid="card"]');
				const inLane = document.activeElement?.closest<HTMLElement>('[data-testid="lane"]');
				return {
					task: slot?.dataset.task ?? '',
					agency: inLane?.dataset.agency ?? '',
					onBoard: !!document.activeElement?.closest('[data-testid="lanes"]')
				};
			});
			if (!at.onBoard) break;
			if (at.task) seen.push({ agency: at.agency, task: at.task });
		}
		// Every card once, and the lanes in board order: the windows grew as focus reached them.
		expect(new Set(seen.map((s) => s.task)).size).toBe(TASKS);
		expect(seen.length).toBe(TASKS);
		expect([...new Set(seen.map((s) => s.agency))]).toEqual(order);
		await page.close();
	}, 240_000);

	it('shows a card moved by someone else while it was off-screen in its new place when scrolled to', async () => {
		const watcher = await bigBoard('sotttt');
		const mover = await bigBoard('admin');
		const { agencyId, taskId } = await findCard(mover, TASKS - 1);
		expect(await card(watcher, agencyId, taskId).count()).toBe(0);

		// The other coordinator moves it, by keyboard, from the bottom of "to do" to the next column.
		await search(mover, `nhiem vu ${TASKS - 1}`);
		await card(mover, agencyId, taskId).locator('[data-card-button]').focus();
		await mover.keyboard.press('Alt+ArrowRight');
		await expect
			.poll(() => card(mover, agencyId, taskId).getAttribute('data-status'))
			.not.toBe('todo');
		const moved = await card(mover, agencyId, taskId).getAttribute('data-status');
		await waitOnline(mover);

		// The watcher's lane counts it at once; scrolled to, the card is in its new column.
		const column = lane(watcher, agencyId).locator(`.column[data-status="${moved}"]`);
		await expect.poll(() => column.locator('h3 .n').textContent(), { timeout: 10_000 }).toBe('1');
		await lane(watcher, agencyId).scrollIntoViewIfNeeded();
		const tile = column.locator(`[data-testid="card"][data-task="${taskId}"]`);
		await tile.waitFor({ timeout: 10_000 });
		await expect(tile.isVisible()).resolves.toBe(true);
		// And no longer in "to do", once scrolling down that column has brought all its cards.
		const todo = lane(watcher, agencyId).locator('.column[data-status="todo"]');
		await expect(todo.locator('h3 .n').textContent()).resolves.toBe(String(PER_LANE - 1));
		const todoCards = todo.locator('[data-testid="card"]');
		await expect
			.poll(
				async () => {
					await todoCards.last().scrollIntoViewIfNeeded();
					return todoCards.count();
				},
				{ timeout: 20_000 }
			)
			.toBe(PER_LANE - 1);
		expect(await todo.locator(`[data-task="${taskId}"]`).count()).toBe(0);
	}, 120_000);
});

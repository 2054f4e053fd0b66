import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './a11y-helpers.js';
import { boardSuite, card, firstTaskId, lane, openCard } from './board-helpers.js';

const BDBP = 'bch-bdbp';
const { board } = boardSuite();

/** The card detail open on the page, as "agency/task", or '' when none is. */
async function openDetail(page: Page): Promise<string> {
	const detail = page.getByTestId('card-detail');
	if ((await detail.count()) === 0) return '';
	return `${await detail.getAttribute('data-agency')}/${await detail.getAttribute('data-task')}`;
}

/** A lane other than `except` that has a card, and that card's task id. */
async function otherLaneCard(page: Page, except: string): Promise<[string, string]> {
	for (const l of await page.getByTestId('lane').all()) {
		const agencyId = await l.getAttribute('data-agency');
		if (!agencyId || agencyId === except) continue;
		if ((await lane(page, agencyId).locator('[data-testid="card"]').count()) > 0)
			return [agencyId, await firstTaskId(page, agencyId)];
	}
	throw new Error('no second lane with a card');
}

async function close(detail: Locator): Promise<void> {
	await detail.getByRole('button', { name: 'Đóng' }).first().click();
}

describe('follow mode in Chromium', () => {
	it('a participant follows the presenter across lanes and cards, and stops following', async () => {
		const presenter = await board('sotttt');
		const follower = await board('lanhdao');

		// The follower sees the presenter on the board and follows them.
		const chip = follower.getByTestId('peer');
		await chip.waitFor({ timeout: 10_000 });
		expect(await chip.count()).toBe(1);
		const name = (await chip.locator('.name').textContent())!;
		const follow = chip.locator('button.follow');
		await follow.click();
		expect(await follow.getAttribute('aria-pressed')).toBe('true');
		const following = follower.getByTestId('presence').getByRole('status');
		await expect(following.textContent()).resolves.toBe(`Đang theo dõi ${name}`);
		expect(await seriousViolations(follower, { include: '[data-testid="presence"]' })).toEqual([]);

		// The presenter opens a card in one lane: the follower's board opens the same card.
		const first = await firstTaskId(presenter, BDBP);
		await openCard(presenter, BDBP, first);
		await expect.poll(() => openDetail(follower), { timeout: 10_000 }).toBe(`${BDBP}/${first}`);

		// Then a card in another lane: the follower's detail moves with them.
		const [otherAgency, other] = await otherLaneCard(presenter, BDBP);
		await openCard(presenter, otherAgency, other);
		await expect
			.poll(() => openDetail(follower), { timeout: 10_000 })
			.toBe(`${otherAgency}/${other}`);
		expect(new URL(follower.url()).searchParams.get('card')).toBe(`${otherAgency}/${other}`);

		// The presenter closes it: so does the follower's board.
		await close(presenter.getByTestId('card-detail'));
		await expect.poll(() => openDetail(follower), { timeout: 10_000 }).toBe('');

		// Stopped following, the follower still sees where the presenter is, but stays put.
		await follow.click();
		expect(await follow.getAttribute('aria-pressed')).toBe('false');
		expect(await following.count()).toBe(0);
		await openCard(presenter, BDBP, first);
		await card(follower, BDBP, first).getByTestId('card-openers').waitFor({ timeout: 10_000 });
		expect(await openDetail(follower)).toBe('');
	}, 150_000);
});

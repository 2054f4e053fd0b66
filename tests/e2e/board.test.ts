import { describe, expect, it } from 'vitest';
import { gotoBeforeHydration } from '../support/browser.js';
import {
	PLAN,
	card,
	firstTaskId,
	lane,
	openCard,
	waitOnline,
	boardSuite
} from './board-helpers.js';

const BDBP = 'bch-bdbp';

const { board, context: signedIn } = boardSuite();

describe('board: real-time collaboration in Chromium', () => {
	it('shows officers of two agencies each other’s edits and presence within a second', async () => {
		const bdbp = await board('bdbp');
		const ducco = await board('ducco');
		const taskId = await firstTaskId(bdbp, BDBP);
		await expect
			.poll(() => ducco.getByTestId('peer').allTextContents(), { timeout: 1000 })
			.toEqual([expect.stringContaining('Bộ Chỉ huy Bộ đội Biên phòng tỉnh')]);
		const detail = await openCard(bdbp, BDBP, taskId);
		await expect
			.poll(() => card(ducco, BDBP, taskId).getByTestId('card-openers').count(), { timeout: 1000 })
			.toBe(1);
		await detail.getByTestId('detail-progress').fill('40');
		await detail.getByTestId('detail-progress').press('Enter');
		await detail.getByTestId('detail-progress').blur();
		await expect
			.poll(() => card(ducco, BDBP, taskId).locator('.pct').textContent(), { timeout: 1000 })
			.toContain('40%');
		// ducco reads bdbp's card but gets no control to change it.
		const seen = await openCard(ducco, BDBP, taskId);
		await expect(seen.getByTestId('detail-progress').evaluate((el) => el.tagName)).resolves.toBe(
			'OUTPUT'
		);
	});

	it('merges two people typing into the same notes field at once', async () => {
		const bdbp = await board('bdbp');
		const coord = await board('sotttt');
		const taskId = await firstTaskId(bdbp, BDBP);
		const a = (await openCard(bdbp, BDBP, taskId)).getByTestId('notes');
		const b = (await openCard(coord, BDBP, taskId)).getByTestId('notes');
		// One starts first: the other's field, not yet focused, keeps its caret where it was
		// instead of jumping behind the newcomer's letter, so neither sentence is split.
		const before = await a.inputValue();
		await a.pressSequentially('B');
		await expect.poll(() => b.inputValue(), { timeout: 3000 }).toBe(`${before}B`);
		expect(await b.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(before.length);
		await Promise.all([
			a.pressSequentially('iên phòng đã tuyên truyền. ', { delay: 15 }),
			b.pressSequentially('Sở TT&TT góp ý. ', { delay: 15 })
		]);
		// Polled as one: both sentences can be in both fields while the last letter of one of them
		// is still on its way to the other field (seen as a missing trailing space).
		const both = async () => {
			const [x, y] = [await a.inputValue(), await b.inputValue()];
			return { same: x === y, text: x };
		};
		await expect.poll(both, { timeout: 3000 }).toEqual({
			same: true,
			text: expect.stringMatching(/(?=.*Biên phòng đã tuyên truyền\.)(?=.*Sở TT&TT góp ý\.)/)
		});
	});

	it('keeps an edit made offline and delivers it when the connection returns', async () => {
		const bdbp = await board('bdbp');
		const coord = await board('sotttt');
		const taskId = await firstTaskId(bdbp, BDBP);
		const notes = (await openCard(bdbp, BDBP, taskId)).getByTestId('notes');
		const theirs = (await openCard(coord, BDBP, taskId)).getByTestId('notes');
		await bdbp.context().setOffline(true);
		await bdbp.locator('[data-testid="sync-status"][data-state="offline"]').waitFor();
		await notes.press('End');
		await notes.pressSequentially(' Ghi chú ngoại tuyến.');
		await expect
			.poll(() => bdbp.getByTestId('sync-status').textContent())
			.toMatch(/\d+ thay đổi đang chờ/);
		await new Promise((r) => setTimeout(r, 300));
		expect(await theirs.inputValue()).not.toContain('Ghi chú ngoại tuyến.');
		await bdbp.context().setOffline(false);
		await expect
			.poll(() => theirs.inputValue(), { timeout: 10_000 })
			.toContain('Ghi chú ngoại tuyến.');
		await waitOnline(bdbp);
	});

	it('shows a viewer edits live and gives them no edit control', async () => {
		const viewer = await board('lanhdao', '');
		const bdbp = await board('bdbp');
		const taskId = await firstTaskId(bdbp, BDBP);
		await expect(viewer.locator('[data-card-button][draggable="true"]').count()).resolves.toBe(0);
		const seen = await openCard(viewer, BDBP, taskId);
		await expect(seen.locator('input, select, textarea:not([readonly])').count()).resolves.toBe(0);
		await expect(seen.getByRole('button').allTextContents()).resolves.toEqual(['✕']);
		await expect(seen.getByTestId('read-only-notice').count()).resolves.toBe(1);
		const detail = await openCard(bdbp, BDBP, taskId);
		await detail.getByTestId('detail-status').selectOption('awaiting_review');
		await expect
			.poll(() => card(viewer, BDBP, taskId).getAttribute('data-status'), { timeout: 1000 })
			.toBe('awaiting_review');
		await expect(seen.getByTestId('detail-status').textContent()).resolves.toBe('Chờ xác nhận');
	});

	it('moves a card by keyboard, announces it, and keeps it moved after reload', async () => {
		const bdbp = await board('bdbp', '');
		const taskId = await firstTaskId(bdbp, BDBP);
		const before = await card(bdbp, BDBP, taskId).getAttribute('data-status');
		expect(before).not.toBe('paused');
		await card(bdbp, BDBP, taskId).locator('[data-card-button]').focus();
		await bdbp.keyboard.press('Alt+ArrowRight');
		const after = await card(bdbp, BDBP, taskId).getAttribute('data-status');
		expect(after).not.toBe(before);
		await expect(bdbp.getByTestId('announcer').textContent()).resolves.toMatch(
			/Đã chuyển thẻ .* sang cột/
		);
		// Focus follows the card, so the next key press moves it again.
		await expect(
			bdbp.evaluate(() =>
				document.activeElement?.closest('[data-testid="card"]')?.getAttribute('data-task')
			)
		).resolves.toBe(taskId);
		await waitOnline(bdbp);
		await bdbp.reload();
		await waitOnline(bdbp);
		await expect(card(bdbp, BDBP, taskId).getAttribute('data-status')).resolves.toBe(after);
	});

	it('ends two concurrent moves of the same card with exactly one card', async () => {
		const bdbp = await board('bdbp');
		const coord = await board('sotttt');
		const taskId = await firstTaskId(bdbp, BDBP);
		await bdbp.context().setOffline(true);
		await coord.context().setOffline(true);
		await card(bdbp, BDBP, taskId).locator('[data-card-button]').focus();
		await bdbp.keyboard.press('Alt+ArrowRight');
		await card(coord, BDBP, taskId).locator('[data-card-button]').focus();
		await coord.keyboard.press('Alt+ArrowLeft');
		await coord.keyboard.press('Alt+ArrowLeft');
		await bdbp.context().setOffline(false);
		await coord.context().setOffline(false);
		await waitOnline(bdbp);
		await waitOnline(coord);
		await expect
			.poll(async () => [
				await card(bdbp, BDBP, taskId).count(),
				await card(coord, BDBP, taskId).count(),
				(await card(bdbp, BDBP, taskId).getAttribute('data-status')) ===
					(await card(coord, BDBP, taskId).getAttribute('data-status'))
			])
			.toEqual([1, 1, true]);
		const count = await lane(bdbp, BDBP).locator('[data-testid="card"]').count();
		expect(await lane(coord, BDBP).locator('[data-testid="card"]').count()).toBe(count);
	});

	it('filters by diacritic-free search, keeps the filter in the URL, and a link reproduces it', async () => {
		const page = await board('sotttt');
		const all = await page.getByTestId('lane').count();
		await page.getByTestId('filter-q').fill('duc co');
		await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('duc co');
		await expect(lane(page, 'ubnd-duc-co').count()).resolves.toBe(1);
		const filtered = await page
			.getByTestId('lane')
			.evaluateAll((els) => els.map((e) => e.getAttribute('data-agency')));
		expect(filtered.length).toBeLessThan(all);
		const copy = await board('lanhdao', new URL(page.url()).search);
		await expect(copy.getByTestId('filter-q').inputValue()).resolves.toBe('duc co');
		await expect(
			copy.getByTestId('lane').evaluateAll((els) => els.map((e) => e.getAttribute('data-agency')))
		).resolves.toEqual(filtered);
	});

	it('keeps a search typed before the board’s script ran, and filters by it', async () => {
		const page = await (await signedIn('sotttt')).newPage();
		const hydrate = await gotoBeforeHydration(page, `/plans/${PLAN}?scope=all`);
		await page.getByTestId('filter-q').fill('duc co');
		await hydrate();
		expect(await page.getByTestId('filter-q').inputValue()).toBe('duc co');
		await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('duc co');
		await expect
			.poll(() =>
				page.getByTestId('lane').evaluateAll((els) => els.map((e) => e.getAttribute('data-agency')))
			)
			.toContain('ubnd-duc-co');
		const filtered = await page.getByTestId('lane').count();
		await page.getByTestId('filter-q').fill('');
		await expect.poll(() => page.getByTestId('lane').count()).toBeGreaterThan(filtered);
	});

	it('clears the user’s cached documents, pages and identity on logout', async () => {
		const page = await board('bdbp');
		const cached = () =>
			page.evaluate(async () =>
				(await indexedDB.databases())
					.map((d) => d.name ?? '')
					.filter((n) => n.startsWith('planboard:'))
			);
		// The service worker's copy of the board page and the saved identity name the user too.
		const kept = () =>
			page.evaluate(async () => ({
				pages: (await caches.keys()).filter((k) => k.startsWith('planboard-pages-')).length,
				storage: Object.keys(localStorage).filter((k) => k.startsWith('planboard:')).length
			}));
		await expect.poll(async () => (await cached()).length).toBeGreaterThan(1);
		await expect.poll(kept).toEqual({ pages: 1, storage: 1 });
		await page.getByRole('button', { name: 'Đăng xuất' }).click();
		await page.waitForURL(/\/login/);
		await expect.poll(cached).toEqual([]);
		await expect(kept()).resolves.toEqual({ pages: 0, storage: 0 });
	});
});

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TIMELINESS } from '@planboard/model';
import { contrastRatio, seriousViolations } from './a11y-helpers.js';
import {
	PLAN,
	boardSuite,
	firstTaskId,
	openCard,
	openFirstAsOfCard,
	rolePages,
	waitOnline
} from './board-helpers.js';

const BDBP = 'bch-bdbp';
/** A day after today: the progress board judges the 2024 plan late, so every table has rows. */
const LATER = '2030-01-15';

/** A small plan with an agency the directory does not know, so the preview asks to map it. */
const TEXT_PLAN = readFileSync(
	new URL('../../packages/boards/src/fixtures/bien-gioi-2025.txt', import.meta.url),
	'utf8'
);

const roles = rolePages(boardSuite());

/** A new page of the role's context at `path`, with uncaught errors collected. */
async function visit(username: string | null, path: string): Promise<Page> {
	const page = await roles.newPage(username);
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(path);
	// A page that threw while hydrating is not the page users get; say so before checking it.
	expect(errors).toEqual([]);
	return page;
}

async function boardPage(username: string, query = ''): Promise<Page> {
	const page = await visit(username, `/plans/${PLAN}${query}`);
	await waitOnline(page);
	return page;
}

async function progressPage(username: string | null, path: string): Promise<Page> {
	const page = await visit(username, path);
	await page
		.locator('[data-testid="progress-live"][data-state="online"]')
		.waitFor({ timeout: 10_000 });
	return page;
}

// axe takes seconds per page on the shared 2-core machine (tens of seconds under load), so each
// state is checked once: the whole board once with every lane, then one lane (`agency=`) where
// only a panel differs, and panels that open over a checked page on their own (`include`).
const ONE_LANE = `?agency=${BDBP}`;

describe(
	'accessibility: axe-core finds no serious or critical violation',
	{ timeout: 120_000 },
	() => {
		it('reports a broken page (the check itself can fail)', async () => {
			const page = await visit(null, '/login');
			await page.evaluate(() => {
				const bad = document.createElement('div');
				bad.innerHTML =
					'<button type="button"></button><p style="color:#bbb;background:#fff">faint</p>';
				// Outside the app's root, so hydration cannot take it away.
				document.body.append(bad);
			});
			const found = await seriousViolations(page);
			expect(found).toEqual(
				expect.arrayContaining([
					expect.stringMatching(/^button-name /),
					expect.stringMatching(/^color-contrast /)
				])
			);
		});

		it('login page, in Vietnamese and in English (html lang follows)', async () => {
			const page = await visit(null, '/login');
			expect(await page.getAttribute('html', 'lang')).toBe('vi');
			expect(await seriousViolations(page)).toEqual([]);
			await page.getByRole('button', { name: 'English' }).click();
			await page.getByRole('heading', { name: 'Sign in' }).waitFor();
			expect(await page.getAttribute('html', 'lang')).toBe('en');
			expect(await seriousViolations(page)).toEqual([]);
			// Back to Vietnamese: the anonymous context is shared with the share-link test.
			await page.getByRole('button', { name: 'Tiếng Việt' }).click();
			await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
		});

		it('plan list with the calendar feed section and a new feed address', async () => {
			const page = await visit('bdbp', '/');
			await page.getByTestId('calendar-feed-reset').click();
			await page.getByTestId('calendar-feed-url').waitFor();
			expect(await page.getByTestId('plan-link').count()).toBeGreaterThan(0);
			expect(await seriousViolations(page)).toEqual([]);
		});

		it('board with every lane (viewer), and its read-only card detail', async () => {
			const page = await boardPage('lanhdao', '?scope=all');
			expect(await page.getByTestId('lane').count()).toBeGreaterThan(10);
			expect(await page.locator('.card .badge').count()).toBeGreaterThan(0);
			expect(await seriousViolations(page)).toEqual([]);
			const detail = await openCard(page, BDBP, await firstTaskId(page, BDBP));
			await detail.getByTestId('card-history').waitFor();
			expect(await detail.getByTestId('read-only-notice').count()).toBe(1);
			expect(await seriousViolations(page, { include: '[data-testid="card-detail"]' })).toEqual([]);
		});

		it('board with a writable card detail open (officer, own card)', async () => {
			const page = await boardPage('bdbp', ONE_LANE);
			const detail = await openCard(page, BDBP, await firstTaskId(page, BDBP));
			await detail.getByTestId('card-history').waitFor();
			expect(await detail.getByTestId('detail-status').evaluate((el) => el.tagName)).toBe('SELECT');
			expect(await seriousViolations(page)).toEqual([]);
		});

		it('plan editor panel open on a task (coordinator)', async () => {
			const page = await boardPage('sotttt', ONE_LANE);
			await page.getByTestId('plan-edit-toggle').click();
			await page.getByTestId('plan-task').first().locator('.pick').click();
			await page.getByTestId('plan-task-editor').waitFor();
			expect(await seriousViolations(page)).toEqual([]);
		});

		it('meeting: the start form, a running meeting, and the minutes list after it', async () => {
			const page = await boardPage('sotttt', ONE_LANE);
			await page.getByTestId('meeting-start-open').click();
			await page.getByTestId('meeting-place').fill('Phòng họp tầng 2');
			const first = page.locator('[data-testid="agenda-pick"] option[value^="task:"]').first();
			await page.getByTestId('agenda-pick').selectOption((await first.getAttribute('value'))!);
			await page.getByTestId('agenda-add').click();
			expect(await seriousViolations(page, { include: '[data-testid="meeting-start"]' })).toEqual(
				[]
			);
			await page.getByTestId('meeting-begin').click();
			await page.getByTestId('meeting-bar').waitFor();
			expect(await seriousViolations(page, { include: '[data-testid="meeting-bar"]' })).toEqual([]);
			await page.getByTestId('meeting-end').click();
			await page.getByTestId('minutes-list').waitFor({ timeout: 10_000 });
			expect(await seriousViolations(page, { include: '[data-testid="minutes-list"]' })).toEqual(
				[]
			);
		});

		it('board as of an instant, with a card detail open', async () => {
			const instant = encodeURIComponent(new Date().toISOString());
			const page = await visit('bdbp', `/plans/${PLAN}${ONE_LANE}&asOf=${instant}`);
			await openFirstAsOfCard(page, BDBP);
			// Opening it put focus in it, as on the live board.
			expect(
				await page.evaluate(() => !!document.activeElement?.closest('[data-testid="card-detail"]'))
			).toBe(true);
			expect(await seriousViolations(page)).toEqual([]);
		});

		it('progress board for a viewer, and for a coordinator with downloads, enlarged', async () => {
			const viewer = await progressPage('lanhdao', `/plans/${PLAN}/progress?asOf=${LATER}`);
			expect(await viewer.getByTestId('overdue').getByTestId('task-row').count()).toBeGreaterThan(
				0
			);
			expect(await seriousViolations(viewer)).toEqual([]);
			const coordinator = await progressPage(
				'sotttt',
				`/plans/${PLAN}/progress?asOf=${LATER}&view=large`
			);
			expect(await coordinator.getByTestId('downloads').count()).toBe(1);
			expect(await seriousViolations(coordinator)).toEqual([]);
		});

		it('share links page after creating a link, and the shared progress board', async () => {
			const links = await visit('sotttt', '/admin/links');
			await links.getByTestId('link-label').fill('Kiểm tra trợ năng');
			await links.getByTestId('create-link').click();
			const url = await links.getByTestId('share-url').inputValue();
			await links.getByTestId('link-row').first().waitFor();
			expect(await seriousViolations(links)).toEqual([]);
			const shared = await progressPage(null, new URL(url).pathname);
			expect(await seriousViolations(shared)).toEqual([]);
		});

		it('admin page', async () => {
			const page = await visit('admin', '/admin');
			expect(await seriousViolations(page)).toEqual([]);
		});

		it('account page: the email form, the server refusing an address, and saving one', async () => {
			const page = await visit('bdbp', '/');
			await page.getByTestId('account-link').click();
			await page.getByRole('heading', { name: 'Thư nhắc việc hằng ngày' }).waitFor();
			expect(await seriousViolations(page)).toEqual([]);
			// The browser takes "user@host" as an email; the server wants a dotted domain.
			const input = page.getByLabel('Địa chỉ email');
			await input.fill('canbo@bienphong');
			await page.getByTestId('account-save').click();
			await page.getByTestId('account-error').waitFor();
			expect(await input.getAttribute('aria-invalid')).toBe('true');
			expect(await seriousViolations(page)).toEqual([]);
			await input.fill('canbo@bienphong.gialai.gov.vn');
			await page.getByTestId('account-save').click();
			await page.getByTestId('account-saved').waitFor();
			expect(await seriousViolations(page)).toEqual([]);
			await page.reload();
			expect(await page.getByLabel('Địa chỉ email').inputValue()).toBe(
				'canbo@bienphong.gialai.gov.vn'
			);
		});

		it('digest unsubscribe page: the question, and the answer to an unknown link', async () => {
			// Opened from an email without a session; a token no digest carried gets the error.
			const page = await visit(null, `/unsubscribe/${'A'.repeat(43)}`);
			await page.getByRole('heading', { name: 'Ngừng nhận thư nhắc việc' }).waitFor();
			expect(await seriousViolations(page)).toEqual([]);
			await page.getByRole('button', { name: 'Ngừng nhận thư' }).click();
			await page.getByRole('alert').waitFor();
			expect(await seriousViolations(page)).toEqual([]);
		});

		it('new plan page, empty and with a preview', async () => {
			const page = await visit('sotttt', '/plans/new');
			expect(await seriousViolations(page)).toEqual([]);
			await page.getByTestId('plan-text').fill(TEXT_PLAN);
			await page.getByTestId('preview-plan').click();
			await page.getByTestId('plan-preview').waitFor();
			expect(await seriousViolations(page)).toEqual([]);
		});
	}
);

describe('accessibility: status and timeliness colours at WCAG AA', { timeout: 120_000 }, () => {
	it('every timeliness badge passes axe color-contrast', async () => {
		const page = await boardPage('bdbp', ONE_LANE);
		// Today most cards of the 2024 plan are overdue: render one badge per timeliness with the
		// board's own classes, beside a real badge, and check them all.
		await page.evaluate(
			(kinds) => {
				const real = document.querySelector('.card .badge');
				if (!real?.parentElement) throw new Error('no badge on the board');
				const box = document.createElement('span');
				box.className = 'a11y-sample';
				for (const k of kinds) {
					const b = document.createElement('span');
					b.className = `badge tl-${k}`;
					b.textContent = k;
					box.append(b);
				}
				real.parentElement.append(box);
			},
			[...TIMELINESS]
		);
		expect(await page.locator('.a11y-sample .badge').count()).toBe(TIMELINESS.length);
		expect(await seriousViolations(page, { include: '.card', rules: ['color-contrast'] })).toEqual(
			[]
		);
	});

	it('the timeliness bar’s numbers on their coloured segments reach 4.5:1', async () => {
		// axe does not check SVG text, so the ratio is computed from the drawn colours.
		const page = await progressPage('lanhdao', `/plans/${PLAN}/progress?asOf=${LATER}`);
		const pairs = await page.evaluate(
			(kinds) => {
				const svg = document.querySelector('.chart-counts svg');
				if (!svg) throw new Error('no timeliness bar');
				return kinds.map((k) => {
					const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
					rect.setAttribute('class', `seg tl-${k}`);
					const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
					text.setAttribute('class', `seg-text tl-${k}`);
					svg.append(rect, text);
					const pair = {
						kind: k,
						fill: getComputedStyle(rect).fill,
						text: getComputedStyle(text).fill
					};
					rect.remove();
					text.remove();
					return pair;
				});
			},
			[...TIMELINESS]
		);
		const ratios = Object.fromEntries(
			pairs.map((p) => [p.kind, Math.round(contrastRatio(p.fill, p.text) * 100) / 100])
		);
		for (const k of TIMELINESS)
			expect(ratios[k], `${k}: ${JSON.stringify(ratios)}`).toBeGreaterThanOrEqual(4.5);
	});
});

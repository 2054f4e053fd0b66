import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/app-server.js';
import { seriousViolations } from './a11y-helpers.js';
import { PLAN, boardSuite, card, firstTaskId, openCard, waitOnline } from './board-helpers.js';

const BDBP = 'bch-bdbp';

const { board, context } = boardSuite();

/**
 * Ends the page's session from outside the browser, as a logout in another browser does: the
 * session's own token, sent as a bearer token, to POST /api/logout.
 */
async function logoutElsewhere(page: Page): Promise<void> {
	const cookies = await page.context().cookies();
	const token = cookies.find((c) => c.name === 'planboard_session')?.value;
	if (!token) throw new Error('the page has no session cookie');
	const origin = new URL(page.url()).origin;
	const res = await fetch(`${origin}/api/logout`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
	});
	expect(res.status).toBe(200);
	// The token is dead for the API too, so a sign-in is really needed.
	const after = await fetch(`${origin}/api/plans`, {
		headers: { authorization: `Bearer ${token}` }
	});
	expect(after.status).toBe(401);
}

/** Signs in on the sign-in page the session-ended notice links to, back to the board. */
async function signInAgain(page: Page, username: string): Promise<void> {
	await page.getByTestId('session-ended').getByTestId('sign-in-again').click();
	await page.waitForURL(/\/login\?next=/);
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.waitForURL((url) => url.pathname === `/plans/${PLAN}`);
	await waitOnline(page, 30_000);
}

/**
 * Takes the officer's board offline and changes the status of their lane's first card there:
 * one edit waiting in IndexedDB. Returns the card and its status before and after.
 */
async function offlineEdit(
	page: Page
): Promise<{ taskId: string; before: string | null; next: string }> {
	const taskId = await firstTaskId(page, BDBP);
	const before = await card(page, BDBP, taskId).getAttribute('data-status');
	const next = before === 'paused' ? 'in_progress' : 'paused';
	await page.context().setOffline(true);
	await page.locator('[data-testid="sync-status"][data-state="offline"]').waitFor();
	const detail = await openCard(page, BDBP, taskId);
	await detail.getByTestId('detail-status').selectOption(next);
	await expect.poll(() => card(page, BDBP, taskId).getAttribute('data-status')).toBe(next);
	return { taskId, before, next };
}

/** Counts the WebSockets the page opens from now on. */
function countSockets(page: Page): () => number {
	let opened = 0;
	page.on('websocket', () => opened++);
	return () => opened;
}

describe('board: a session ended elsewhere', () => {
	it('says the session ended on close code 4401, offers sign-in and stops reconnecting', async () => {
		const ducco = await board('ducco');
		const sockets = countSockets(ducco);
		await logoutElsewhere(ducco);

		const notice = ducco.getByTestId('session-ended');
		await notice.waitFor({ timeout: 10_000 });
		await expect(notice.textContent()).resolves.toContain('Phiên đăng nhập đã kết thúc');
		await expect(
			ducco.locator('[data-testid="sync-status"][data-state="ended"]').textContent()
		).resolves.toContain('Đã ngắt kết nối');
		const link = notice.getByTestId('sign-in-again');
		await expect(link.textContent()).resolves.toBe('Đăng nhập lại');
		const next = new URL(ducco.url());
		await expect(link.getAttribute('href')).resolves.toBe(
			`/login?next=${encodeURIComponent(next.pathname + next.search)}`
		);
		// The notice and the header it sits in pass the same accessibility check as every page
		// (the rest of the board is checked in a11y-pages.test.ts).
		expect(await seriousViolations(ducco, { include: '.board-head' })).toEqual([]);
		// The close code alone ends it: no new socket, neither the provider's retry after a
		// second nor the 2 s online kick, then or later.
		await new Promise((r) => setTimeout(r, 3500));
		expect(sockets()).toBe(0);
		await expect(ducco.getByTestId('sync-status').getAttribute('data-state')).resolves.toBe(
			'ended'
		);
	}, 60_000);

	it('keeps an unsent offline edit through the refusal and delivers it after signing in again', async () => {
		const bdbp = await board('bdbp');
		const coord = await board('sotttt');
		const { taskId, before, next } = await offlineEdit(bdbp);

		await logoutElsewhere(bdbp);
		await bdbp.context().setOffline(false);
		// Back online, the socket opens but every document is refused: the page says why instead
		// of showing "offline" forever, and the edit is still waiting.
		const notice = bdbp.getByTestId('session-ended');
		await notice.waitFor({ timeout: 10_000 });
		await expect(notice.textContent()).resolves.toMatch(
			/Phiên đăng nhập đã kết thúc.*1 thay đổi chưa gửi được giữ trên máy này/
		);
		expect(await card(coord, BDBP, taskId).getAttribute('data-status')).toBe(before);

		await signInAgain(bdbp, 'bdbp');
		await expect(bdbp.getByTestId('session-ended').count()).resolves.toBe(0);
		await expect
			.poll(() => card(coord, BDBP, taskId).getAttribute('data-status'), { timeout: 10_000 })
			.toBe(next);
		expect(await card(bdbp, BDBP, taskId).getAttribute('data-status')).toBe(next);
	}, 90_000);

	it('drops the unsent edits to a document the user may no longer write after an agency change, and says so', async () => {
		const bdbp = await board('bdbp');
		const coord = await board('sotttt');
		const { taskId, before } = await offlineEdit(bdbp);

		// Meanwhile the admin moves the officer to another agency, which ends their session.
		const admin = await (await context('admin')).newPage();
		await admin.goto('/admin');
		const row = admin.locator('[data-testid="user-row"][data-username="bdbp"]');
		const update = row.locator('form[action="?/update"]');
		await update.locator('select[name="agencyId"]').selectOption('ubnd-duc-co');
		await update.getByRole('button', { name: 'Lưu' }).click();
		await expect(admin.getByTestId('admin-message').textContent()).resolves.toContain(
			'Đã cập nhật bdbp'
		);
		await admin.close();

		await bdbp.context().setOffline(false);
		await bdbp.getByTestId('session-ended').waitFor({ timeout: 10_000 });
		await signInAgain(bdbp, 'bdbp');
		// The border guard's lane is no longer theirs to write: the edit is dropped, not replayed
		// into a read-only copy where it would look stored, and the board says so.
		const dropped = bdbp.getByTestId('edits-discarded');
		await dropped.waitFor();
		await expect(dropped.textContent()).resolves.toMatch(
			/Bạn không còn quyền sửa Bộ Chỉ huy Bộ đội Biên phòng tỉnh.*1 thay đổi chưa gửi/
		);
		expect(await card(bdbp, BDBP, taskId).getAttribute('data-status')).toBe(before);
		expect(await card(coord, BDBP, taskId).getAttribute('data-status')).toBe(before);
		// Dropped once: the next load has nothing to drop and still shows the stored status.
		await bdbp.reload();
		await waitOnline(bdbp, 30_000);
		expect(await bdbp.getByTestId('edits-discarded').count()).toBe(0);
		expect(await card(bdbp, BDBP, taskId).getAttribute('data-status')).toBe(before);
	}, 120_000);
});

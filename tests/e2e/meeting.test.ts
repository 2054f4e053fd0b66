import { readFileSync } from 'node:fs';
import { readPackageParts } from '@planboard/report';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { officeConvert } from '../support/office.js';
import { PLAN, boardSuite, card, lane, openCard, waitOnline } from './board-helpers.js';

const BDBP = 'bch-bdbp';
const FOLLOWER = 'Cán bộ Bộ Chỉ huy Bộ đội Biên phòng tỉnh';
const CHAIR = 'Cán bộ Sở Thông tin và Truyền thông';

const { board } = boardSuite();

/** Whether the board draws the meeting's highlight around a card (MeetingBar's style sheet). */
const outlined = (page: Page, taskId: string) =>
	card(page, BDBP, taskId).evaluate((el) => getComputedStyle(el).outlineStyle === 'solid');

/** The text of each paragraph of a DOCX. */
function paragraphs(docx: Uint8Array): string[] {
	const xml = readPackageParts(docx)['word/document.xml'];
	return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/g)].map((p) =>
		[...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
	);
}

describe('meeting mode in Chromium', () => {
	it('runs a meeting over two agenda items with a follower, and its minutes DOCX is downloaded and opens in LibreOffice', async () => {
		const coord = await board('sotttt');
		const follower = await board('bdbp');
		const ids = await lane(follower, BDBP)
			.locator('[data-testid="card"]')
			.evaluateAll((els) => els.map((el) => el.getAttribute('data-task') ?? ''));
		const [first, second] = ids;
		expect(second).toBeTruthy();
		// Officers read the meeting but cannot start it.
		expect(await follower.getByTestId('meeting-start-open').count()).toBe(0);

		await coord.getByTestId('meeting-start-open').click();
		await coord.getByTestId('meeting-place').fill('Phòng họp tầng 2, Sở TT&TT');
		// Task ids are slugs of their numbers; the board and the minutes print the numbers.
		const numberOf = async (id: string) =>
			(await coord.locator(`[data-testid="agenda-pick"] option[value="task:${id}"]`).textContent())!
				.trim()
				.split(' ')[0];
		const [n1, n2] = [await numberOf(first), await numberOf(second)];
		for (const id of [first, second]) {
			await coord.getByTestId('agenda-pick').selectOption(`task:${id}`);
			await coord.getByTestId('agenda-add').click();
		}
		await coord.getByTestId('meeting-begin').click();

		// The follower's board shows the meeting, the first item current and highlighted.
		const current = follower.getByTestId('meeting-current');
		await expect.poll(() => current.textContent(), { timeout: 2000 }).toContain(`Đang bàn: ${n1} `);
		expect(await current.getAttribute('aria-live')).toBe('polite');
		await expect.poll(() => outlined(follower, first)).toBe(true);
		expect(await outlined(follower, second)).toBe(false);
		expect(await follower.getByTestId('meeting-place-shown').textContent()).toBe(
			'Phòng họp tầng 2, Sở TT&TT'
		);
		// The coordinator's tab records who is present, from presence.
		await expect
			.poll(() => coord.getByTestId('meeting-participants').textContent(), { timeout: 2000 })
			.toContain(FOLLOWER);

		// A decision on the first item: the border guard moves its card.
		const detail = await openCard(follower, BDBP, first);
		const before = await card(follower, BDBP, first).getAttribute('data-status');
		const next = before === 'in_progress' ? 'awaiting_review' : 'in_progress';
		await detail.getByTestId('detail-status').selectOption(next);
		await expect
			.poll(() =>
				coord
					.locator(`[data-testid="card"][data-agency="${BDBP}"][data-task="${first}"]`)
					.getAttribute('data-status')
			)
			.toBe(next);
		await detail.locator('button.close').click();
		await waitOnline(follower);

		// The presenter moves on; the follower's highlight follows.
		await coord.getByTestId('meeting-next').click();
		await expect.poll(() => current.textContent(), { timeout: 2000 }).toContain(`Đang bàn: ${n2} `);
		await expect.poll(() => outlined(follower, second)).toBe(true);
		expect(await outlined(follower, first)).toBe(false);
		const step = follower.locator('[data-testid="agenda-item"][aria-current="step"]');
		expect(await step.textContent()).toContain(`${n2} `);
		// A participant can stop following.
		const follow = follower.getByTestId('meeting-follow');
		expect(await follow.getAttribute('aria-pressed')).toBe('true');
		await follow.click();
		expect(await follow.getAttribute('aria-pressed')).toBe('false');

		// Ending issues the minutes and clears the meeting for everyone.
		await coord.getByTestId('meeting-end').click();
		await follower.getByTestId('meeting-bar').waitFor({ state: 'detached', timeout: 5000 });
		await coord.getByTestId('meeting-bar').waitFor({ state: 'detached' });
		const list = coord.getByTestId('minutes-list');
		await list.waitFor({ timeout: 5000 });
		// Officers get no list: the API refuses them as the exports do.
		expect(await follower.getByTestId('minutes-list').count()).toBe(0);
		const refused = await follower.request.get(`/api/plans/${PLAN}/minutes`);
		expect(refused.status()).toBe(403);

		await list.locator('summary').click();
		const [download] = await Promise.all([
			coord.waitForEvent('download'),
			list.getByTestId('minutes-link').first().click()
		]);
		expect(download.suggestedFilename()).toMatch(/^bien-ban-hop-.*\.docx$/);
		const docx = new Uint8Array(readFileSync((await download.path())!));
		const text = paragraphs(docx);
		expect(text).toContain('BIÊN BẢN');
		expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
		expect(text).toContain('2. Địa điểm: Phòng họp tầng 2, Sở TT&amp;TT.');
		expect(text).toContain(`3. Chủ trì: ${CHAIR}.`);
		expect(text).toContain(`- Bộ Chỉ huy Bộ đội Biên phòng tỉnh: ${FOLLOWER}`);
		const headings = text.filter((p) => /^[12]\. Nhiệm vụ /.test(p));
		expect(headings).toEqual([
			expect.stringMatching(new RegExp(`^1\\. Nhiệm vụ ${n1.replaceAll('.', '\\.')}\\. `)),
			expect.stringMatching(new RegExp(`^2\\. Nhiệm vụ ${n2.replaceAll('.', '\\.')}\\. `))
		]);
		const labels: Record<string, string> = {
			todo: 'Chưa thực hiện',
			in_progress: 'Đang thực hiện',
			awaiting_review: 'Chờ xác nhận'
		};
		const change = text.find((p) => p.includes(`sửa trạng thái của thẻ của`));
		expect(change).toContain(FOLLOWER);
		expect(change).toContain(`từ “${labels[before!]}” thành “${labels[next]}”`);
		// The change sits under the first item, where it was made.
		expect(text.indexOf(change!)).toBeLessThan(text.indexOf(headings[1]));

		const out = officeConvert(docx, 'bien-ban.docx', 'txt:Text').get('bien-ban.txt')!.toString();
		expect(out).toContain('BIÊN BẢN');
		expect(out).toContain(FOLLOWER);
		expect(out).toContain(`thành “${labels[next]}”`);
	}, 120_000);
});

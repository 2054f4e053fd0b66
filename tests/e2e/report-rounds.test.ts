import { readFileSync } from 'node:fs';
import { dmy, readPackageParts } from '@planboard/report';
import { todayInVietnam, vietnamDate } from '@planboard/model';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { officeConvert } from '../support/office.js';
import { PLAN, boardSuite, waitOnline } from './board-helpers.js';
import { seriousViolations } from './a11y-helpers.js';

const BDBP = 'bch-bdbp';
const DUCCO = 'ubnd-duc-co';
const BDBP_NAME = 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh';
const DUCCO_NAME = 'Ủy ban nhân dân huyện Đức Cơ';
const THREE_DAYS = 3 * 86_400_000;

/**
 * The server's clock can be moved on three days (tests/support/shift-clock.mjs): a report counts
 * from when the server received it, so only the server's time can make one late.
 */
const { context, app } = boardSuite({
	env: {
		NODE_OPTIONS: `--import=${new URL('../support/shift-clock.mjs', import.meta.url).href}`,
		PLANBOARD_TEST_CLOCK_STEP_MS: String(THREE_DAYS)
	}
});

/** Moves the server's clock on by three days, and waits until it says so. */
async function serverThreeDaysLater(): Promise<void> {
	const { server } = app();
	const seen = server.output.length;
	server.process.kill('SIGUSR2');
	await expect
		.poll(() => server.output.slice(seen).join('').includes('test.clock_moved'), { timeout: 5000 })
		.toBe(true);
}

/** The text of each paragraph of a DOCX. */
function paragraphs(docx: Uint8Array): string[] {
	const xml = readPackageParts(docx)['word/document.xml'];
	return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/g)].map((p) =>
		[...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
	);
}

/** The reports page of the reference plan, live. */
async function reportsPage(username: string): Promise<Page> {
	const page = await (await context(username)).newPage();
	await page.goto(`/plans/${PLAN}/reports`);
	await waitOnline(page);
	return page;
}

/** An officer fills the pre-filled report of the only round and submits it. */
async function submit(page: Page, options: { result: string; difficulties: string }) {
	const form = page.getByTestId('report-form');
	await form.getByTestId('report-row').first().waitFor();
	await form.getByTestId('report-result').first().fill(options.result);
	await form.getByTestId('report-difficulties').fill(options.difficulties);
	await form.getByTestId('report-proposals').fill('Đề nghị cấp thêm tài liệu song ngữ');
	await form.getByTestId('report-submit').click();
	await form.getByTestId('report-sent').waitFor();
	await waitOnline(page);
}

describe('reporting rounds in Chromium', () => {
	it('a coordinator opens a round, two officers submit (one late), the consolidated DOCX is downloaded, read back and opened in LibreOffice', async () => {
		const due = todayInVietnam();
		const coord = await reportsPage('sotttt');
		// The importer's reporting milestone is offered as a round.
		const suggestion = coord.getByTestId('round-suggestion').first();
		await suggestion.getByRole('button').click();
		expect(await coord.getByTestId('round-title').inputValue()).toMatch(/báo\s*cáo/i);
		expect(await coord.getByTestId('round-due').inputValue()).toBe('2024-11-10');
		// Confirming a suggestion asks every agency; this round asks two, due today.
		expect(await coord.getByTestId('round-agency-pick').first().isChecked()).toBe(true);
		await coord
			.getByTestId('round-agency-pick')
			.evaluateAll((els) =>
				els.forEach((el) => (el as HTMLInputElement).checked && (el as HTMLInputElement).click())
			);
		await coord.getByTestId('round-title').fill('Báo cáo 6 tháng');
		await coord.getByTestId('round-due').fill(due);
		for (const id of [BDBP, DUCCO])
			await coord.locator(`[data-testid="round-agency-pick"][value="${id}"]`).check();
		await coord.getByTestId('round-open-submit').click();
		const round = coord.getByTestId('round');
		await round.waitFor();
		await waitOnline(coord);
		expect(await seriousViolations(coord)).toEqual([]);

		// An officer cannot open a round, and reports only for their own agency.
		const onTime = await reportsPage('bdbp');
		await onTime.getByTestId('round').waitFor();
		expect(await onTime.getByTestId('round-open').count()).toBe(0);
		expect(await onTime.getByTestId('report-form').count()).toBe(1);
		const draftStatus = await onTime.getByTestId('report-status').first().inputValue();
		expect(draftStatus).toMatch(/^(todo|in_progress|awaiting_review|done|paused)$/);
		expect(await seriousViolations(onTime)).toEqual([]);
		await submit(onTime, {
			result: 'Tổ chức 12 buổi tuyên truyền ở khu vực biên giới',
			difficulties: 'Địa bàn rộng, đi lại khó khăn'
		});
		expect(await onTime.getByTestId('report-sent').getAttribute('data-late')).toBe('false');

		// Three days pass on the server: the second officer's report arrives after the due day.
		// Its browser's clock is not moved, nor would moving it help: the server stamps the time.
		await serverThreeDaysLater();
		const lateAt = Date.now() + THREE_DAYS;
		const late = await reportsPage('ducco');
		await submit(late, { result: 'Đã treo 20 pa-nô', difficulties: 'Thiếu kinh phí' });
		await expect
			.poll(() => late.getByTestId('report-sent').getAttribute('data-late'), { timeout: 5000 })
			.toBe('true');

		// The coordinator sees who submitted and who was late, live.
		const state = (agency: string) =>
			coord
				.locator(`[data-testid="round-agency"][data-agency="${agency}"]`)
				.getAttribute('data-state');
		await expect.poll(() => state(BDBP), { timeout: 5000 }).toBe('on_time');
		await expect.poll(() => state(DUCCO), { timeout: 5000 }).toBe('late');
		expect(await coord.getByTestId('round-counts').textContent()).toContain('Đã gửi 2/2 · Muộn 1');
		const details = coord.locator(
			`[data-testid="round-agency"][data-agency="${DUCCO}"] [data-testid="round-submission"]`
		);
		await details.locator('summary').click();
		expect(await details.textContent()).toContain('Thiếu kinh phí');

		// Officers may not download everyone's reports.
		const href = (await coord.getByTestId('round-download').getAttribute('href'))!;
		expect((await onTime.request.get(href)).status()).toBe(403);
		expect((await coord.request.get(`/api/plans/${PLAN}/rounds/nope/report`)).status()).toBe(404);
		expect(await onTime.getByTestId('round-download').count()).toBe(0);

		const [download] = await Promise.all([
			coord.waitForEvent('download'),
			coord.getByTestId('round-download').click()
		]);
		expect(download.suggestedFilename()).toMatch(/^bao-cao-tong-hop-.*\.docx$/);
		const docx = new Uint8Array(readFileSync((await download.path())!));
		const text = paragraphs(docx);
		expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
		expect(text).toContain(
			`Tổng hợp từ báo cáo của 2/2 đơn vị được đề nghị báo cáo (Báo cáo 6 tháng, hạn gửi ngày ${dmy(due)}):`
		);
		expect(text).toContain(`- Gửi đúng hạn: ${BDBP_NAME};`);
		expect(text).toContain(`- Gửi muộn: ${DUCCO_NAME} (ngày ${dmy(vietnamDate(lateAt))});`);
		expect(text).toContain(`- ${BDBP_NAME}: Địa bàn rộng, đi lại khó khăn`);
		expect(text).toContain(`- ${DUCCO_NAME}: Thiếu kinh phí`);
		const xml = readPackageParts(docx)['word/document.xml'];
		expect(xml).toContain('Tổ chức 12 buổi tuyên truyền ở khu vực biên giới');

		const out = officeConvert(docx, 'tong-hop.docx', 'txt:Text').get('tong-hop.txt')!.toString();
		expect(out).toContain('KHÓ KHĂN, VƯỚNG MẮC');
		expect(out).toContain(`Gửi muộn: ${DUCCO_NAME}`);
		expect(out).toContain('Đã treo 20 pa-nô');

		// Closing the round stops the forms.
		await coord.getByTestId('round-close').click();
		await expect
			.poll(() => onTime.getByTestId('round').getAttribute('data-closed'), { timeout: 5000 })
			.toBe('true');
		expect(await onTime.getByTestId('report-submit').count()).toBe(0);
	}, 120_000);
});

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildDocx, type DocxBlock } from '../../packages/plan-import/src/formats/test-docx.js';
import { gotoBeforeHydration } from '../support/browser.js';
import { boardSuite, waitOnline } from './board-helpers.js';

const TEXT_PLAN = readFileSync(
	new URL('../../packages/boards/src/fixtures/bien-gioi-2025.txt', import.meta.url),
	'utf8'
);
const TITLE = 'Kế hoạch tuyên truyền về chủ quyền biên giới quốc gia năm 2025';
const ID = 'tuyen-truyen-ve-chu-quyen-bien-gioi-quoc-gia-2025';
const LE_THANH = 'Đồn Biên phòng Cửa khẩu quốc tế Lệ Thanh';

/** The same plan as Word writes it: prose sections, then its tasks as a table in a PHỤ LỤC. */
function docxPlan(): Buffer {
	const p = (text: string): DocxBlock => ({ text });
	return Buffer.from(
		buildDocx({
			landscape: true,
			body: [
				...TEXT_PLAN.split('\n').slice(0, 11).map(p),
				p('Các nhiệm vụ cụ thể tại Phụ lục kèm theo.'),
				...TEXT_PLAN.split('\n').slice(14, 17).map(p),
				p('PHỤ LỤC'),
				p('NHIỆM VỤ TUYÊN TRUYỀN NĂM 2025'),
				{
					rows: [
						['TT', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành'],
						[
							'1',
							'Tuyên truyền về chủ quyền biên giới quốc gia trên báo chí',
							'Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
							'Sở Thông tin và Truyền thông; Báo Gia Lai',
							'Quý II/2025'
						],
						[
							'2',
							'Tổ chức hội nghị tuyên truyền tại khu vực cửa khẩu',
							LE_THANH,
							'Ủy ban nhân dân huyện Đức Cơ',
							'Tháng 9/2025'
						],
						[
							'3',
							'Thông tin trên hệ thống loa truyền thanh cơ sở',
							'Trung tâm Văn hóa cộng đồng biên giới',
							'Ủy ban nhân dân huyện Đức Cơ',
							'Tháng 10/2025'
						]
					]
				}
			]
		})
	);
}

const { context } = boardSuite();

async function planIds(page: Page): Promise<string[]> {
	const res = await page.request.get('/api/plans');
	return ((await res.json()) as { id: string }[]).map((p) => p.id);
}

describe('new plan: upload, preview, map, create, live', () => {
	it('hides "Kế hoạch mới" from officers and refuses them the page', async () => {
		const officer = await (await context('bdbp')).newPage();
		await officer.goto('/');
		await officer.getByTestId('plan-link').first().waitFor();
		expect(await officer.getByTestId('new-plan-link').count()).toBe(0);
		const res = await officer.goto('/plans/new');
		expect(res?.status()).toBe(403);
	});

	it('keeps the preview button off until the page script runs, then previews text pasted before', async () => {
		const page = await (await context('sotttt')).newPage();
		const hydrate = await gotoBeforeHydration(page, '/plans/new');
		await page.getByTestId('plan-text').fill(TEXT_PLAN);
		// A click now would submit the bare HTML form: a reload that drops the pasted text.
		expect(await page.getByTestId('preview-plan').isDisabled()).toBe(true);
		await hydrate();
		await page.getByTestId('preview-plan').click();
		await page.getByTestId('plan-preview').waitFor();
		expect(await page.getByTestId('preview-task').count()).toBe(4);
	});

	// Two browser contexts and two board loads on a shared 2-core machine: more than the default.
	it(
		'a coordinator uploads a DOCX plan, maps an agency, creates the board; the lead officer sees it live',
		{ timeout: 90_000 },
		async () => {
			// The officer of the lead agency is on the plan list before the board exists.
			const officer = await (await context('bdbp')).newPage();
			await officer.goto('/');
			await officer.getByTestId('plan-link').first().waitFor();
			expect(await officer.locator(`[data-plan="${ID}"]`).count()).toBe(0);

			const coordinator = await (await context('sotttt')).newPage();
			await coordinator.goto('/');
			await coordinator.getByTestId('new-plan-link').click();
			await coordinator.waitForURL('**/plans/new');

			// Pasted text previews too; then the person starts over with the Word file.
			await coordinator.getByTestId('plan-text').fill(TEXT_PLAN);
			await coordinator.getByTestId('preview-plan').click();
			await coordinator.getByTestId('plan-preview').waitFor();
			expect(await coordinator.getByTestId('preview-task').count()).toBe(4);
			await coordinator.getByRole('button', { name: 'Chọn tệp khác' }).click();

			await coordinator.getByTestId('plan-file').setInputFiles({
				name: 'bien-gioi-2025.docx',
				mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
				buffer: docxPlan()
			});
			await coordinator.getByTestId('preview-plan').click();

			// The preview, before anything exists: tasks per section with lead, due and line; warnings.
			await coordinator.getByTestId('plan-preview').waitFor();
			expect(await coordinator.getByTestId('preview-title').textContent()).toBe(TITLE);
			const task = coordinator.locator('[data-testid="preview-task"][data-number="PL.2"]');
			expect(await task.textContent()).toContain(LE_THANH);
			expect(await task.textContent()).toContain('30/09/2025');
			expect(await coordinator.getByTestId('preview-warning').allTextContents()).toEqual([
				expect.stringMatching(/Dòng 20:.*Lệ Thanh/),
				expect.stringMatching(/Dòng 21:.*Trung tâm Văn hóa/)
			]);
			expect(await planIds(officer)).not.toContain(ID);

			// Map the unknown border post onto the provincial Border Guard by hand.
			const mention = coordinator.locator(`[data-testid="mention"][data-mention="${LE_THANH}"]`);
			expect(await mention.getAttribute('data-match')).toBe('unknown');
			await mention.getByTestId('mention-choice').selectOption('bch-bdbp');
			await coordinator.getByTestId('create-board').click();
			await coordinator.waitForURL(`**/plans/${ID}`);
			await waitOnline(coordinator);

			// The officer's list gains the board without a reload; its cards are in "Đơn vị của tôi".
			const link = officer.locator(`[data-testid="plan-link"][data-plan="${ID}"]`);
			await link.waitFor({ timeout: 10_000 });
			await link.click();
			await officer.waitForURL(`**/plans/${ID}`);
			await waitOnline(officer);
			const mine = officer.locator(
				'section[data-group="mine"] [data-testid="lane"][data-agency="bch-bdbp"]'
			);
			await expect
				.poll(() =>
					mine
						.locator('[data-testid="card"]')
						.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-task')))
				)
				.toEqual(['pl-1', 'pl-2']);
		}
	);
});

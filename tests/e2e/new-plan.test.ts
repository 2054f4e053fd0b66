import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boardSuite, waitOnline } from './board-helpers.js';

const PLAN_FILE = readFileSync(
	new URL('../../packages/boards/src/fixtures/bien-gioi-2025.txt', import.meta.url)
);
const ID = 'tuyen-truyen-ve-chu-quyen-bien-gioi-quoc-gia-2025';
const LE_THANH = 'Đồn Biên phòng Cửa khẩu quốc tế Lệ Thanh';

const { context } = boardSuite();

describe('new plan: upload, preview, map, create, live', () => {
	it('hides "Kế hoạch mới" from officers and refuses them the page', async () => {
		const officer = await (await context('bdbp')).newPage();
		await officer.goto('/');
		await officer.getByTestId('plan-link').first().waitFor();
		expect(await officer.getByTestId('new-plan-link').count()).toBe(0);
		const res = await officer.goto('/plans/new');
		expect(res?.status()).toBe(403);
	});

	// Two browser contexts and two board loads on a shared 2-core machine: more than the default.
	it(
		'a coordinator uploads a plan, maps an agency, creates the board; the lead officer sees it live',
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
			await coordinator.getByTestId('plan-file').setInputFiles({
				name: 'bien-gioi-2025.txt',
				mimeType: 'text/plain',
				buffer: PLAN_FILE
			});
			await coordinator.getByTestId('preview-plan').click();

			// The preview, before anything exists: tasks per section with lead, due and line; warnings.
			const preview = coordinator.getByTestId('plan-preview');
			await preview.waitFor();
			await expect
				.poll(() => coordinator.getByTestId('preview-title').textContent())
				.toBe('Kế hoạch tuyên truyền về chủ quyền biên giới quốc gia năm 2025');
			const task = coordinator.locator('[data-testid="preview-task"][data-number="II.2"]');
			expect(await task.textContent()).toContain(LE_THANH);
			expect(await task.textContent()).toContain('30/09/2025');
			expect(await coordinator.getByTestId('preview-warning').allTextContents()).toEqual([
				expect.stringMatching(/Dòng 13:.*Lệ Thanh/),
				expect.stringMatching(/Dòng 14:.*Trung tâm Văn hóa/)
			]);
			const list = await fetchPlans(officer);
			expect(list).not.toContain(ID);

			// Map the unknown border post onto the provincial Border Guard by hand.
			const mention = coordinator.locator(`[data-testid="mention"][data-mention="${LE_THANH}"]`);
			expect(await mention.getAttribute('data-match')).toBe('unknown');
			await mention.getByTestId('mention-choice').selectOption('bch-bdbp');
			await coordinator.getByTestId('create-board').click();
			await coordinator.waitForURL(`**/plans/${ID}`);
			await waitOnline(coordinator);

			// The officer's list gains the board without a reload; its cards are in "Đơn vị của tôi".
			await officer
				.locator(`[data-testid="plan-link"][data-plan="${ID}"]`)
				.waitFor({ timeout: 10_000 });
			await officer.locator(`[data-testid="plan-link"][data-plan="${ID}"]`).click();
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
				.toEqual(['ii-1', 'ii-2']);
		}
	);
});

async function fetchPlans(page: import('playwright-core').Page): Promise<string[]> {
	const res = await page.request.get('/api/plans');
	return ((await res.json()) as { id: string }[]).map((p) => p.id);
}

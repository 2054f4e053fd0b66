import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { boardSuite, card, firstTaskId, openCard } from './board-helpers.js';

const suite = boardSuite();
// The demo officer `bdbp` belongs to this agency (apps/cli/src/demo.ts); its lane's cards are
// tasks it leads.
const BDBP = 'bch-bdbp';

async function eventually(check: () => Promise<boolean>, timeout = 5000): Promise<void> {
	const end = Date.now() + timeout;
	while (!(await check())) {
		if (Date.now() > end) throw new Error(`not within ${timeout} ms`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

const text = async (l: Locator) => ((await l.textContent()) ?? '').trim();
const dueOn = (page: Page, taskId: string) => card(page, BDBP, taskId).locator('.due').first();

describe('proposals in Chromium', () => {
	it('an officer proposes a deadline, a coordinator accepts it and every board shows it; a decline keeps its reason', async () => {
		const officer = await suite.board('bdbp');
		const coordinator = await suite.board('sotttt');
		const viewer = await suite.board('lanhdao');
		const errors: string[] = [];
		for (const p of [officer, coordinator, viewer])
			p.on('pageerror', (e) => errors.push(e.message));

		const taskId = await firstTaskId(officer, BDBP);
		const detail = await openCard(officer, BDBP, taskId);
		const form = detail.getByTestId('proposal-form');
		await form.getByLabel('Loại đề xuất').selectOption('due');
		await form.getByLabel('Hạn mới').fill('2024-12-24');
		await form.getByLabel('Ghi chú, lý do').fill('Chờ kinh phí của tỉnh');
		await form.getByRole('button', { name: 'Gửi đề xuất' }).click();
		expect(await text(detail.getByTestId('proposal-result'))).toBe('Đã gửi đề xuất.');
		await detail.locator('[data-testid="proposal"][data-status="open"]').waitFor();

		// The coordinator's list shows it live; a viewer gets neither the list nor a form.
		const item = coordinator.locator(`[data-testid="proposal-item"][data-task="${taskId}"]`);
		await item.waitFor({ timeout: 5000 });
		expect(await text(item)).toContain('24/12/2024');
		expect(await text(item)).toContain('Chờ kinh phí của tỉnh');
		expect(await viewer.getByTestId('proposal-list').count()).toBe(0);
		expect(await coordinator.getByTestId('proposal-form').count()).toBe(0);

		await item.getByRole('button', { name: /^Chấp nhận/ }).click();
		expect(await text(coordinator.getByTestId('proposal-list-result'))).toMatch(
			/^Đã chấp nhận đề xuất cho nhiệm vụ/
		);
		for (const page of [officer, coordinator, viewer]) {
			await eventually(async () => (await text(dueOn(page, taskId))).includes('24/12/2024'));
		}
		const accepted = detail.locator('[data-testid="proposal"][data-status="accepted"]');
		await accepted.waitFor({ timeout: 5000 });
		expect(await text(accepted.getByTestId('proposal-decision'))).toContain('Đã chấp nhận');
		await eventually(async () => (await item.count()) === 0);

		// The acceptance is one step of the coordinator's own undo: undoing it takes the due date
		// back on every board and reopens the proposal, which can then be accepted again.
		const dueBefore = await text(dueOn(viewer, taskId));
		await coordinator.getByTestId('plan-edit-toggle').click();
		await coordinator.getByTestId('plan-undo').click();
		await detail.locator('[data-testid="proposal"][data-status="open"]').waitFor({ timeout: 5000 });
		for (const page of [officer, viewer]) {
			await eventually(async () => !(await text(dueOn(page, taskId))).includes('24/12/2024'));
		}
		await item.getByRole('button', { name: /^Chấp nhận/ }).click();
		await eventually(async () => (await text(dueOn(officer, taskId))).includes('24/12/2024'));
		expect(dueBefore).toContain('24/12/2024');
		// Everyone reading the card sees its proposals; only the lead's officers get the form.
		const viewerDetail = await openCard(viewer, BDBP, taskId);
		await viewerDetail
			.locator('[data-testid="proposal"][data-status="accepted"]')
			.waitFor({ timeout: 5000 });
		expect(await viewerDetail.getByTestId('proposal-form').count()).toBe(0);

		// A split proposal declined with a reason: the plan is unchanged, the officer reads why.
		await form.getByLabel('Loại đề xuất').selectOption('split');
		await form.getByLabel('Tên nhiệm vụ tách ra').fill('Tuyên truyền tại các đồn biên phòng');
		await form.getByRole('button', { name: 'Gửi đề xuất' }).click();
		const second = coordinator.locator(`[data-testid="proposal-item"][data-task="${taskId}"]`);
		await second.waitFor({ timeout: 5000 });
		await second.getByRole('button', { name: /^Từ chối/ }).click();
		expect(await text(coordinator.getByTestId('proposal-list-result'))).toBe(
			'Cần nêu lý do từ chối.'
		);
		await second.getByLabel('Lý do từ chối').fill('Đã có nhiệm vụ riêng ở mục III');
		await second.getByRole('button', { name: /^Từ chối/ }).click();
		const declined = detail.locator('[data-testid="proposal"][data-status="declined"]');
		await declined.waitFor({ timeout: 5000 });
		expect(await text(declined)).toContain('Đã có nhiệm vụ riêng ở mục III');
		expect(await coordinator.getByText('Tuyên truyền tại các đồn biên phòng').count()).toBe(0);
		expect(errors).toEqual([]);
	}, 120_000);
});

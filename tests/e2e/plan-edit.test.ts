import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boardSuite, card } from './board-helpers.js';

const suite = boardSuite();

// Three boards open one after another; on the shared 2-core machine each takes several seconds.

/** Opens edit mode and the editor of a task; returns the task id (the first task when none). */
async function editTask(page: Page, taskId?: string): Promise<string> {
	await page.getByTestId('plan-edit-toggle').click();
	const row = taskId
		? page.locator(`[data-testid="plan-task"][data-task="${taskId}"]`)
		: page.getByTestId('plan-task').first();
	const id = await row.getAttribute('data-task');
	if (!id) throw new Error('no task in the plan editor');
	await row.locator('.pick').click();
	await page.locator(`[data-testid="plan-task-editor"][data-task="${id}"]`).waitFor();
	return id;
}

const cardTitle = (page: Page, taskId: string) =>
	page.locator(`[data-testid="card"][data-task="${taskId}"] .title`).first();

async function eventually(check: () => Promise<boolean>, timeout = 3000): Promise<void> {
	const end = Date.now() + timeout;
	while (!(await check())) {
		if (Date.now() > end) throw new Error(`not within ${timeout} ms`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

describe('plan editing in Chromium', () => {
	it('two coordinators edit one task (title and deadline) live; an officer sees it and cannot edit', async () => {
		const a = await suite.board('sotttt');
		const b = await suite.board('admin');
		const officer = await suite.board('bdbp');
		const errors: string[] = [];
		for (const p of [a, b, officer]) p.on('pageerror', (e) => errors.push(e.message));

		const taskId = await editTask(a);
		await editTask(b, taskId);
		const before = (await cardTitle(officer, taskId).textContent())?.trim() ?? '';
		expect(before.length).toBeGreaterThan(0);

		// At the same time: A types at the end of the title, B moves the deadline.
		const title = a.getByTestId('plan-title-input');
		await title.click();
		await title.press('End');
		await Promise.all([
			title.pressSequentially(' (sửa)', { delay: 20 }),
			b.getByTestId('plan-due-input').fill('2024-12-20')
		]);

		const started = Date.now();
		await eventually(
			async () => (await cardTitle(officer, taskId).textContent())?.includes('(sửa)') ?? false
		);
		await eventually(
			async () => (await b.getByTestId('plan-title-input').inputValue()) === `${before} (sửa)`
		);
		await eventually(
			async () => (await a.getByTestId('plan-due-input').inputValue()) === '2024-12-20'
		);
		await eventually(async () =>
			(
				(await officer
					.locator(`[data-testid="card"][data-task="${taskId}"] .due`)
					.first()
					.textContent()) ?? ''
			).includes('20/12/2024')
		);
		// Typing ends well within a second of the last key; the rest is propagation.
		expect(Date.now() - started).toBeLessThan(3000);
		expect((await cardTitle(a, taskId).textContent())?.trim()).toBe(`${before} (sửa)`);

		// The officer gets no edit control at all.
		expect(await officer.getByTestId('plan-edit-toggle').count()).toBe(0);
		expect(await officer.getByTestId('plan-editor').count()).toBe(0);

		// A undoes: A's typing goes, B's deadline stays, everywhere.
		await title.press('Control+z');
		await eventually(
			async () => (await cardTitle(officer, taskId).textContent())?.trim() === before
		);
		await eventually(async () => (await b.getByTestId('plan-title-input').inputValue()) === before);
		expect(await a.getByTestId('plan-due-input').inputValue()).toBe('2024-12-20');
		expect(await b.getByTestId('plan-due-input').inputValue()).toBe('2024-12-20');
		// B has nothing of A's to undo: B's own undo takes back only the deadline.
		await b.getByTestId('plan-undo').click();
		await eventually(
			async () => (await a.getByTestId('plan-due-input').inputValue()) !== '2024-12-20'
		);
		expect(await a.getByTestId('plan-title-input').inputValue()).toBe(before);
		await a.getByTestId('plan-redo').click();
		await eventually(
			async () => (await cardTitle(officer, taskId).textContent())?.trim() === `${before} (sửa)`
		);
		expect(errors).toEqual([]);
		// Free the machine for the next test's boards.
		for (const p of [a, b, officer]) await p.context().close();
	}, 120_000);

	it('adds a task with its lead card, a deleted task stays with a note on its card, a new lead gets the card', async () => {
		const a = await suite.board('sotttt');
		const officer = await suite.board('bdbp');
		await a.getByTestId('plan-edit-toggle').click();
		// The demo officer `bdbp` belongs to this agency (apps/cli/src/demo.ts).
		const lead = 'bch-bdbp';
		await a.getByTestId('plan-new-lead').selectOption(lead);
		const countBefore = await a.getByTestId('plan-task').count();
		await a.getByTestId('plan-add-task').first().click();
		await eventually(async () => (await a.getByTestId('plan-task').count()) === countBefore + 1);
		const editor = a.getByTestId('plan-task-editor');
		const newId = await editor.getAttribute('data-task');
		expect(newId).toBeTruthy();
		const newCard = officer.locator(
			`[data-testid="card"][data-agency="${lead}"][data-task="${newId}"]`
		);
		await newCard.waitFor({ timeout: 3000 });
		expect((await newCard.locator('.title').textContent())?.trim()).toBe('Nhiệm vụ mới');

		await a
			.locator(`[data-testid="plan-task"][data-task="${newId}"] [data-testid="plan-delete-task"]`)
			.click();
		await newCard.getByTestId('card-task-deleted').waitFor({ timeout: 3000 });
		expect(await newCard.getByTestId('card-task-deleted').textContent()).toBe(
			'Đã xoá khỏi kế hoạch'
		);
		expect(
			await a.locator(`[data-testid="plan-task"][data-task="${newId}"]`).getAttribute('class')
		).toContain('deleted');

		// Replacing the lead hands the task over: a card appears in the new lead's lane carrying
		// the old card's progress, and the old card says it was handed over, in every board.
		// A task led by Sở TT&TT alone (so its card is that lane's), with no card in BĐBP's lane.
		const candidates = await a
			.locator('[data-testid="card"][data-agency="so-tttt"]')
			.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.task ?? ''));
		let legacy = '';
		for (const id of candidates) {
			if ((await card(a, 'bch-bdbp', id).count()) > 0) continue;
			await a.locator(`[data-testid="plan-task"][data-task="${id}"] .pick`).click();
			const lead = await a
				.getByTestId('plan-lead-input')
				.evaluate((el) => [...(el as HTMLSelectElement).selectedOptions].map((o) => o.value));
			if (lead.length === 1 && lead[0] === 'so-tttt') {
				legacy = id;
				break;
			}
		}
		expect(legacy).not.toBe('');
		await a.getByTestId('plan-lead-input').selectOption(['bch-bdbp']);
		const handed = officer.locator(
			`[data-testid="card"][data-agency="bch-bdbp"][data-task="${legacy}"]`
		);
		await handed.waitFor({ timeout: 3000 });
		await officer
			.locator(`[data-testid="card"][data-agency="so-tttt"][data-task="${legacy}"]`)
			.getByTestId('card-handed-over')
			.waitFor({ timeout: 3000 });
		await a
			.locator(`[data-testid="card"][data-agency="so-tttt"][data-task="${legacy}"]`)
			.getByTestId('card-handed-over')
			.waitFor({ timeout: 3000 });
		expect(await handed.getByTestId('card-handed-over').count()).toBe(0);
	}, 120_000);
});

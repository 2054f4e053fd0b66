import { describe, expect, it } from 'vitest';
import { card, firstTaskId, lane, waitOnline, boardSuite } from './board-helpers.js';

const BDBP = 'bch-bdbp';

const { board } = boardSuite();

/** Task ids of one status column of a lane, top to bottom. */
function column(page: Awaited<ReturnType<typeof board>>, agencyId: string, status: string) {
	return lane(page, agencyId)
		.locator(`.column[data-status="${status}"] [data-testid="card"]`)
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-task')));
}

describe('board: drag and drop with the mouse', () => {
	it('drags a card to another column; it stays after reload and others see it move', async () => {
		const bdbp = await board('bdbp');
		const coord = await board('sotttt');
		const taskId = await firstTaskId(bdbp, BDBP);
		const from = await card(bdbp, BDBP, taskId).getAttribute('data-status');
		const to = from === 'awaiting_review' ? 'paused' : 'awaiting_review';
		const target = lane(bdbp, BDBP).locator(`.column[data-status="${to}"] h3`);
		await card(bdbp, BDBP, taskId).locator('[data-card-button]').dragTo(target);
		await expect.poll(() => card(bdbp, BDBP, taskId).getAttribute('data-status')).toBe(to);
		// Dropped on the column's heading, not on a card: it goes to the bottom of the column.
		await expect.poll(async () => (await column(bdbp, BDBP, to)).at(-1)).toBe(taskId);
		await expect
			.poll(() => card(coord, BDBP, taskId).getAttribute('data-status'), { timeout: 5000 })
			.toBe(to);
		await expect.poll(async () => (await column(coord, BDBP, to)).at(-1)).toBe(taskId);
		expect(await card(coord, BDBP, taskId).count()).toBe(1);

		await waitOnline(bdbp);
		await bdbp.reload();
		await waitOnline(bdbp);
		await expect(card(bdbp, BDBP, taskId).getAttribute('data-status')).resolves.toBe(to);
	});

	it('drops a card onto another card to place it above that card', async () => {
		const bdbp = await board('bdbp');
		const coord = await board('sotttt');
		const ids = await lane(bdbp, BDBP)
			.locator('[data-testid="card"]')
			.evaluateAll((els) =>
				els.map((e) => ({
					task: e.getAttribute('data-task')!,
					status: e.getAttribute('data-status')!
				}))
			);
		// Two cards in different columns: the later one lands above the other one.
		const anchor = ids[0]!;
		const moving = ids.find((c) => c.status !== anchor.status);
		if (!moving) throw new Error('the lane needs cards in two columns');
		await card(bdbp, BDBP, moving.task)
			.locator('[data-card-button]')
			.dragTo(card(bdbp, BDBP, anchor.task).locator('[data-card-button]'));
		const expected = async (page: typeof bdbp) => {
			const col = await column(page, BDBP, anchor.status);
			return col.indexOf(moving.task) === col.indexOf(anchor.task) - 1;
		};
		await expect.poll(() => expected(bdbp)).toBe(true);
		await expect.poll(() => expected(coord), { timeout: 5000 }).toBe(true);
	});

	it('forgets a cancelled drag: a later drop from another lane moves nothing', async () => {
		const coord = await board('sotttt');
		// Two neighbouring lanes on one screen: a drag that has to scroll picks up whatever card
		// scrolled under the pointer.
		await coord.setViewportSize({ width: 1400, height: 2000 });
		const [a, b] = await coord
			.getByTestId('lane')
			.evaluateAll((els) => els.slice(0, 2).map((e) => e.getAttribute('data-agency')!));
		const x = await firstTaskId(coord, a!);
		const y = await firstTaskId(coord, b!);
		const statusOf = async () => [
			await card(coord, a!, x).getAttribute('data-status'),
			await card(coord, b!, y).getAttribute('data-status')
		];
		const before = await statusOf();
		// Dropped where nothing accepts it: the drag ends without a drop.
		await card(coord, a!, x)
			.locator('[data-card-button]')
			.dragTo(lane(coord, a!).locator('.lane-head h2'));
		const other = before[0] === 'done' ? 'todo' : 'done';
		await card(coord, b!, y)
			.locator('[data-card-button]')
			.dragTo(lane(coord, a!).locator(`.column[data-status="${other}"] h3`));
		await new Promise((r) => setTimeout(r, 300));
		expect(await statusOf()).toEqual(before);
	});

	it('leaves a card where it was when it is dropped onto itself', async () => {
		const bdbp = await board('bdbp');
		const ids = await lane(bdbp, BDBP)
			.locator('[data-testid="card"]')
			.evaluateAll((els) =>
				els.map((e) => ({
					task: e.getAttribute('data-task')!,
					status: e.getAttribute('data-status')!
				}))
			);
		const status = ids[0]!.status;
		const col = await column(bdbp, BDBP, status);
		if (col.length < 2) throw new Error('the first column needs two cards');
		const first = card(bdbp, BDBP, col[0]!).locator('[data-card-button]');
		await first.dragTo(first, { targetPosition: { x: 10, y: 10 } });
		await new Promise((r) => setTimeout(r, 300));
		expect(await column(bdbp, BDBP, status)).toEqual(col);
	});

	it('offers no drag to a user who may not move the card', async () => {
		const ducco = await board('ducco');
		const draggable = lane(ducco, BDBP).locator('[data-card-button][draggable="true"]');
		await expect(draggable.count()).resolves.toBe(0);
		const own = lane(ducco, 'ubnd-duc-co').locator('[data-card-button][draggable="true"]');
		await expect(own.count()).resolves.toBeGreaterThan(0);
	});
});

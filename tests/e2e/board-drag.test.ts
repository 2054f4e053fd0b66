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
		// A drag that must work, after the two that must not: once it has shown, the earlier
		// drops were handled too, so what they did (nothing) is what the board shows.
		const control = before[1] === 'done' ? 'todo' : 'done';
		await card(coord, b!, y)
			.locator('[data-card-button]')
			.dragTo(lane(coord, b!).locator(`.column[data-status="${control}"] h3`));
		await expect.poll(() => card(coord, b!, y).getAttribute('data-status')).toBe(control);
		expect(await statusOf()).toEqual([before[0], control]);
	}, 60_000);

	it('leaves a card where it was when it is dropped onto itself', async () => {
		const coord = await board('sotttt');
		// The fullest column of the board, three cards at least: with two, a card wrongly moved
		// below the other would look the same after the control drag below.
		const cards = await coord
			.locator('[data-testid="card"]')
			.evaluateAll((els) =>
				els.map((e) => `${e.getAttribute('data-agency')}|${e.getAttribute('data-status')}`)
			);
		const counts = new Map<string, number>();
		for (const key of cards) counts.set(key, (counts.get(key) ?? 0) + 1);
		const [fullest, size] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
		if (size < 3) throw new Error('the board needs a column of three cards');
		const [agency, status] = fullest.split('|') as [string, string];
		const col = await column(coord, agency, status);
		const first = card(coord, agency, col[0]!).locator('[data-card-button]');
		await first.dragTo(first, { targetPosition: { x: 10, y: 10 } });
		// A drag that must work: the third card dropped onto the first goes above it. Once that
		// shows, the self-drop was handled too, and only the third card moved (had the first
		// card moved anywhere, the others would not follow it in their old order).
		const third = col[2]!;
		await card(coord, agency, third).locator('[data-card-button]').dragTo(first);
		await expect.poll(async () => (await column(coord, agency, status))[0]).toBe(third);
		expect(await column(coord, agency, status)).toEqual([third, col[0], col[1], ...col.slice(3)]);
	}, 60_000);

	it('offers no drag to a user who may not move the card, and moves nothing of it', async () => {
		const ducco = await board('ducco');
		const coord = await board('sotttt');
		const draggable = lane(ducco, BDBP).locator('[data-card-button][draggable="true"]');
		await expect(draggable.count()).resolves.toBe(0);
		const own = lane(ducco, 'ubnd-duc-co').locator('[data-card-button][draggable="true"]');
		await expect(own.count()).resolves.toBeGreaterThan(0);

		// Dragging another agency's card anyway, then the officer's own: the own card moves (for
		// everyone), the other agency's does not.
		const theirs = await firstTaskId(ducco, BDBP);
		const theirStatus = await card(ducco, BDBP, theirs).getAttribute('data-status');
		const away = theirStatus === 'done' ? 'todo' : 'done';
		await card(ducco, BDBP, theirs)
			.locator('[data-card-button]')
			.dragTo(lane(ducco, BDBP).locator(`.column[data-status="${away}"] h3`));
		const mine = await firstTaskId(ducco, 'ubnd-duc-co');
		const myStatus = await card(ducco, 'ubnd-duc-co', mine).getAttribute('data-status');
		const to = myStatus === 'done' ? 'todo' : 'done';
		await card(ducco, 'ubnd-duc-co', mine)
			.locator('[data-card-button]')
			.dragTo(lane(ducco, 'ubnd-duc-co').locator(`.column[data-status="${to}"] h3`));
		await expect
			.poll(() => card(coord, 'ubnd-duc-co', mine).getAttribute('data-status'), { timeout: 5000 })
			.toBe(to);
		expect(await card(ducco, BDBP, theirs).getAttribute('data-status')).toBe(theirStatus);
		expect(await card(coord, BDBP, theirs).getAttribute('data-status')).toBe(theirStatus);
	}, 60_000);
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	agencyDocName,
	draftReport,
	openRound,
	planDocName,
	readAgencies,
	readTasks,
	setStatus,
	startOfVietnamDay,
	submitReport,
	type TaskId
} from '@planboard/model';
import { loadGiaLaiDirectory } from '@planboard/plan-import';
import type { Store, User } from '@planboard/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tempDir } from '../../../tests/support/harness.js';
import { editStored } from '../../../tests/support/stored-docs.js';
import { readDocument } from './as-of.js';
import { DocumentCache } from './document-cache.js';
import { concernsOf } from './due.js';
import { importBoard } from './import.js';
import { openTestStore } from '../../../tests/support/test-database.js';

const PLAN = readFileSync(new URL('./fixtures/bien-gioi-2025.txt', import.meta.url));
const DAY = 86_400_000;

let tmp: ReturnType<typeof tempDir>;
let store: Store;
const clock = { now: Date.UTC(2025, 0, 15) };
let planId: string;
/** The task Bộ đội Biên phòng leads ("Quý II/2025"), and its agency. */
let task: { id: TaskId; due: string };
let bdbpAgency: string;
let officer: User;
let colleague: User;
let coordinator: User;
let other: User;
let duccoAgency: string;

/** Ten in the morning, Vietnam time, `days` days from the task's due date. */
const around = (days: number) => startOfVietnamDay(task.due).getTime() + days * DAY + 10 * 3600_000;

beforeEach(async () => {
	tmp = tempDir('planboard-due-');
	store = openTestStore({ path: join(tmp.dir, 'planboard.db'), now: () => clock.now });
	store.agencies.seed(loadGiaLaiDirectory());
	planId = (await importBoard({ store, bytes: PLAN, source: 'kh.txt' })).summary.id;
	const plan = readDocument(store, planDocName(planId));
	const agencies = readAgencies(plan);
	const bdbp = agencies.find((a) => a.name === 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh')!;
	const ducco = agencies.find((a) => a.name === 'Ủy ban nhân dân huyện Đức Cơ')!;
	bdbpAgency = bdbp.id;
	duccoAgency = ducco.id;
	const led = readTasks(plan).find((t) => t.lead.includes(bdbp.id))!;
	task = { id: led.id, due: led.due! };
	const user = (username: string, role: User['role'], agencyId: string | null) =>
		store.users.create({ username, displayName: username, role, agencyId, passwordHash: 'x' });
	officer = user('bdbp', 'officer', bdbp.id);
	colleague = user('bdbp2', 'officer', bdbp.id);
	coordinator = user('sotttt', 'coordinator', null);
	other = user('ducco', 'officer', ducco.id);
});
afterEach(() => {
	store.close();
	tmp.cleanup();
});

/** Writes a status change to the officers' card as `by`, at the store's clock. */
function changeStatus(by: User, status: 'in_progress' | 'done') {
	const name = agencyDocName({ planId, agencyId: bdbpAgency });
	const doc = readDocument(store, name);
	const before = Y.encodeStateVector(doc);
	setStatus(doc, { taskId: task.id, status, by: by.id, at: clock.now });
	store.updates.append({
		document: name,
		update: Y.encodeStateAsUpdate(doc, before),
		userId: by.id
	});
}

describe('concernsOf', () => {
	it('gives a task due in 7 days once, then moves it to overdue after its day', async () => {
		expect(task.due).toBe('2025-06-30');
		const none = await concernsOf({ store, user: officer, now: around(-8) });
		expect(none.filter((c) => c.task.taskId === task.id)).toEqual([]);

		const soon = await concernsOf({ store, user: officer, now: around(-7) });
		expect(soon).toHaveLength(1);
		expect(soon[0]).toMatchObject({
			kind: 'due_soon',
			daysLeft: 7,
			task: { planId, taskId: task.id, due: '2025-06-30' },
			agencies: [{ id: bdbpAgency }]
		});
		// The same fact under the same key on every computation, so a read mark sticks.
		const again = await concernsOf({ store, user: officer, now: around(-7) + 3600_000 });
		expect(again.map((c) => c.key)).toEqual([soon[0].key]);

		const late = await concernsOf({ store, user: officer, now: around(1), deadlinesOnly: true });
		expect(late.map((c) => [c.kind, c.task.taskId, c.daysLeft])).toEqual([
			['overdue', task.id, -1]
		]);
		expect(late[0].key).not.toBe(soon[0].key);
	});

	it("gives coordinators every agency's deadlines and officers only their own", async () => {
		const all = await concernsOf({ store, user: coordinator, now: around(1) });
		const mine = all.find((c) => c.task.taskId === task.id);
		expect(mine).toMatchObject({ kind: 'overdue', agencies: [{ id: bdbpAgency }] });
		const others = await concernsOf({ store, user: other, now: around(1) });
		expect(others.some((c) => c.task.taskId === task.id)).toBe(false);
	});

	it('lists a card changed by someone else, never one the user changed, and drops a done card', async () => {
		clock.now = around(-3);
		changeStatus(officer, 'in_progress');
		const own = await concernsOf({ store, user: officer, now: clock.now + 1000 });
		expect(own.filter((c) => c.kind === 'changed')).toEqual([]);

		clock.now += 60_000;
		changeStatus(colleague, 'done');
		const seen = await concernsOf({ store, user: officer, now: clock.now + 1000 });
		expect(seen.map((c) => c.kind)).toEqual(['changed']);
		expect(seen[0]).toMatchObject({ by: 'bdbp2', changes: ['status'], task: { taskId: task.id } });
		// The colleague sees the officer's change, not their own; a week later neither is recent.
		const theirs = await concernsOf({ store, user: colleague, now: clock.now + 1000 });
		expect(theirs.map((c) => [c.kind, c.by])).toEqual([['changed', 'bdbp']]);
		expect((await concernsOf({ store, user: officer, now: clock.now + 8 * DAY })).length).toBe(0);
	});

	it('reads nothing again while no board changed, and sees a change at once (a shared cache)', async () => {
		clock.now = around(-3);
		const cache = new DocumentCache(store);
		const now = () => clock.now + 1000;
		const first = await concernsOf({ store, user: officer, now: now(), cache });
		// The plan document and every lane, and the officer's lane's history, read once.
		const lanes = readAgencies(readDocument(store, planDocName(planId))).filter(
			(a) => a.kind !== 'group'
		).length;
		const derivations = (computed: number, hits: number) => ({ computed, hits });
		expect(cache.stats).toEqual({
			loads: 1 + lanes,
			replays: 1,
			derivations: derivations(1, 0)
		});
		expect(await concernsOf({ store, user: officer, now: now(), cache })).toEqual(first);
		// The board's deadlines are judged once per agency asking (the officer's, everyone's).
		const everyone = await concernsOf({ store, user: coordinator, now: now(), cache });
		expect(await concernsOf({ store, user: coordinator, now: now(), cache })).toEqual(everyone);
		expect(cache.stats).toEqual({
			loads: 1 + lanes,
			replays: 1,
			derivations: derivations(2, 2)
		});
		// The next day is judged again: a task due tomorrow is due today.
		await concernsOf({ store, user: officer, now: now() + DAY, cache });
		expect(cache.stats.derivations).toEqual(derivations(3, 2));

		// A colleague changes the card: that one document is read again, and the change is listed.
		clock.now += 60_000;
		changeStatus(colleague, 'in_progress');
		const changed = await concernsOf({ store, user: officer, now: now(), cache });
		expect(cache.stats).toMatchObject({ loads: 2 + lanes, replays: 2 });
		expect(cache.stats.derivations).toEqual(derivations(4, 2));
		expect(changed.filter((c) => c.kind === 'changed')).toMatchObject([
			{ by: 'bdbp2', changes: ['status'], task: { taskId: task.id } }
		]);
		// The same answer as a computation without the cache.
		expect(changed).toEqual(await concernsOf({ store, user: officer, now: now() }));
		// Done: the deadline goes at once, from the cached documents too.
		clock.now += 60_000;
		changeStatus(colleague, 'done');
		const done = await concernsOf({ store, user: officer, now: now(), cache });
		expect(done.some((c) => c.kind === 'due_soon' || c.kind === 'overdue')).toBe(false);
		expect(cache.stats.loads).toBe(3 + lanes);
	});

	it('asks an agency for its report: opened, due soon, overdue until sent; the coordinator sees who is late', async () => {
		const write = (name: string, by: User, change: (doc: Y.Doc) => void) =>
			editStored(store, name, change, by.id);
		const planName = planDocName(planId);
		clock.now = Date.parse('2025-12-01T03:00:00Z');
		let roundId = '';
		write(planName, coordinator, (plan) => {
			roundId = openRound({
				plan,
				title: 'Báo cáo năm 2025',
				due: '2025-12-15',
				agencies: [bdbpAgency, duccoAgency],
				by: coordinator.id,
				byName: 'Sở TT&TT',
				at: clock.now
			});
		});
		const rounds = (list: Awaited<ReturnType<typeof concernsOf>>) =>
			list.filter((c) => c.round).map((c) => [c.kind, c.round?.id, c.agencies.map((a) => a.id)]);

		const opened = await concernsOf({ store, user: officer, now: clock.now + 1000 });
		expect(rounds(opened)).toEqual([['round_opened', roundId, [bdbpAgency]]]);
		const soon = await concernsOf({
			store,
			user: officer,
			now: Date.parse('2025-12-08T02:00:00Z')
		});
		expect(rounds(soon)).toEqual([
			['due_soon', roundId, [bdbpAgency]],
			['round_opened', roundId, [bdbpAgency]]
		]);
		expect(soon.find((c) => c.round && c.kind === 'due_soon')).toMatchObject({
			daysLeft: 7,
			task: { title: 'Báo cáo năm 2025', due: '2025-12-15' }
		});

		const late = Date.parse('2025-12-16T03:00:00Z');
		const mine = await concernsOf({ store, user: officer, now: late, deadlinesOnly: true });
		expect(rounds(mine)).toEqual([['overdue', roundId, [bdbpAgency]]]);
		// Đức Cơ sends its report late; the coordinator's overdue list keeps only Bộ đội Biên phòng.
		clock.now = late;
		const agencyName = agencyDocName({ planId, agencyId: duccoAgency });
		write(agencyName, other, (agency) => {
			const plan = readDocument(store, planName);
			submitReport({
				plan,
				agency,
				roundId,
				...draftReport({ plan, agency, roundId }),
				by: other.id,
				byName: 'ducco',
				at: late
			});
		});
		const all = await concernsOf({
			store,
			user: coordinator,
			now: late + 1000,
			deadlinesOnly: true
		});
		expect(rounds(all)).toEqual([['overdue', roundId, [bdbpAgency]]]);
		expect(
			rounds(await concernsOf({ store, user: other, now: late + 1000, deadlinesOnly: true }))
		).toEqual([]);
	});
});

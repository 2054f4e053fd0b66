import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { concernsOf, importBoard, readDocument } from '@planboard/boards';
import {
	agencyDocName,
	planDocName,
	readAgencies,
	readTasks,
	setStatus,
	type AgencyId,
	type Task
} from '@planboard/model';
import { loadGiaLaiDirectory } from '@planboard/plan-import';
import { readBoard, toCalendar } from '@planboard/report';
import type { Store, User } from '@planboard/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAssignment } from '../packages/model/src/assignments.js';
import { tempDir } from './support/harness.js';
import { editStored } from './support/stored-docs.js';
import { openTestStore } from './support/test-database.js';

/**
 * The calendar feed and the bell (and so the daily email) must name the same open, due tasks for
 * the same reader. They used to decide it each on their own: the feed by the plan's lead and
 * coordinating lists and the cards that exist, the bell by the progress computation's
 * assignments. They differed on a seeded assignment whose card was never created (the feed
 * took the task for done once the existing cards were) and on a coordinated task (only the feed
 * listed it).
 */
const PLAN = readFileSync(
	new URL('../packages/boards/src/fixtures/bien-gioi-2025.txt', import.meta.url)
);
/** After every due date of the plan: every open task is overdue, so the bell lists them all. */
const NOW = Date.parse('2026-03-02T03:00:00Z');

let tmp: ReturnType<typeof tempDir>;
let store: Store;
let planId: string;
let border: Task;
const ids: Record<'bdbp' | 'stttt' | 'ducco', AgencyId> = {} as never;
const users: Record<'coordinator' | 'bdbp' | 'stttt' | 'ducco', User> = {} as never;

/** Writes a change to a stored document, as the sync server would append it. */
function write(name: string, by: User, change: (doc: Y.Doc) => void) {
	editStored(store, name, change, by.id);
}

beforeEach(async () => {
	tmp = tempDir('planboard-deadlines-');
	store = openTestStore({ path: join(tmp.dir, 'planboard.db'), now: () => NOW });
	store.agencies.seed(loadGiaLaiDirectory());
	planId = (await importBoard({ store, bytes: PLAN, source: 'kh.txt' })).summary.id;
	const plan = readDocument(store, planDocName(planId));
	const byName = (name: string) => readAgencies(plan).find((a) => a.name === name)!.id;
	ids.bdbp = byName('Bộ Chỉ huy Bộ đội Biên phòng tỉnh');
	ids.stttt = byName('Sở Thông tin và Truyền thông');
	ids.ducco = byName('Ủy ban nhân dân huyện Đức Cơ');
	border = readTasks(plan).find((t) => t.lead.includes(ids.bdbp))!;
	const user = (username: string, role: User['role'], agencyId: string | null) =>
		store.users.create({ username, displayName: username, role, agencyId, passwordHash: 'x' });
	users.coordinator = user('coord', 'coordinator', null);
	users.bdbp = user('bdbp', 'officer', ids.bdbp);
	users.stttt = user('stttt', 'officer', ids.stttt);
	users.ducco = user('ducco', 'officer', ids.ducco);
});
afterEach(() => {
	store.close();
	tmp.cleanup();
});

/** The task ids of the user's calendar feed, as Thunderbird's parser reads them, with summaries. */
function calendarTasks(user: User): Map<string, string> {
	const board = readBoard({ planId, loadDoc: (name) => readDocument(store, name) });
	const ics = toCalendar({
		name: 'Lịch',
		boards: [{ board, url: 'https://planboard.example/plans/x' }],
		agencyId: user.role === 'officer' ? user.agencyId : null,
		now: new Date(NOW)
	});
	const prefix = `${planId}.task.`;
	const out = new Map<string, string>();
	for (const v of new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent')) {
		const e = new ICAL.Event(v);
		if (e.uid.startsWith(prefix))
			out.set(e.uid.slice(prefix.length, -'@planboard'.length), e.summary);
	}
	return out;
}

/** The task ids of the user's deadline notifications (the email digest's list). */
async function bellTasks(user: User) {
	const concerns = await concernsOf({ store, user, now: NOW, deadlinesOnly: true });
	return concerns.filter((c) => !c.round);
}

describe("an agency's open, due tasks", () => {
	it('are the same in the calendar feed and the bell, for a missing card and a coordinated task', async () => {
		// The border guard finishes its card; Đức Cơ is then given the task too, but its card is
		// never created. The task is still open: Đức Cơ's part is not started.
		write(agencyDocName({ planId, agencyId: ids.bdbp }), users.bdbp, (doc) =>
			setStatus(doc, { taskId: border.id, status: 'done', by: users.bdbp.id, at: NOW })
		);
		write(planDocName(planId), users.coordinator, (doc) =>
			doc.transact(() => addAssignment(doc, ids.ducco, border.id))
		);

		for (const user of Object.values(users)) {
			const feed = calendarTasks(user);
			const bell = await bellTasks(user);
			expect(new Set(bell.map((c) => c.task.taskId)), user.username).toEqual(new Set(feed.keys()));
			for (const c of bell) expect(c.kind).toBe('overdue');
		}

		// A coordinator sees the task, waiting on Đức Cơ's missing card.
		expect(calendarTasks(users.coordinator).has(border.id)).toBe(true);
		expect(
			(await bellTasks(users.coordinator)).find((c) => c.task.taskId === border.id)
		).toMatchObject({
			agencies: [{ id: ids.ducco }]
		});
		// The border guard's own part is done: not its deadline any more.
		expect(calendarTasks(users.bdbp).has(border.id)).toBe(false);
		// Đức Cơ's seeded assignment is its own, not a coordination.
		expect(calendarTasks(users.ducco).get(border.id)).not.toMatch(/phối hợp/);
		const ducco = (await bellTasks(users.ducco)).find((c) => c.task.taskId === border.id);
		expect(ducco?.coordinating).toBeUndefined();
		// Sở TT&TT coordinates the border task while a lead's part is open: both say so.
		expect(calendarTasks(users.stttt).get(border.id)).toMatch(/\(phối hợp\)$/);
		expect((await bellTasks(users.stttt)).find((c) => c.task.taskId === border.id)).toMatchObject({
			coordinating: true,
			agencies: [{ id: ids.ducco }]
		});
	});
});

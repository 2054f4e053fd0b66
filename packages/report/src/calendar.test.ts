import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { A, T } from '../../model/src/test-fixtures.js';
import { toCalendar } from './calendar.js';
import { filledBoard } from './test-board.js';

interface Read {
	uid: string;
	summary: string;
	description: string;
	start: string;
	allDay: boolean;
}

/** The calendar as Thunderbird's parser (ical.js) reads it, event by event. */
function events(ics: string): Read[] {
	const root = new ICAL.Component(ICAL.parse(ics));
	expect(root.name).toBe('vcalendar');
	expect(root.getFirstPropertyValue('version')).toBe('2.0');
	expect(root.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Ho_Chi_Minh');
	return root.getAllSubcomponents('vevent').map((v) => {
		const e = new ICAL.Event(v);
		return {
			uid: e.uid,
			summary: e.summary,
			description: e.description,
			start: e.startDate.toString(),
			allDay: e.startDate.isDate
		};
	});
}

const board = filledBoard();
const url = 'https://planboard.example/plans/gia-lai-2024-ttdn';
const zone = process.env.TZ;

afterEach(() => {
	if (zone === undefined) delete process.env.TZ;
	else process.env.TZ = zone;
});

describe('the calendar feed', () => {
	it('has one all-day event per open task with a due date and per reporting deadline', () => {
		const read = events(
			toCalendar({ name: 'Planboard', boards: [{ board, url }], agencyId: null })
		);
		const open = board.tasks.filter(
			(t) =>
				t.due &&
				!t.deleted &&
				!(() => {
					const cards = board.cards.filter((c) => c.taskId === t.id);
					return cards.length > 0 && cards.every((c) => c.status === 'done');
				})()
		);
		expect(open.length).toBeGreaterThan(0);
		expect(board.milestones.length).toBeGreaterThan(0);
		expect(read).toHaveLength(open.length + board.milestones.length);
		expect(new Set(read.map((e) => e.uid)).size).toBe(read.length);
		for (const task of open) {
			const event = read.find((e) => e.uid === `${board.planId}.task.${task.id}@planboard`);
			expect(event, task.id).toMatchObject({
				start: task.due,
				allDay: true,
				summary: `Hạn: ${task.number} ${task.title}`
			});
			expect(event?.description).toContain(`Kế hoạch: ${board.meta.title}`);
		}
		for (const m of board.milestones) {
			expect(read).toContainEqual(
				expect.objectContaining({ start: m.date, allDay: true, summary: `Báo cáo: ${m.text}` })
			);
		}
	});

	it("keeps to an agency's tasks, marks those it coordinates, and drops its done cards", () => {
		const taskEvents = (agencyId: string) =>
			events(toCalendar({ name: 'Lịch', boards: [{ board, url }], agencyId })).filter((e) =>
				e.summary.startsWith('Hạn: ')
			);
		const border = `${board.planId}.task.${T.border}@planboard`;
		// The border guard leads the border task (its card is in progress).
		expect(taskEvents(A.bdbp)).toEqual([
			expect.objectContaining({
				uid: border,
				start: '2024-11-10',
				summary: expect.not.stringMatching(/\(phối hợp\)$/)
			})
		]);
		// The newspaper coordinates it: the lead's card is still open.
		expect(taskEvents(A.bao)).toEqual([
			expect.objectContaining({ uid: border, summary: expect.stringMatching(/ \(phối hợp\)$/) })
		]);
		// Sở TT&TT's own cards of both its dated tasks are done: nothing is due for it.
		for (const taskId of [T.legal, T.border]) {
			const card = board.cards.find((c) => c.agencyId === A.stttt && c.taskId === taskId);
			expect(card?.status).toBe('done');
		}
		expect(taskEvents(A.stttt)).toEqual([]);
	});

	it('writes the same days whatever the server’s time zone', () => {
		const make = () =>
			toCalendar({
				name: 'Planboard',
				boards: [{ board, url }],
				agencyId: null,
				now: new Date('2024-05-01T00:00:00Z')
			});
		process.env.TZ = 'America/Los_Angeles';
		const west = make();
		process.env.TZ = 'Pacific/Kiritimati';
		const east = make();
		expect(west).toBe(east);
		expect(events(west).map((e) => e.start)).toEqual(events(east).map((e) => e.start));
	});
});

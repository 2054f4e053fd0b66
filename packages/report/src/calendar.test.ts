import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { closeRound, openRound, planDocName } from '@planboard/model';
import * as Y from 'yjs';
import { A, T } from '../../model/src/test-fixtures.js';
import { readBoard } from './board.js';
import { toCalendar } from './calendar.js';
import { PLAN_ID, filledBoard, filledDocs } from './test-board.js';

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

	it('lists the open reporting rounds asking the agency, in place of the milestone they came from', () => {
		const docs = filledDocs();
		const plan = docs.get(planDocName(PLAN_ID))!;
		const who = { by: 'u-coord', byName: 'Điều phối' };
		const fromMilestone = openRound({
			plan,
			title: 'Báo cáo năm 2024',
			due: '2024-11-08',
			agencies: [A.bdbp, A.stttt],
			milestoneId: 'report',
			...who
		});
		const closed = openRound({
			plan,
			title: 'Báo cáo quý I',
			due: '2024-04-05',
			agencies: [A.bdbp],
			...who
		});
		closeRound({ plan, roundId: closed, ...who });
		openRound({ plan, title: 'Báo cáo riêng', due: '2024-09-30', agencies: [A.stttt], ...who });
		const rounded = readBoard({ planId: PLAN_ID, loadDoc: (n) => docs.get(n) ?? new Y.Doc() });
		const reports = (agencyId: string | null) =>
			events(toCalendar({ name: 'Lịch', boards: [{ board: rounded, url }], agencyId }))
				.filter((e) => e.summary.startsWith('Báo cáo: '))
				.map((e) => [e.start, e.summary]);
		expect(reports(A.bdbp)).toEqual(
			expect.arrayContaining([['2024-11-08', 'Báo cáo: Báo cáo năm 2024']])
		);
		const bdbp = reports(A.bdbp);
		// The milestone the round came from is not listed beside it; the closed round is gone.
		expect(bdbp.some(([, s]) => s.includes('Hạn gửi báo cáo'))).toBe(false);
		expect(bdbp.some(([, s]) => s.includes('quý I') || s.includes('riêng'))).toBe(false);
		expect(reports(null).filter(([, s]) => !s.startsWith('Báo cáo: Báo cáo'))).toHaveLength(
			rounded.milestones.length - 1
		);
		expect(reports(null).map(([, s]) => s)).toEqual(
			expect.arrayContaining(['Báo cáo: Báo cáo năm 2024', 'Báo cáo: Báo cáo riêng'])
		);
		const event = events(
			toCalendar({ name: 'Lịch', boards: [{ board: rounded, url }], agencyId: A.stttt })
		).find((e) => e.uid === `${PLAN_ID}.round.${fromMilestone}@planboard`);
		expect(event?.description).toContain(
			'Đơn vị báo cáo: Bộ Chỉ huy Bộ đội Biên phòng tỉnh; Sở Thông tin và Truyền thông'
		);
		expect(event?.allDay).toBe(true);
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

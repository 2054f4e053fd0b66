import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	asAgencyId,
	asPlanId,
	asTaskId,
	initAgencyDoc,
	initPlanDoc,
	readAgencies,
	readAssignments,
	readCards,
	readSections,
	readTasks,
	setProgress,
	setStatus,
	type AgencyId,
	type TaskId
} from '@planboard/model';
import { computeProgress, type CardState } from './progress.js';

const A = {
	tttt: asAgencyId('so-tttt'),
	ngv: asAgencyId('so-ngoai-vu'),
	bdbp: asAgencyId('bch-bdbp'),
	group: asAgencyId('cac-so-nganh')
};
const T = {
	legal: asTaskId('II.1'),
	press: asTaskId('II.4'),
	border: asTaskId('II.6.2'),
	duty: asTaskId('III.3')
};
const at = (date: string) => Date.parse(`${date}T03:00:00Z`);

/** A small board: a group task fanned out to two members, a sub-section, a duty. */
function board() {
	const plan = new Y.Doc();
	const cards = {
		[A.tttt]: [T.legal, T.press, T.border, T.duty],
		[A.ngv]: [T.press],
		[A.bdbp]: [T.border]
	} as Record<AgencyId, TaskId[]>;
	initPlanDoc(plan, {
		planId: asPlanId('p'),
		meta: {
			title: 'Kế hoạch',
			issuer: 'UBND',
			number: '1/KH',
			date: '2024-01-20',
			year: 2024,
			reportDue: '2024-11-10'
		},
		sections: [
			{ id: 'II', number: 'II', title: 'Nội dung thực hiện' },
			{ id: 'II.6', number: 'II.6', title: 'Hoạt động cụ thể', parentId: 'II' },
			{ id: 'III', number: 'III', title: 'Tổ chức thực hiện' }
		],
		agencies: [
			{
				id: A.tttt,
				name: 'Sở Thông tin và Truyền thông',
				shortName: 'Sở TT&TT',
				kind: 'department'
			},
			{ id: A.ngv, name: 'Sở Ngoại vụ', shortName: 'SNgV', kind: 'department' },
			{ id: A.bdbp, name: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', shortName: 'BĐBP', kind: 'armed' },
			{
				id: A.group,
				name: 'Các sở, ban, ngành',
				shortName: 'Sở, ngành',
				kind: 'group',
				members: [A.tttt, A.ngv]
			}
		],
		tasks: [
			{
				id: T.legal,
				number: 'II.1',
				sectionId: 'II',
				title: 'Pháp lý',
				content: '',
				due: '2024-12-31',
				lead: [A.tttt],
				kind: 'task'
			},
			{
				id: T.press,
				number: 'II.4',
				sectionId: 'II',
				title: 'Báo chí',
				content: '',
				due: '2024-10-10',
				lead: [A.group],
				kind: 'task'
			},
			{
				id: T.border,
				number: 'II.6.2',
				sectionId: 'II.6',
				title: 'Biên giới',
				content: '',
				due: '2024-09-30',
				lead: [A.tttt, A.bdbp],
				kind: 'task'
			},
			{
				id: T.duty,
				number: 'III.3',
				sectionId: 'III',
				title: 'Đôn đốc',
				content: '',
				due: null,
				lead: [A.tttt],
				kind: 'duty'
			}
		],
		milestones: [{ id: 'report', date: '2024-11-10', text: 'Hạn gửi báo cáo' }],
		cards
	});
	const agencyDocs = new Map<string, Y.Doc>();
	for (const [agencyId, taskIds] of Object.entries(cards)) {
		const doc = new Y.Doc();
		initAgencyDoc(doc, { agencyId: agencyId as AgencyId, taskIds });
		agencyDocs.set(agencyId, doc);
	}
	const doc = (id: string) => agencyDocs.get(id) as Y.Doc;
	// Sở TT&TT finished II.1 in June and its part of the group task II.4 on 05/10.
	setStatus(doc(A.tttt), { taskId: T.legal, status: 'done', at: at('2024-06-01') });
	setStatus(doc(A.tttt), { taskId: T.press, status: 'done', at: at('2024-10-05') });
	// BĐBP finished the border task after its due date; Sở TT&TT's half is at 50%.
	setStatus(doc(A.bdbp), { taskId: T.border, status: 'done', at: at('2024-10-02') });
	setProgress(doc(A.tttt), { taskId: T.border, progress: 50 });
	const read = (
		asOf: string,
		missing: string[] = [],
		extra: Record<string, CardState[]> = {},
		deleted: TaskId[] = [],
		leads: Record<string, AgencyId[]> = {},
		handedOver: Record<string, TaskId[]> = {}
	) =>
		computeProgress({
			tasks: readTasks(plan).map((t) =>
				leads[t.id]
					? { ...t, lead: leads[t.id] }
					: deleted.includes(t.id)
						? { ...t, deleted: { at: at('2024-10-15'), by: null, mergedInto: null } }
						: t
			),
			sections: readSections(plan),
			agencies: readAgencies(plan),
			assignments: readAssignments(plan),
			cards: (id): CardState[] => [
				...(agencyDocs.has(id) && !missing.includes(id) ? readCards(doc(id)) : []).map((c) =>
					handedOver[id]?.includes(c.taskId)
						? { ...c, handedOverTo: { agency: A.bdbp, at: at('2024-10-10'), by: null } }
						: c
				),
				...(extra[id] ?? [])
			],
			asOf
		});
	return { read };
}

describe('computeProgress (the one progress computation)', () => {
	it('counts cards by timeliness on the as-of date', () => {
		const { read } = board();
		expect(read('2024-10-01').byTimeliness).toEqual({
			on_track: 1, // III.3 has no due date
			due_soon: 1, // SNgV's II.4, due 10/10
			overdue: 1, // Sở TT&TT's II.6.2, due 30/09
			done_on_time: 2, // II.1 and Sở TT&TT's II.4
			done_late: 1 // BĐBP's II.6.2, finished 02/10 for a 30/09 deadline
		});
		expect(read('2024-10-20').byTimeliness).toEqual({
			on_track: 1,
			due_soon: 0,
			overdue: 2,
			done_on_time: 2,
			done_late: 1
		});
	});

	it('rolls up overall, by agency and by top-level section', () => {
		const p = board().read('2024-10-20');
		// Six cards: three done (300) + one at 50 + two at 0 -> 350 / 6.
		expect(p.totals).toEqual({ done: 3, total: 6, percent: 58 });
		const agency = Object.fromEntries(p.byAgency.map((s) => [s.key.id, s.rollup]));
		expect(agency).toEqual({
			'so-tttt': { done: 2, total: 4, percent: 63 },
			'so-ngoai-vu': { done: 0, total: 1, percent: 0 },
			'bch-bdbp': { done: 1, total: 1, percent: 100 }
		});
		// II.6 counts under II; the group task is not a lane of its own.
		const section = Object.fromEntries(p.bySection.map((s) => [s.key.id, s.rollup]));
		expect(section).toEqual({
			II: { done: 3, total: 5, percent: 70 },
			III: { done: 0, total: 1, percent: 0 }
		});
		expect(p.bySection.find((s) => s.key.id === 'II')?.byTimeliness.done_late).toBe(1);
	});

	it("shows a group task's member agencies done out of the seeded fan-out", () => {
		const { read } = board();
		const press = read('2024-10-01').tasks.find((t) => t.task.id === T.press);
		expect(press).toMatchObject({ fanOut: true, rollup: { done: 1, total: 2, percent: 50 } });
		// A member document not loaded yet still counts as an agency that has not finished.
		const partial = read('2024-10-01', [A.tttt]).tasks.find((t) => t.task.id === T.press);
		expect(partial?.rollup).toEqual({ done: 0, total: 2, percent: 0 });
		const border = read('2024-10-01').tasks.find((t) => t.task.id === T.border);
		expect(border?.fanOut).toBe(false);
	});

	it('lists overdue and due-soon tasks with the agencies concerned, by due date', () => {
		const p = board().read('2024-10-01');
		expect(p.overdue.map((t) => [t.task.number, t.late])).toEqual([['II.6.2', ['so-tttt']]]);
		expect(p.dueSoon.map((t) => [t.task.number, t.soon])).toEqual([['II.4', ['so-ngoai-vu']]]);
		const later = board().read('2026-01-01');
		// II.1 is done, so in 2026 only the unfinished parts of II.6.2 and II.4 are overdue.
		expect(later.overdue.map((t) => t.task.number)).toEqual(['II.6.2', 'II.4']);
		expect(later.dueSoon).toEqual([]);
	});

	it('refuses an as-of date that is not YYYY-MM-DD', () => {
		expect(() => board().read('01/10/2024')).toThrow(RangeError);
	});

	it('counts a seeded assignment without a card as expected and not started', () => {
		const { read } = board();
		const full = read('2024-10-20');
		// Sở TT&TT's document is not read: its four assignments count as todo at 0 %.
		const p = read('2024-10-20', [A.tttt]);
		expect(p.totals).toEqual({ done: 1, total: 6, percent: 17 });
		const tttt = p.byAgency.find((s) => s.key.id === A.tttt);
		expect(tttt?.rollup).toEqual({ done: 0, total: 4, percent: 0 });
		// II.4 and II.6.2 are past due on 20/10, so those missing cards are overdue.
		expect(tttt?.byTimeliness).toMatchObject({ overdue: 2, on_track: 2 });
		const legal = p.tasks.find((t) => t.task.id === T.legal);
		expect(legal?.cards).toMatchObject([{ agencyId: A.tttt, card: null, missing: true }]);
		expect(full.tasks.find((t) => t.task.id === T.legal)?.cards[0].missing).toBe(false);
	});

	it('lists orphan cards apart and counts them nowhere', () => {
		const { read } = board();
		const orphan: CardState = {
			taskId: asTaskId('II.9'),
			status: 'done',
			progress: 100,
			completedAt: at('2024-05-01')
		};
		const before = read('2024-10-20');
		const p = read('2024-10-20', [], { [A.ngv]: [orphan] });
		expect(p.orphans).toEqual([{ agencyId: A.ngv, card: orphan, task: null }]);
		expect(p.totals).toEqual(before.totals);
		expect(p.byTimeliness).toEqual(before.byTimeliness);
		expect(p.byAgency).toEqual(before.byAgency);
		expect(p.tasks.map((t) => t.task.id)).toEqual([T.legal, T.press, T.border, T.duty]);
	});

	it('turns the cards of a task deleted from the plan into orphans, with the deleted task', () => {
		const { read } = board();
		const before = read('2024-10-20');
		const legal = before.tasks.find((t) => t.task.id === T.legal);
		const p = read('2024-10-20', [], {}, [T.legal]);
		expect(p.tasks.map((t) => t.task.id)).not.toContain(T.legal);
		expect(p.orphans).toMatchObject([{ agencyId: A.tttt, task: { id: T.legal, number: 'II.1' } }]);
		expect(p.orphans[0].card.status).toBe('done');
		// II.1's done card leaves every figure: five assignments, two done.
		expect(p.totals).toEqual({ done: 2, total: 5, percent: 50 });
		expect(legal?.rollup.total).toBe(1);
	});

	it("counts a card closed by a handover nowhere, and the new lead's card in its place", () => {
		const { read } = board();
		const mark = { agency: A.bdbp, at: at('2024-10-10'), by: null };
		// II.1 handed from Sở TT&TT to BĐBP: the old card is closed, the new one carries on.
		const p = read(
			'2024-10-20',
			[],
			{
				[A.bdbp]: [
					{
						taskId: T.legal,
						status: 'in_progress',
						progress: 20,
						completedAt: null,
						handedOverFrom: mark
					}
				]
			},
			[],
			{ [T.legal]: [A.bdbp] },
			{ [A.tttt]: [T.legal] }
		);
		const legal = p.tasks.find((t) => t.task.id === T.legal);
		expect(legal?.cards.map((f) => f.agencyId)).toEqual([A.bdbp]);
		expect(legal?.rollup).toEqual({ done: 0, total: 1, percent: 20 });
		expect(p.byAgency.find((s) => s.key.id === A.tttt)?.rollup.total).toBe(3);
	});

	it('judges a task as a whole: done late when its last card was, done only when all are', () => {
		const p = board().read('2024-10-20');
		const border = p.tasks.find((t) => t.task.id === T.border);
		// Two lead agencies: one done late, one at 50 %, so the task is under way and overdue.
		expect(border).toMatchObject({ status: 'in_progress', timeliness: 'overdue' });
		expect(border?.rollup).toEqual({ done: 1, total: 2, percent: 75 });
		const legal = p.tasks.find((t) => t.task.id === T.legal);
		expect(legal).toMatchObject({ status: 'done', timeliness: 'done_on_time' });
	});
});

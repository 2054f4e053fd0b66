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
import { computeProgress } from './compute';

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
	const read = (asOf: string, missing: string[] = []) =>
		computeProgress({
			tasks: readTasks(plan),
			sections: readSections(plan),
			agencies: readAgencies(plan),
			assignments: readAssignments(plan),
			cardsOf: (id) => (agencyDocs.has(id) && !missing.includes(id) ? readCards(doc(id)) : []),
			asOf
		});
	return { read };
}

describe('computeProgress', () => {
	it('counts cards by timeliness on the as-of date', () => {
		const { read } = board();
		expect(read('2024-10-01').counts).toEqual({
			on_track: 1, // III.3 has no due date
			due_soon: 1, // SNgV's II.4, due 10/10
			overdue: 1, // Sở TT&TT's II.6.2, due 30/09
			done_on_time: 2, // II.1 and Sở TT&TT's II.4
			done_late: 1 // BĐBP's II.6.2, finished 02/10 for a 30/09 deadline
		});
		expect(read('2024-10-20').counts).toEqual({
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
		expect(p.overall).toEqual({ done: 3, total: 6, percent: 58 });
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
		expect(p.bySection.find((s) => s.key.id === 'II')?.counts.done_late).toBe(1);
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
});

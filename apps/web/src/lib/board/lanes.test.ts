import type { AgencyInfo, Card, Section, Task } from '@planboard/model';
import { describe, expect, it } from 'vitest';
import type { BoardFilters } from './filters';
import { buildLanes } from './lanes';

const agencies = [
	{ id: 'a', name: 'Sở Thông tin và Truyền thông', shortName: 'Sở TT&TT', kind: 'department' },
	{ id: 'b', name: 'Ủy ban nhân dân huyện Đức Cơ', shortName: 'UBND Đức Cơ', kind: 'district' }
] as AgencyInfo[];
const task = (id: string, title: string, coordinating: string[] = []) =>
	({
		id,
		number: id,
		sectionId: 's',
		title,
		content: '',
		timeframe: '',
		due: null,
		lead: [],
		coordinating,
		kind: 'task',
		items: []
	}) as unknown as Task;
const card = (taskId: string) =>
	({
		taskId,
		status: 'todo',
		progress: 0,
		order: 'a0',
		notes: '',
		checklist: [],
		evidence: [],
		figures: {},
		updates: [],
		completedAt: null,
		updatedAt: null,
		updatedBy: null
	}) as unknown as Card;
const sections: Section[] = [];
const tasks = [task('t1', 'Hội nghị báo chí', ['b']), task('t2', 'Triển lãm ảnh')];
const filters: BoardFilters = {
	agency: '',
	section: '',
	status: '',
	timeliness: '',
	q: '',
	scope: 'all',
	card: ''
};
const cards: Record<string, Card[]> = { a: [card('t1'), card('t2')], b: [card('t1')] };
const build = (q = '', byAgency = cards) =>
	buildLanes({
		agencies,
		tasks,
		sections,
		cardsOf: (id) => byAgency[id] ?? [],
		filters: { ...filters, q },
		myAgency: null,
		asOf: '2024-06-01'
	});
const rows = (groups: ReturnType<typeof build>) =>
	groups.flatMap((g) => g.lanes.flatMap((l) => l.rows));

describe('buildLanes', () => {
	it('keeps the row object of an unchanged card, so its tile is not rendered again', () => {
		const first = rows(build());
		const changed = { ...cards, b: [card('t1')] };
		const second = rows(build('', changed));
		expect(second[0]).toBe(first[0]);
		expect(second[1]).toBe(first[1]);
		expect(second[2]).not.toBe(first[2]);
		expect(second[2]).toEqual(first[2]);
	});

	it('rebuilds only the lane whose cards changed, and every lane when a filter changes', () => {
		const lanes = (groups: ReturnType<typeof build>) => groups.flatMap((g) => g.lanes);
		const byAgency = { a: [card('t1'), card('t2')], b: [card('t1')] };
		const first = lanes(build('', byAgency));
		// Card t2 of lane a moves to another column: lane a is new and shows it, lane b is kept.
		const moved = { ...byAgency, a: [byAgency.a[0], { ...card('t2'), status: 'done' as const }] };
		const second = lanes(build('', moved));
		expect(second[0]).not.toBe(first[0]);
		expect(second[0].rows.map((r) => r.card.status)).toEqual(['todo', 'done']);
		expect(second[0].rows[0]).toBe(first[0].rows[0]);
		expect(second[1]).toBe(first[1]);
		// The same cards under a query: both lanes are filtered anew, lane a's moved card kept.
		const searched = lanes(build('trien lam', moved));
		expect(searched.map((l) => l.agency.id)).toEqual(['a']);
		expect(searched[0].rows.map((r) => r.card.taskId)).toEqual(['t2']);
		// Cleared: lane b is filtered again, its rows (and so its tiles) are the ones it had.
		const cleared = lanes(build('', moved));
		expect(cleared[1]).toEqual(first[1]);
		expect(cleared[1].rows[0]).toBe(first[1].rows[0]);
	});

	it('searches task number, title, lane and coordinating agency names without diacritics', () => {
		const ids = (q: string) => rows(build(q)).map((r) => `${r.agencyId}/${r.card.taskId}`);
		expect(ids('hoi nghi')).toEqual(['a/t1', 'b/t1']);
		expect(ids('duc co')).toEqual(['a/t1', 'b/t1']);
		expect(ids('so tttt trien lam')).toEqual(['a/t2']);
		expect(ids('trien lam duc co')).toEqual([]);
	});
});

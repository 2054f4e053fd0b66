import type { AgencyInfo, Card, Task } from '@planboard/model';
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
		sections: [],
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

	it('searches task number, title, lane and coordinating agency names without diacritics', () => {
		const ids = (q: string) => rows(build(q)).map((r) => `${r.agencyId}/${r.card.taskId}`);
		expect(ids('hoi nghi')).toEqual(['a/t1', 'b/t1']);
		expect(ids('duc co')).toEqual(['a/t1', 'b/t1']);
		expect(ids('so tttt trien lam')).toEqual(['a/t2']);
		expect(ids('trien lam duc co')).toEqual([]);
	});
});

import { asTaskId, type Section, type Task } from '@planboard/model';
import { describe, expect, it } from 'vitest';
import { agendaTaskIds, cardSelector, cssString } from './highlight';

const task = (id: string, sectionId: string, deleted = false) =>
	({
		id: asTaskId(id),
		sectionId,
		deleted: deleted ? { at: 1, by: null, mergedInto: null } : null
	}) as Task;
const sections: Section[] = [
	{ id: 'II', number: 'II', title: 'Nội dung', parentId: null },
	{ id: 'II.6', number: 'II.6', title: 'Hoạt động', parentId: 'II' },
	{ id: 'III', number: 'III', title: 'Tổ chức', parentId: null }
];

describe('meeting highlight', () => {
	it('escapes any id so that it cannot leave its string or the style element', () => {
		expect(cssString('II.6.2')).toBe('"II\\2e 6\\2e 2"');
		const hostile = cssString('a"]</style><script>');
		expect(hostile).not.toMatch(/[<>\]]/);
		expect(hostile.slice(1, -1)).not.toContain('"');
	});

	it('finds the tasks of a section and its subsections, without deleted ones', () => {
		const tasks = [
			task('II.1', 'II'),
			task('II.6.2', 'II.6'),
			task('II.9', 'II', true),
			task('III.3', 'III')
		];
		expect(
			agendaTaskIds({ item: { id: 'a', kind: 'section', ref: 'II' }, tasks, sections })
		).toEqual(['II.1', 'II.6.2']);
		expect(
			agendaTaskIds({ item: { id: 'b', kind: 'task', ref: 'III.3' }, tasks, sections })
		).toEqual(['III.3']);
	});

	it('selects the cards of those tasks', () => {
		const sel = cardSelector(['t1', 't2']);
		expect(sel.split(',\n')).toEqual([
			'[data-testid="card"][data-task="t1"]',
			'[data-testid="card"][data-task="t2"]'
		]);
	});
});

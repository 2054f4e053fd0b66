import { join } from 'node:path';
import {
	addTask,
	asAgencyId,
	asPlanId,
	asTaskId,
	deleteTask,
	initPlanDoc,
	mergeTasks,
	splitTask,
	taskContentText,
	updateTask
} from '@planboard/model';
import type { Store } from '@planboard/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tempDir } from '../../../tests/support/harness.js';
import { sqliteDocumentStore } from './sqlite-documents.js';
import { taskHistory, type TaskChange } from './plan-history.js';
import type { HistoryReader } from './history.js';
import { openTestStore } from '../../../tests/support/test-database.js';

const DOC = 'plan/p1';
const T1 = asTaskId('II.1');
const T2 = asTaskId('II.2');
const [S, X, Y2] = ['so-tt', 'bdbp', 'bao'].map(asAgencyId);

let tmp: ReturnType<typeof tempDir>;
let store: Store;
let clock: number;
let lan: string;
let minh: string;
beforeEach(() => {
	tmp = tempDir('planboard-plan-history-');
	clock = Date.parse('2025-06-01T02:00:00Z');
	store = openTestStore({ path: join(tmp.dir, 'planboard.db'), now: () => clock });
	const user = (username: string, displayName: string) =>
		store.users.create({
			username,
			displayName,
			role: 'coordinator',
			agencyId: 'so-tt',
			passwordHash: 'x'
		}).id;
	lan = user('lan', 'Nguyễn Thị Lan');
	minh = user('minh', 'Trần Văn Minh');
});
afterEach(() => {
	store.close();
	tmp.cleanup();
});

const reader = (): HistoryReader => ({ documents: sqliteDocumentStore(store), users: store.users });

function write(doc: Y.Doc, userId: string | null, fn: () => void): void {
	clock += 60_000;
	const log = (update: Uint8Array) => store.updates.append({ document: DOC, update, userId });
	doc.on('update', log);
	fn();
	doc.off('update', log);
}

function planDoc(): Y.Doc {
	const doc = new Y.Doc();
	const agency = (id: string, name: string) => ({
		id: asAgencyId(id),
		name,
		shortName: name,
		kind: 'department' as const
	});
	write(doc, null, () =>
		initPlanDoc(doc, {
			planId: asPlanId('p1'),
			meta: {
				title: 'KH',
				issuer: 'UBND',
				number: '1/KH',
				date: '2025-01-01',
				year: 2025,
				reportDue: null
			},
			sections: [{ id: 'II', number: 'II', title: 'Nội dung' }],
			agencies: [agency(S, 'Sở TT&TT'), agency(X, 'BĐBP'), agency(Y2, 'Báo GL')],
			tasks: [
				{
					id: T1,
					number: 'II.1',
					sectionId: 'II',
					title: 'Tuyên truyền',
					content: 'Phần một. Phần hai.',
					lead: [S],
					kind: 'task'
				},
				{
					id: T2,
					number: 'II.2',
					sectionId: 'II',
					title: 'Hội nghị',
					content: 'Tổ chức.',
					lead: [X],
					kind: 'task'
				}
			],
			milestones: [],
			cards: { [S]: [T1], [X]: [T2] }
		})
	);
	return doc;
}

const kinds = (changes: TaskChange[]) => changes.map((c) => c.kind);

describe('plan history of a task', () => {
	it('lists each plan change to the task with who and when, newest first', async () => {
		const doc = planDoc();
		write(doc, lan, () =>
			updateTask(doc, { taskId: T1, title: 'Tuyên truyền biên giới', by: lan })
		);
		write(doc, minh, () =>
			updateTask(doc, { taskId: T1, due: '2025-09-30', timeframe: 'Quý III', by: minh })
		);
		write(doc, lan, () => updateTask(doc, { taskId: T1, coordinating: [Y2], by: lan }));
		write(doc, minh, () => updateTask(doc, { taskId: T1, lead: [X], by: minh }));
		write(doc, lan, () => taskContentText(doc, T1).insert(0, 'Mới. '));
		let part = asTaskId('x');
		write(doc, lan, () => {
			part = splitTask(doc, { taskId: T1, title: 'Phần hai', offset: 15, by: lan });
		});
		write(doc, minh, () => mergeTasks(doc, { keepId: T1, absorbId: T2, by: minh }));
		write(doc, lan, () => deleteTask(doc, { taskId: T1, by: lan }));
		// Someone else's task: not in this task's history.
		write(doc, lan, () => {
			addTask(doc, { sectionId: 'II', title: 'Khác', lead: [S] });
		});

		const { entries, nextBeforeSeq } = await taskHistory(reader(), DOC, { taskId: T1 });
		expect(nextBeforeSeq).toBeNull();
		expect(entries.map((e) => [e.author?.displayName, kinds(e.changes)])).toEqual([
			['Nguyễn Thị Lan', ['deleted']],
			['Trần Văn Minh', ['content', 'absorbed']],
			['Nguyễn Thị Lan', ['content', 'split']],
			['Nguyễn Thị Lan', ['content']],
			['Trần Văn Minh', ['handover']],
			['Nguyễn Thị Lan', ['coordinating']],
			['Trần Văn Minh', ['timeframe', 'due']],
			['Nguyễn Thị Lan', ['title']],
			// The server's import: the task as the plan first had it.
			[undefined, ['task']]
		]);
		expect(entries.at(-2)!.changes[0]).toEqual({
			kind: 'title',
			taskId: T1,
			before: 'Tuyên truyền',
			after: 'Tuyên truyền biên giới'
		});
		expect(entries.at(-2)!.time).toBe(new Date(Date.parse('2025-06-01T02:02:00Z')).toISOString());
		expect(entries[4].changes[0]).toMatchObject({ before: 'Sở TT&TT', after: 'BĐBP' });
		expect(entries[5].changes[0]).toMatchObject({ before: [], after: ['Báo GL'] });
		expect(entries[2].changes[1]).toMatchObject({
			kind: 'split',
			after: { id: part, title: 'Phần hai' }
		});
		expect(entries[1].changes.at(-1)).toMatchObject({ after: { id: T2, number: 'II.2' } });

		// The absorbed task's own history says where it went.
		const absorbed = await taskHistory(reader(), DOC, { taskId: T2 });
		expect(absorbed.entries[0].changes).toEqual([
			{
				kind: 'merged',
				taskId: T2,
				after: { id: T1, number: 'II.1', title: 'Tuyên truyền biên giới' }
			}
		]);
		// The split part starts with its creation from the original.
		const split = await taskHistory(reader(), DOC, { taskId: part });
		expect(split.entries.at(-1)!.changes[0]).toMatchObject({
			kind: 'task',
			before: null,
			after: { splitFrom: T1 }
		});
	});
});

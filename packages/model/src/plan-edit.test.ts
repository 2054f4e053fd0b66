import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readAssignments } from './assignments.js';
import { asTaskId, type TaskId } from './ids.js';
import {
	addSection,
	addTask,
	deleteTask,
	mergeTasks,
	moveSection,
	moveTask,
	planUndoManager,
	renameSection,
	restoreTask,
	splitTask
} from './plan-edit.js';
import { readSections } from './section.js';
import { readTask, readTasks, taskContentText, taskTitleText, updateTask } from './task.js';
import { A, T, planDoc, prng, replicasOf } from './test-fixtures.js';

/** Sends each replica what the other lacks, as the sync server would. */
function sync(a: Y.Doc, b: Y.Doc): void {
	const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
	const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
	Y.applyUpdate(b, toB, 'remote');
	Y.applyUpdate(a, toA, 'remote');
}

function pair(): [Y.Doc, Y.Doc] {
	const [a, b] = replicasOf(planDoc(), 2);
	return [a, b];
}

const inSection = (doc: Y.Doc, sectionId: string) =>
	readTasks(doc)
		.filter((t) => t.sectionId === sectionId && !t.deleted)
		.map((t) => t.id);

describe('plan editing by two coordinators at once', () => {
	it('keeps a title edit, a content edit and a due date change made concurrently', () => {
		const [a, b] = pair();
		taskTitleText(a, T.press).insert(0, 'Khẩn: ');
		taskContentText(b, T.press).insert(0, 'Bổ sung. ');
		updateTask(b, { taskId: T.press, due: '2024-09-30', by: 'u-b' });
		updateTask(a, { taskId: T.press, coordinating: [A.bao, A.sngv], by: 'u-a' });
		sync(a, b);
		const task = readTask(a, T.press)!;
		expect(task.title.startsWith('Khẩn: ')).toBe(true);
		expect(task.content.startsWith('Bổ sung. ')).toBe(true);
		expect(task.due).toBe('2024-09-30');
		expect(task.coordinating).toEqual([A.bao, A.sngv]);
		expect(readTasks(b)).toEqual(readTasks(a));
	});

	it('merges two people typing in the same title character by character', () => {
		const [a, b] = pair();
		const before = readTask(a, T.legal)!.title;
		for (const ch of 'ABC') taskTitleText(a, T.legal).insert(0, ch);
		const tb = taskTitleText(b, T.legal);
		for (const ch of 'xyz') tb.insert(tb.length, ch);
		updateTask(b, { taskId: T.legal, title: 'Mới ' + tb.toString() });
		sync(a, b);
		const title = readTask(a, T.legal)!.title;
		expect(title).toBe(readTask(b, T.legal)!.title);
		expect(title).toContain('CBA');
		expect(title).toContain('Mới ');
		expect(title).toContain(before + 'xyz');
	});

	it('adds tasks concurrently without losing either and creates assignments', () => {
		const [a, b] = pair();
		const x = addTask(a, { sectionId: 'II', title: 'Việc mới A', lead: [A.bdbp] });
		const y = addTask(b, { sectionId: 'II', title: 'Việc mới B', lead: [A.bao], index: 0 });
		sync(a, b);
		expect(inSection(a, 'II')).toEqual(inSection(b, 'II'));
		expect(inSection(a, 'II')).toContain(x);
		expect(inSection(a, 'II')[0]).toBe(y);
		expect(readAssignments(a)[A.bdbp]).toContain(x);
		expect(readTask(a, x)!.number).toMatch(/^II\.\d+$/);
	});

	it('keeps both of two agencies added concurrently to the same lead or coordinating list', () => {
		const [a, b] = pair();
		// T.border: lead [stttt, bdbp], coordinating [bao].
		updateTask(a, { taskId: T.border, coordinating: [A.bao, A.sngv], by: 'u-a' });
		updateTask(b, { taskId: T.border, coordinating: [A.bao, A.group], by: 'u-b' });
		updateTask(a, { taskId: T.press, lead: [A.stttt, A.bdbp], by: 'u-a' });
		updateTask(b, { taskId: T.press, lead: [A.stttt, A.bao], by: 'u-b' });
		sync(a, b);
		for (const doc of [a, b]) {
			expect([...readTask(doc, T.border)!.coordinating].sort()).toEqual(
				[A.bao, A.sngv, A.group].sort()
			);
			expect(readTask(doc, T.press)!.lead[0]).toBe(A.stttt);
			expect([...readTask(doc, T.press)!.lead].sort()).toEqual([A.stttt, A.bdbp, A.bao].sort());
		}
		expect(readTasks(b)).toEqual(readTasks(a));
	});

	it('merges a removal with a concurrent addition, and reads an agency added twice once', () => {
		const [a, b] = pair();
		updateTask(a, { taskId: T.border, coordinating: [], by: 'u-a' });
		updateTask(b, { taskId: T.border, coordinating: [A.bao, A.sngv], by: 'u-b' });
		sync(a, b);
		expect(readTask(a, T.border)!.coordinating).toEqual([A.sngv]);
		updateTask(a, { taskId: T.border, coordinating: [A.sngv, A.group], by: 'u-a' });
		updateTask(b, { taskId: T.border, coordinating: [A.sngv, A.group], by: 'u-b' });
		sync(a, b);
		for (const doc of [a, b]) {
			expect(readTask(doc, T.border)!.coordinating).toEqual([A.sngv, A.group]);
		}
		// A later write from either side cleans the duplicate and keeps the list.
		updateTask(a, { taskId: T.border, coordinating: [A.group, A.sngv], by: 'u-a' });
		sync(a, b);
		const stored = a.getMap<Y.Map<unknown>>('tasks').get(T.border)!.get('coordinating');
		expect((stored as Y.Array<string>).toArray()).toEqual([A.group, A.sngv]);
		expect(readTask(b, T.border)!.coordinating).toEqual([A.group, A.sngv]);
	});

	it('records both of two tasks added for the same agency at the same instant', () => {
		const [a, b] = pair();
		const x = addTask(a, { sectionId: 'II', title: 'Việc A', lead: [A.bao] });
		const y = addTask(b, { sectionId: 'II', title: 'Việc B', lead: [A.bao] });
		sync(a, b);
		for (const doc of [a, b]) {
			expect(readAssignments(doc)[A.bao]).toEqual(expect.arrayContaining([T.dutyBao, x, y]));
			expect(readAssignments(doc)[A.bao]).toHaveLength(3);
		}
		expect(readAssignments(b)).toEqual(readAssignments(a));
	});

	it('marks a deleted task with who and when, and keeps an edit made to it meanwhile', () => {
		const [a, b] = pair();
		deleteTask(a, { taskId: T.border, by: 'u-a', at: 1_717_000_000_000 });
		updateTask(b, { taskId: T.border, due: '2024-12-31' });
		sync(a, b);
		const task = readTask(b, T.border)!;
		expect(task.deleted).toEqual({ at: 1_717_000_000_000, by: 'u-a', mergedInto: null });
		expect(task.due).toBe('2024-12-31');
		expect(readTasks(b).map((t) => t.id)).toContain(T.border);
		restoreTask(b, { taskId: T.border });
		sync(a, b);
		expect(readTask(a, T.border)!.deleted).toBeUndefined();
	});

	it('moves tasks concurrently to one order on both replicas, with no task twice', () => {
		const [a, b] = pair();
		moveTask(a, { taskId: T.press, index: 0 });
		moveTask(b, { taskId: T.press, index: 0 });
		moveTask(b, { taskId: T.border, sectionId: 'II', index: 1 });
		sync(a, b);
		expect(inSection(a, 'II')).toEqual(inSection(b, 'II'));
		expect(inSection(a, 'II')).toEqual([T.press, T.border, T.legal]);
		expect(inSection(a, 'II.6')).toEqual([]);
		// Two identical concurrent moves left equal keys; a later move between them still lands.
		moveTask(a, { taskId: T.legal, index: 1 });
		sync(a, b);
		expect(inSection(b, 'II')).toEqual([T.press, T.legal, T.border]);
	});

	it('keeps a section rename and a concurrent move of the same section', () => {
		const [a, b] = pair();
		renameSection(a, { sectionId: 'III', title: 'Tổ chức thực hiện (sửa)' });
		moveSection(b, { sectionId: 'III', index: 0 });
		const added = addSection(b, { title: 'Phụ lục', number: 'IV' });
		sync(a, b);
		expect(readSections(a)).toEqual(readSections(b));
		expect(readSections(a).map((s) => [s.id, s.title])).toEqual([
			['III', 'Tổ chức thực hiện (sửa)'],
			['II', 'Nội dung thực hiện'],
			['II.6', 'Triển khai các hoạt động cụ thể'],
			[added, 'Phụ lục']
		]);
	});

	it('splits a task and keeps text typed concurrently in the part that moved', () => {
		const [a, b] = pair();
		const content = taskContentText(a, T.press);
		content.delete(0, content.length);
		content.insert(0, 'Phần một. Phần hai.');
		sync(a, b);
		const id = splitTask(a, { taskId: T.press, title: 'Phần hai', offset: 9, id: asTaskId('x1') });
		taskContentText(b, T.press).insert(18, ' (gấp)');
		sync(a, b);
		expect(readTasks(a)).toEqual(readTasks(b));
		const original = readTask(a, T.press)!;
		const split = readTask(a, id)!;
		expect(original.content).toContain('Phần một.');
		expect(original.content).toContain(' (gấp)');
		expect(split.content).toBe('Phần hai.');
		expect(split).toMatchObject({ splitFrom: T.press, lead: original.lead, due: original.due });
		expect(inSection(a, original.sectionId).indexOf(id)).toBe(
			inSection(a, original.sectionId).indexOf(T.press) + 1
		);
	});

	it('merges two tasks: content appended, agencies united, the absorbed one marked', () => {
		const [a, b] = pair();
		const absorbed = readTask(a, T.border)!;
		mergeTasks(a, { keepId: T.press, absorbId: T.border, by: 'u-a' });
		sync(a, b);
		const kept = readTask(b, T.press)!;
		expect(kept.content).toContain(absorbed.title);
		for (const agency of absorbed.lead) expect(kept.lead).toContain(agency);
		expect(readTask(b, T.border)!.deleted).toMatchObject({ by: 'u-a', mergedInto: T.press });
	});

	it('converges under random concurrent plan operations', () => {
		const rng = prng(15);
		const docs = replicasOf(planDoc(), 3);
		const ids: TaskId[] = readTasks(docs[0]).map((t) => t.id);
		for (let round = 0; round < 40; round++) {
			for (const doc of docs) {
				const live = readTasks(doc).filter((t) => !t.deleted);
				const task = rng.pick(live);
				switch (rng.int(7)) {
					case 0:
						taskTitleText(doc, task.id).insert(rng.int(task.title.length + 1), 'ạ');
						break;
					case 1:
						updateTask(doc, { taskId: task.id, due: `2024-0${1 + rng.int(9)}-15` });
						break;
					case 2:
						moveTask(doc, { taskId: task.id, index: rng.int(4) });
						break;
					case 3:
						if (live.length > 3) deleteTask(doc, { taskId: task.id });
						break;
					case 4:
						ids.push(addTask(doc, { sectionId: 'II', title: 'n', lead: [A.stttt] }));
						break;
					case 5:
						renameSection(doc, { sectionId: rng.pick(['II', 'III']), title: `t${round}` });
						break;
					case 6:
						updateTask(doc, { taskId: task.id, lead: [rng.pick([A.stttt, A.bao])] });
						break;
				}
			}
			if (rng.next() < 0.5) sync(docs[rng.int(3)], docs[rng.int(3)]);
		}
		sync(docs[0], docs[1]);
		sync(docs[1], docs[2]);
		sync(docs[0], docs[1]);
		expect(readTasks(docs[1])).toEqual(readTasks(docs[0]));
		expect(readTasks(docs[2])).toEqual(readTasks(docs[0]));
		expect(readSections(docs[2])).toEqual(readSections(docs[0]));
		expect(new Set(readTasks(docs[0]).map((t) => t.id)).size).toBe(ids.length);
	});
});

describe('per-user undo', () => {
	it("undoes one's own changes and never another person's concurrent change", () => {
		const [a, b] = pair();
		const me = Symbol('me');
		const undo = planUndoManager(a, { origin: me });
		const before = readTask(a, T.press)!;
		// Mine: a title edit and a deadline; theirs, concurrently: the content and the leads.
		a.transact(() => taskTitleText(a, T.press).insert(0, 'Sửa: '), me);
		undo.stopCapturing();
		updateTask(a, { taskId: T.press, due: '2024-10-01', origin: me });
		taskContentText(b, T.press).insert(0, 'Của người khác. ');
		taskTitleText(b, T.press).insert(taskTitleText(b, T.press).length, ' (B)');
		updateTask(b, { taskId: T.press, lead: [A.bao] });
		sync(a, b);
		undo.undo();
		expect(readTask(a, T.press)!.due).toBe(before.due);
		expect(readTask(a, T.press)!.title.startsWith('Sửa: ')).toBe(true);
		undo.undo();
		sync(a, b);
		const after = readTask(b, T.press)!;
		expect(after.title).toBe(before.title + ' (B)');
		expect(after.content.startsWith('Của người khác. ')).toBe(true);
		expect(after.lead).toEqual([A.bao]);
		expect(after.due).toBe(before.due);
		undo.redo();
		sync(a, b);
		expect(readTask(b, T.press)!.title).toBe('Sửa: ' + before.title + ' (B)');
		// Nothing of B's can be undone from A's manager.
		const other = planUndoManager(b, { origin: Symbol('b') });
		expect(other.canUndo()).toBe(false);
	});
});

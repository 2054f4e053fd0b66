import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { initAgencyDoc } from './agency-doc.js';
import { readAssignments } from './assignments.js';
import { setProgress } from './card-ops.js';
import { readCard } from './card.js';
import { addTask, planUndoManager } from './plan-edit.js';
import { createLinkedCards } from './plan-undo.js';
import { readTask, updateTask } from './task.js';
import { A, T, planDoc, replicasOf } from './test-fixtures.js';

function baoDoc(): Y.Doc {
	const doc = new Y.Doc();
	initAgencyDoc(doc, { agencyId: A.bao, taskIds: [T.dutyBao], contributionTaskIds: [] });
	return doc;
}

function sync(a: Y.Doc, b: Y.Doc): void {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
}

describe('undo of a plan change that created cards', () => {
	it('undoing an added task withdraws its card, redo brings both back, another person keeps theirs', () => {
		const [mine, theirs] = replicasOf(planDoc(), 2);
		const bao = baoDoc();
		const me = Symbol('me');
		const undo = planUndoManager(mine, { origin: me });
		const id = addTask(mine, { sectionId: 'II', title: 'Việc mới', lead: [A.bao], origin: me });
		createLinkedCards({ undo, cards: [{ doc: bao, taskId: id }], by: 'u-me' });
		expect(readCard(bao, id)).not.toBeNull();
		updateTask(theirs, { taskId: T.press, due: '2024-10-01', by: 'u-them' });
		sync(mine, theirs);

		undo.undo();
		expect(readTask(mine, id)).toBeNull();
		expect(readCard(bao, id)).toBeNull();
		expect(readAssignments(mine)[A.bao]).toEqual([T.dutyBao]);
		expect(readCard(bao, T.dutyBao)).not.toBeNull();
		expect(readTask(mine, T.press)?.due).toBe('2024-10-01');

		undo.redo();
		expect(readTask(mine, id)?.lead).toEqual([A.bao]);
		expect(readCard(bao, id)).toMatchObject({ status: 'todo', progress: 0 });
		// Undo again after redo: the inverse step still carries the card.
		undo.undo();
		expect(readCard(bao, id)).toBeNull();
	});

	it('undoing an added lead withdraws the card created for it', () => {
		const plan = planDoc();
		const bao = baoDoc();
		const me = Symbol('me');
		const undo = planUndoManager(plan, { origin: me });
		updateTask(plan, { taskId: T.press, lead: [A.stttt, A.sngv, A.bao], origin: me });
		createLinkedCards({ undo, cards: [{ doc: bao, taskId: T.press }] });
		expect(readCard(bao, T.press)).not.toBeNull();
		undo.undo();
		expect(readTask(plan, T.press)?.lead).not.toContain(A.bao);
		expect(readCard(bao, T.press)).toBeNull();
	});

	it('keeps a card somebody already wrote on, and never touches a card that existed before', () => {
		const plan = planDoc();
		const bao = baoDoc();
		const me = Symbol('me');
		const undo = planUndoManager(plan, { origin: me });
		const id = addTask(plan, { sectionId: 'II', title: 'Việc mới', lead: [A.bao], origin: me });
		createLinkedCards({
			undo,
			cards: [
				{ doc: bao, taskId: id },
				{ doc: bao, taskId: T.dutyBao }
			]
		});
		setProgress(bao, { taskId: id, progress: 30, by: 'officer' });
		undo.undo();
		expect(readTask(plan, id)).toBeNull();
		expect(readCard(bao, id)?.progress).toBe(30);
		expect(readCard(bao, T.dutyBao)).not.toBeNull();
	});
});

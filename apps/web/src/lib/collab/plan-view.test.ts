import { openRound, readTasks, taskTitleText, updateTask, type Task } from '@planboard/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { A, T, planDoc, replicasOf } from '../../../../../packages/model/src/test-fixtures.js';
import { PlanView } from './plan-view.svelte';

const byId = (tasks: Task[]) => new Map(tasks.map((t) => [t.id as string, t]));

describe('PlanView', () => {
	it('keeps tasks, sections and agencies while another part of the plan changes', () => {
		const doc = planDoc();
		const view = new PlanView(doc);
		const { tasks, sections, agencies, meta } = view;
		openRound({
			plan: doc,
			title: 'Quý I',
			due: '2024-03-31',
			agencies: [A.stttt],
			byName: 'Điều phối'
		});
		expect(view.version).toBeGreaterThan(0);
		expect(view.tasks).toBe(tasks);
		expect(view.sections).toBe(sections);
		expect(view.agencies).toBe(agencies);
		expect(view.meta).toBe(meta);
	});

	it('gives a new object only to the task an edit touched, locally or from a replica', () => {
		const [doc, remote] = replicasOf(planDoc(), 2);
		const view = new PlanView(doc);
		const before = byId(view.tasks);
		updateTask(doc, { taskId: T.press, due: '2024-05-30' });
		let after = byId(view.tasks);
		expect(after.get(T.press)?.due).toBe('2024-05-30');
		for (const [id, task] of before) if (id !== T.press) expect(after.get(id), id).toBe(task);

		remote.on('update', (u: Uint8Array) => Y.applyUpdate(doc, u, 'remote'));
		taskTitleText(remote, T.legal).insert(0, 'Mới: ');
		after = byId(view.tasks);
		expect(after.get(T.legal)?.title).toMatch(/^Mới: /);
		expect(after.get(T.border)).toBe(before.get(T.border));
		expect(view.tasks.map((t) => t.id)).toEqual(readTasks(doc).map((t) => t.id));
	});
});

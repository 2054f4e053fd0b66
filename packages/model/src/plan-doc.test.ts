import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readAgencies } from './agency.js';
import { cardHolders, readAssignments } from './assignments.js';
import { docKind } from './meta.js';
import { CURRENT_SCHEMA_VERSION } from './migrations.js';
import { addMilestone, readMilestones, removeMilestone } from './milestone.js';
import { initPlanDoc, validateSeed } from './plan-doc.js';
import { readPlanMeta } from './plan-meta.js';
import { readSections } from './section.js';
import { readTask, readTasks, taskContentText, updateTask } from './task.js';
import { A, T, agencyDoc, gialaiSeed, planDoc, replicasOf } from './test-fixtures.js';

describe('initPlanDoc and plan readers', () => {
	it('writes the seed and reads it back as plain objects', () => {
		const doc = planDoc();
		expect(docKind(doc)).toBe('plan');
		expect(doc.getMap('meta').get('schemaVersion')).toBe(CURRENT_SCHEMA_VERSION);
		expect(readPlanMeta(doc)).toEqual({ planId: 'gia-lai-2024-ttdn', ...gialaiSeed().meta });
		expect(readSections(doc).map((s) => [s.number, s.parentId])).toEqual([
			['II', null],
			['II.6', 'II'],
			['III', null]
		]);
		expect(readAgencies(doc)).toEqual(gialaiSeed().agencies);
		const tasks = readTasks(doc);
		expect(tasks.map((t) => t.number)).toEqual(['II.1', 'II.4', 'II.6.2', 'III.3', 'III.13']);
		expect(tasks[2]).toEqual({
			...gialaiSeed().tasks[2],
			timeframe: '',
			items: []
		});
		expect(readTask(doc, T.dutyTttt)?.items).toHaveLength(2);
		expect(readMilestones(doc).map((m) => m.date)).toEqual([
			'2024-05-07',
			'2024-11-10',
			'2024-12-22'
		]);
		expect(readAssignments(doc)[A.sngv]).toEqual([T.press]);
		expect(cardHolders(doc, T.press)).toEqual([A.sngv, A.stttt].sort());
	});

	it('refuses a non-empty document, so a board is seeded exactly once', () => {
		const doc = planDoc();
		expect(() => initPlanDoc(doc, gialaiSeed())).toThrow(/not empty/);
		const [replica] = replicasOf(doc, 1);
		expect(() => initPlanDoc(replica, gialaiSeed())).toThrow(/not empty/);
	});

	it('accepts a document a client only read from', () => {
		const doc = new Y.Doc();
		readTasks(doc);
		initPlanDoc(doc, gialaiSeed());
		expect(readTasks(doc)).toHaveLength(5);
	});

	it('rejects inconsistent seeds with every problem listed', () => {
		const seed = gialaiSeed();
		seed.tasks[0].lead = ['nobody' as never];
		seed.tasks[1].due = '31/12/2024';
		seed.tasks.push({ ...seed.tasks[2] });
		expect(validateSeed(seed)).toEqual([
			'duplicate task id II.6.2',
			'task II.1: unknown agency nobody',
			'task II.4: due 31/12/2024 is not YYYY-MM-DD'
		]);
		expect(() => initPlanDoc(new Y.Doc(), seed)).toThrow(/invalid seed/);
	});
});

describe('coordinator operations', () => {
	it('updates the given task fields only', () => {
		const doc = planDoc();
		updateTask(doc, { taskId: T.press, due: '2024-06-30', lead: [A.sngv], by: 'u1', at: 5 });
		const t = readTask(doc, T.press);
		expect(t).toMatchObject({
			due: '2024-06-30',
			lead: [A.sngv],
			title: gialaiSeed().tasks[1].title
		});
		updateTask(doc, { taskId: T.press, due: null });
		expect(readTask(doc, T.press)?.due).toBeNull();
		expect(() => updateTask(doc, { taskId: T.press, due: '2024-02-30' })).toThrow(/YYYY-MM-DD/);
		expect(() => updateTask(doc, { taskId: 'II.99' as never, title: 'x' })).toThrow(
			/No task II.99/
		);
	});

	it('refuses plan operations on an agency document', () => {
		expect(() => updateTask(agencyDoc(), { taskId: T.press, title: 'x' })).toThrow(
			/Expected a plan document/
		);
	});

	it('exposes task content as a Y.Text that merges concurrent edits', () => {
		const [a, b] = replicasOf(planDoc(), 2);
		taskContentText(a, T.legal).insert(0, 'A: ');
		taskContentText(b, T.legal).insert(taskContentText(b, T.legal).length, ' (B)');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(readTask(a, T.legal)?.content).toBe(readTask(b, T.legal)?.content);
		expect(readTask(a, T.legal)?.content).toMatch(/^A: Rà soát.*\(B\)$/);
	});

	it('adds and removes milestones', () => {
		const doc = planDoc();
		const id = addMilestone(doc, { date: '2024-03-03', text: '35 năm Ngày Biên phòng toàn dân' });
		expect(readMilestones(doc)[0]).toEqual({
			id,
			date: '2024-03-03',
			text: '35 năm Ngày Biên phòng toàn dân'
		});
		removeMilestone(doc, { id });
		removeMilestone(doc, { id });
		expect(readMilestones(doc)).toHaveLength(3);
		expect(() => addMilestone(doc, { date: '03/03/2024', text: 'x' })).toThrow(/YYYY-MM-DD/);
	});
});

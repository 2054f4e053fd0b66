import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { contributionText, readContributions, setContributionDone } from './contribution.js';
import { rollupProgress } from './rollup.js';
import { T, agencyDoc, replicasOf } from './test-fixtures.js';

describe('contributions', () => {
	it('lists seeded entries and creates missing ones on first access', () => {
		const doc = agencyDoc();
		expect(readContributions(doc)).toEqual([
			{ taskId: T.press, text: '', done: false, updatedAt: null, updatedBy: null }
		]);
		contributionText(doc, T.dutyBao).insert(0, 'Cung cấp 5 tin bài');
		setContributionDone(doc, { taskId: T.press, done: true, by: 'u1', at: 3 });
		expect(readContributions(doc)).toEqual([
			{ taskId: T.press, text: '', done: true, updatedAt: 3, updatedBy: 'u1' },
			{
				taskId: T.dutyBao,
				text: 'Cung cấp 5 tin bài',
				done: false,
				updatedAt: null,
				updatedBy: null
			}
		]);
	});

	it('merges text typed concurrently into a contribution nobody had opened', () => {
		const [a, b] = replicasOf(agencyDoc(), 2);
		contributionText(a, T.border).insert(0, 'Báo GL: 3 phóng sự. ');
		contributionText(b, T.border).insert(0, 'Đài: 2 chương trình.');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		const text = readContributions(a).find((c) => c.taskId === T.border)?.text ?? '';
		expect(text).toContain('3 phóng sự');
		expect(text).toContain('2 chương trình');
		expect(readContributions(b)).toEqual(readContributions(a));
	});
});

describe('rollupProgress', () => {
	it('averages progress with done counting 100', () => {
		expect(rollupProgress([])).toEqual({ done: 0, total: 0, percent: 0 });
		expect(
			rollupProgress([
				{ status: 'done', progress: 80 },
				{ status: 'in_progress', progress: 50 },
				{ status: 'todo', progress: 0 }
			])
		).toEqual({ done: 1, total: 3, percent: 50 });
	});
});

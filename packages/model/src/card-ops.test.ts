import { describe, expect, it } from 'vitest';
import { cardNotesText, readCard, readCards } from './card.js';
import { deleteCard, restoreCard, setProgress, setStatus } from './card-ops.js';
import { T, agencyDoc, planDoc } from './test-fixtures.js';

describe('card operations', () => {
	it('stamps completedAt when done, keeps it while done, clears it on leaving done', () => {
		const doc = agencyDoc();
		setStatus(doc, { taskId: T.legal, status: 'in_progress', by: 'u1', at: 100 });
		expect(readCard(doc, T.legal)).toMatchObject({
			status: 'in_progress',
			completedAt: null,
			updatedAt: 100,
			updatedBy: 'u1'
		});
		setStatus(doc, { taskId: T.legal, status: 'done', at: 200 });
		setStatus(doc, { taskId: T.legal, status: 'done', at: 300 });
		expect(readCard(doc, T.legal)).toMatchObject({
			status: 'done',
			completedAt: 200,
			updatedAt: 300
		});
		setStatus(doc, { taskId: T.legal, status: 'awaiting_review', at: 400 });
		expect(readCard(doc, T.legal)?.completedAt).toBeNull();
		expect(() => setStatus(doc, { taskId: T.legal, status: 'cancelled' as never })).toThrow(
			/Unknown status/
		);
	});

	it('sorts cards by status, then order key', () => {
		const doc = agencyDoc();
		setStatus(doc, { taskId: T.legal, status: 'paused' });
		setStatus(doc, { taskId: T.dutyTttt, status: 'in_progress' });
		expect(readCards(doc).map((c) => c.taskId)).toEqual([T.press, T.border, T.dutyTttt, T.legal]);
	});

	it('clamps progress to an integer 0..100', () => {
		const doc = agencyDoc();
		const progress = (p: number) => {
			setProgress(doc, { taskId: T.press, progress: p });
			return readCard(doc, T.press)?.progress;
		};
		expect([progress(33.4), progress(-5), progress(120), progress(99.5)]).toEqual([
			33, 0, 100, 100
		]);
		expect(() => progress(Number.NaN)).toThrow(/Progress/);
	});

	it('deletes and restores a card with default state at the bottom of todo', () => {
		const doc = agencyDoc();
		cardNotesText(doc, T.legal).insert(0, 'Đã ban hành');
		setProgress(doc, { taskId: T.legal, progress: 50 });
		deleteCard(doc, { taskId: T.legal });
		deleteCard(doc, { taskId: T.legal });
		expect(readCard(doc, T.legal)).toBeNull();
		expect(() => setProgress(doc, { taskId: T.legal, progress: 1 })).toThrow(
			/No card for task II.1/
		);
		expect(restoreCard(doc, { taskId: T.legal, at: 9, by: 'u2' })).toBe(true);
		expect(restoreCard(doc, { taskId: T.legal })).toBe(false);
		expect(readCard(doc, T.legal)).toMatchObject({
			status: 'todo',
			progress: 0,
			notes: '',
			updatedBy: 'u2'
		});
		expect(
			readCards(doc)
				.map((c) => c.taskId)
				.at(-1)
		).toBe(T.legal);
	});

	it('refuses card operations on a plan document', () => {
		expect(() => setProgress(planDoc(), { taskId: T.legal, progress: 1 })).toThrow(
			/Expected an agency document, got plan/
		);
	});
});

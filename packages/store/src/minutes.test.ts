import { describe, expect, it } from 'vitest';
import { BACKENDS, useTempStore } from './test-store.js';

describe.each(BACKENDS)('%s', (backend) => {
	const t = useTempStore(backend);

	const input = (planId: string, meetingId: string, docx = new Uint8Array([80, 75, 3, 4])) => ({
		planId,
		meetingId,
		title: 'Biên bản cuộc họp',
		startedAt: new Date(1_000),
		endedAt: new Date(9_000),
		createdBy: 'u-1',
		docx
	});

	describe('meeting minutes', () => {
		it('stores one file per meeting, lists a plan’s minutes and reads a file only within its plan', () => {
			t.store.plans.insert({ id: 'p', title: 'P', year: 2025, sourceJson: '{}' });
			t.store.plans.insert({ id: 'q', title: 'Q', year: 2025, sourceJson: '{}' });
			const first = t.store.minutes.create(input('p', 'm1'));
			expect(first.created).toBe(true);
			// Ending the same meeting again keeps the minutes first issued.
			const again = t.store.minutes.create(input('p', 'm1', new Uint8Array([1])));
			expect(again).toEqual({ id: first.id, created: false });
			t.store.minutes.create({ ...input('p', 'm2'), startedAt: new Date(20_000) });
			expect(t.store.minutes.list('p').map((m) => m.meetingId)).toEqual(['m2', 'm1']);
			expect(t.store.minutes.list('q')).toEqual([]);
			const file = t.store.minutes.file({ planId: 'p', id: first.id });
			expect(file?.docx).toEqual(new Uint8Array([80, 75, 3, 4]));
			expect(file).toMatchObject({ title: 'Biên bản cuộc họp', endedAt: new Date(9_000) });
			expect(t.store.minutes.file({ planId: 'q', id: first.id })).toBeNull();
		});
	});
});

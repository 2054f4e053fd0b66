import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { agencyIdOf, initAgencyDoc } from './agency-doc.js';
import { readCard, readCards } from './card.js';
import { docKind } from './meta.js';
import { A, T, agencyDoc } from './test-fixtures.js';

describe('initAgencyDoc', () => {
	it('creates one todo card at 0% per task, ordered as given', () => {
		const doc = agencyDoc();
		expect(docKind(doc)).toBe('agency');
		expect(agencyIdOf(doc)).toBe(A.stttt);
		const cards = readCards(doc);
		expect(cards.map((c) => c.taskId)).toEqual([T.legal, T.press, T.border, T.dutyTttt]);
		expect(
			cards.every((c) => c.status === 'todo' && c.progress === 0 && c.completedAt === null)
		).toBe(true);
		const keys = cards.map((c) => c.order);
		expect([...keys].sort()).toEqual(keys);
		expect(readCard(doc, T.legal)).toEqual({
			taskId: T.legal,
			status: 'todo',
			progress: 0,
			order: keys[0],
			notes: '',
			checklist: [],
			evidence: [],
			figures: {},
			updates: [],
			completedAt: null,
			updatedAt: null,
			updatedBy: null
		});
		expect(readCard(doc, T.dutyBao)).toBeNull();
	});

	it('refuses a non-empty document and duplicate task ids', () => {
		expect(() => initAgencyDoc(agencyDoc(), { agencyId: A.stttt, taskIds: [] })).toThrow(
			/not empty/
		);
		expect(() =>
			initAgencyDoc(new Y.Doc(), { agencyId: A.stttt, taskIds: [T.legal, T.legal] })
		).toThrow(/duplicate/);
		expect(() => initAgencyDoc(new Y.Doc(), { agencyId: 'a/b' as never, taskIds: [] })).toThrow(
			/Invalid AgencyId/
		);
	});
});

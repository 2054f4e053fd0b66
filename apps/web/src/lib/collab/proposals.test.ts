import { declineProposal, propose, setProgress } from '@planboard/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { A, T, planDoc } from '../../../../../packages/model/src/test-fixtures.js';
import { ProposalBook } from './proposals.svelte';
import { agencyDoc, sessionOf } from './test-session';

const officer = { by: 'u-bdbp', byName: 'Cán bộ BĐBP' };

const boardOf = (plan: Y.Doc, agencies: Record<string, Y.Doc>) =>
	new ProposalBook(sessionOf(plan, agencies));

describe('ProposalBook', () => {
	it("re-reads an agency's proposals only when their roots changed, not on a card edit", () => {
		const plan = planDoc();
		const bdbp = agencyDoc(A.bdbp);
		const stttt = agencyDoc(A.stttt);
		const id = propose({
			plan,
			agency: bdbp,
			taskId: T.border,
			kind: 'due',
			value: '2024-12-15',
			...officer
		});
		const book = boardOf(plan, { [A.bdbp]: bdbp, [A.stttt]: stttt });
		const [first] = book.open;
		expect(first).toMatchObject({ id, agencyId: A.bdbp, status: 'open' });
		expect(book.forCard(A.bdbp, T.border)).toEqual([first]);
		expect(book.forCard(A.bdbp, T.legal)).toEqual([]);

		// Card edits in either agency, and in the same one, keep the objects read before.
		setProgress(stttt, { taskId: T.legal, progress: 40, by: 'u2' });
		setProgress(bdbp, { taskId: T.border, progress: 10, by: 'u3' });
		expect(book.open[0]).toBe(first);
		expect(book.forCard(A.bdbp, T.border)[0]).toBe(first);

		// A decision in the plan document and a new proposal are read.
		declineProposal({ plan, agency: bdbp, proposalId: id, reason: 'Không đủ căn cứ', ...officer });
		expect(book.open).toEqual([]);
		expect(book.forCard(A.bdbp, T.border)[0]).toMatchObject({ id, status: 'declined' });
		const again = propose({
			plan,
			agency: bdbp,
			taskId: T.border,
			kind: 'split',
			value: 'Phần hai',
			...officer
		});
		expect(book.open.map((p) => p.id)).toEqual([again]);
	});

	it('reads nothing until every document is shown, then the proposals', () => {
		const plan = planDoc();
		const origin = agencyDoc(A.bdbp);
		const id = propose({
			plan,
			agency: origin,
			taskId: T.border,
			kind: 'due',
			value: '2024-12-15',
			...officer
		});
		const local = new Y.Doc();
		const book = boardOf(plan, { [A.bdbp]: local });
		expect(book.open).toEqual([]);
		Y.applyUpdate(local, Y.encodeStateAsUpdate(origin));
		expect(book.open.map((p) => p.id)).toEqual([id]);
	});
});

import { openRound, setProgress, submitReport } from '@planboard/model';
import { describe, expect, it } from 'vitest';
import { A, T, planDoc } from '../../../../../packages/model/src/test-fixtures.js';
import { RoundBook } from './report-rounds.svelte';
import { agencyDoc, sessionOf } from './test-session';

const coordinator = { by: 'u-coord', byName: 'Điều phối' };
const officer = { by: 'u-bdbp', byName: 'Cán bộ BĐBP' };

describe('RoundBook', () => {
	it("re-reads an agency's submission only when its submissions or the rounds changed", () => {
		const plan = planDoc();
		const bdbp = agencyDoc(A.bdbp);
		const stttt = agencyDoc(A.stttt);
		const roundId = openRound({
			plan,
			title: 'Báo cáo 6 tháng',
			due: '2099-12-31',
			agencies: [A.bdbp, A.stttt],
			...coordinator
		});
		const book = new RoundBook(sessionOf(plan, { [A.bdbp]: bdbp, [A.stttt]: stttt }));
		const round = () => book.rounds.find((r) => r.id === roundId)!;
		const submit = () =>
			submitReport({
				plan,
				agency: bdbp,
				roundId,
				rows: [{ taskId: T.border, status: 'in_progress', progress: 40, result: 'Đã làm' }],
				difficulties: '',
				proposals: '',
				...officer
			});
		expect(book.status(round()).map((s) => s.state)).toEqual(['waiting', 'waiting']);
		submit();
		const [first] = book.status(round());
		expect(first).toMatchObject({ agencyId: A.bdbp, state: 'on_time' });

		// Card edits in either agency keep the submission read before.
		setProgress(bdbp, { taskId: T.border, progress: 60, by: 'u2' });
		setProgress(stttt, { taskId: T.legal, progress: 10, by: 'u3' });
		expect(book.status(round())[0].submission).toBe(first.submission);

		// A new submission is read.
		submitReport({
			plan,
			agency: stttt,
			roundId,
			rows: [],
			difficulties: 'Thiếu người',
			proposals: '',
			by: 'u-stttt',
			byName: 'Cán bộ Sở'
		});
		expect(book.status(round())[1]).toMatchObject({
			agencyId: A.stttt,
			state: 'on_time',
			submission: { difficulties: 'Thiếu người' }
		});
	});
});

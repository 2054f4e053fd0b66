import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { initAgencyDoc } from './agency-doc.js';
import type { AgencyId } from './ids.js';
import { setMalformedReporter, type MalformedEntry } from './malformed.js';
import {
	closeRound,
	closuresMap,
	openRound,
	readRounds,
	roundsMap,
	suggestedRounds
} from './report-round.js';
import {
	draftReport,
	readSubmission,
	readSubmissions,
	roundStatus,
	submissionsMap,
	submitReport
} from './report-submission.js';
import { childShape, rootShape } from './shape.js';
import { setStatus, setProgress } from './card-ops.js';
import { A, T, gialaiSeed, planDoc } from './test-fixtures.js';

function agency(id: AgencyId): Y.Doc {
	const doc = new Y.Doc();
	initAgencyDoc(doc, { agencyId: id, taskIds: gialaiSeed().cards[id] ?? [] });
	return doc;
}

function sync(...docs: Y.Doc[]): void {
	for (const a of docs)
		for (const b of docs)
			if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

/** A copy of a document sharing its history (another replica). */
function replica(doc: Y.Doc): Y.Doc {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
	return copy;
}

const coordinator = { by: 'u-coord', byName: 'Điều phối' };
const officer = { by: 'u-bdbp', byName: 'Cán bộ BĐBP' };
/** 2024-11-10 in Vietnam: 23:30 there is 16:30 UTC; 00:30 the next day is 17:30 UTC. */
const LAST_MINUTES = Date.parse('2024-11-10T16:30:00Z');
const NEXT_DAY = Date.parse('2024-11-10T17:30:00Z');

function open(plan: Y.Doc, agencies: AgencyId[] = [A.bdbp, A.stttt]): string {
	return openRound({
		plan,
		title: ' Báo cáo 6 tháng ',
		due: '2024-11-10',
		agencies,
		at: 1000,
		...coordinator
	});
}

const empty = { difficulties: '', proposals: '' };

afterEach(() => setMalformedReporter(null));

describe('reporting rounds', () => {
	it('a coordinator opens a round in the plan document; everyone reads it open', () => {
		const plan = planDoc();
		const id = open(plan);
		expect(readRounds(plan)).toEqual([
			{
				id,
				title: 'Báo cáo 6 tháng',
				due: '2024-11-10',
				agencies: [A.bdbp, A.stttt],
				milestoneId: null,
				openedAt: 1000,
				openedBy: 'u-coord',
				openedByName: 'Điều phối',
				closed: null
			}
		]);
		// Only real agencies (a group has no document to report from), a title and a day.
		expect(() => open(plan, [A.group])).toThrow(/No agency/);
		expect(() => open(plan, [])).toThrow(/agencies/);
		expect(() =>
			openRound({ plan, title: ' ', due: '2024-11-10', agencies: [A.bdbp], ...coordinator })
		).toThrow(/title/);
		expect(() =>
			openRound({ plan, title: 'x', due: '10/11/2024', agencies: [A.bdbp], ...coordinator })
		).toThrow(/YYYY-MM-DD/);
		expect(() =>
			openRound({
				plan: agency(A.bdbp),
				title: 'x',
				due: '2024-11-10',
				agencies: [A.bdbp],
				...coordinator
			})
		).toThrow(/plan document/);
		expect(readRounds(plan)).toHaveLength(1);
	});

	it('suggests a round per reporting milestone until one is opened from it', () => {
		const plan = planDoc();
		// The fixture has one reporting milestone among anniversaries.
		expect(suggestedRounds(plan)).toEqual([
			{ milestoneId: 'report', title: 'Hạn gửi báo cáo kết quả về Sở TT&TT', due: '2024-11-10' }
		]);
		const [s] = suggestedRounds(plan);
		openRound({ plan, ...s, agencies: [A.bdbp], ...coordinator });
		expect(suggestedRounds(plan)).toEqual([]);
		expect(readRounds(plan)[0].milestoneId).toBe('report');
		expect(() => openRound({ plan, ...s, agencies: [A.bdbp], ...coordinator })).toThrow(/exists/);
	});

	it('two coordinators confirming one suggestion at once leave one round on every replica', () => {
		const plan = planDoc();
		const [a, b] = [replica(plan), replica(plan)];
		const [s] = suggestedRounds(plan);
		openRound({ plan: a, ...s, agencies: [A.bdbp], at: 1, ...coordinator });
		openRound({ plan: b, ...s, agencies: [A.stttt], at: 2, by: 'u-2', byName: 'Điều phối 2' });
		sync(a, b);
		expect(readRounds(a)).toHaveLength(1);
		expect(readRounds(a)).toEqual(readRounds(b));
		expect(suggestedRounds(a)).toEqual([]);
	});

	it('an officer submits a report pre-filled from the cards; late is judged on the Vietnam day', () => {
		const plan = planDoc();
		const bdbp = agency(A.bdbp);
		const stttt = agency(A.stttt);
		const id = open(plan);
		setStatus(bdbp, { taskId: T.border, status: 'in_progress' });
		setProgress(bdbp, { taskId: T.border, progress: 40 });
		const draft = draftReport({ plan, agency: bdbp, roundId: id });
		expect(draft).toEqual({
			rows: [{ taskId: T.border, status: 'in_progress', progress: 40, result: '' }],
			difficulties: '',
			proposals: ''
		});
		submitReport({
			plan,
			agency: bdbp,
			roundId: id,
			rows: [{ ...draft.rows[0], result: ' Tuyên truyền 12 buổi ' }],
			difficulties: 'Thiếu kinh phí',
			proposals: 'Bổ sung kinh phí',
			at: LAST_MINUTES,
			...officer
		});
		submitReport({
			plan,
			agency: stttt,
			roundId: id,
			rows: [],
			...empty,
			at: NEXT_DAY,
			...officer
		});
		const mine = readSubmission({ plan, agency: bdbp, roundId: id });
		expect(mine).toMatchObject({
			roundId: id,
			agencyId: A.bdbp,
			rows: [
				{ taskId: T.border, status: 'in_progress', progress: 40, result: 'Tuyên truyền 12 buổi' }
			],
			difficulties: 'Thiếu kinh phí',
			proposals: 'Bổ sung kinh phí',
			submittedAt: LAST_MINUTES,
			late: false
		});
		// Editing the card afterwards does not change what was reported; the draft is the report.
		setProgress(bdbp, { taskId: T.border, progress: 90 });
		expect(readSubmission({ plan, agency: bdbp, roundId: id })?.rows[0].progress).toBe(40);
		expect(draftReport({ plan, agency: bdbp, roundId: id }).difficulties).toBe('Thiếu kinh phí');
		const theirs = readSubmissions({ plan, agency: stttt });
		expect(theirs.map((s) => s.late)).toEqual([true]);
		const round = readRounds(plan)[0];
		const status = roundStatus({ round, submissions: [mine!, ...theirs], today: '2024-11-11' });
		expect(status.map((s) => [s.agencyId, s.state])).toEqual([
			[A.bdbp, 'on_time'],
			[A.stttt, 'late']
		]);
	});

	it('lists who has not reported: waiting until the due day is over, then overdue', () => {
		const plan = planDoc();
		const id = open(plan);
		const round = readRounds(plan)[0];
		const states = (today: string) =>
			roundStatus({ round, submissions: [], today }).map((s) => s.state);
		expect(states('2024-11-10')).toEqual(['waiting', 'waiting']);
		expect(states('2024-11-11')).toEqual(['overdue', 'overdue']);
		closeRound({ plan, roundId: id, at: 5000, ...coordinator });
		expect(readRounds(plan)[0].closed).toEqual({ at: 5000, by: 'u-coord', byName: 'Điều phối' });
	});

	it('refuses a submission for a closed round, a round not asking the agency, or another document', () => {
		const plan = planDoc();
		const bao = agency(A.bao);
		const bdbp = agency(A.bdbp);
		const id = open(plan);
		expect(() =>
			submitReport({ plan, agency: bao, roundId: id, rows: [], ...empty, ...officer })
		).toThrow(/does not ask/);
		expect(() =>
			submitReport({ plan, agency: bdbp, roundId: 'nope', rows: [], ...empty, ...officer })
		).toThrow(/No round/);
		closeRound({ plan, roundId: id, ...coordinator });
		expect(() =>
			submitReport({ plan, agency: bdbp, roundId: id, rows: [], ...empty, ...officer })
		).toThrow(/closed/);
		expect(submissionsMap(bdbp).size).toBe(0);
	});

	it('reads totally: malformed rounds, closures and submissions are skipped and reported', () => {
		const reported: MalformedEntry[] = [];
		setMalformedReporter((e) => reported.push(e));
		const plan = planDoc();
		const bdbp = agency(A.bdbp);
		const bao = agency(A.bao);
		const id = open(plan);
		roundsMap(plan).set('bad', { title: 'x', due: 'soon', agencies: [A.bdbp] });
		roundsMap(plan).set('text', new Y.Text('x'));
		closuresMap(plan).set(id, { at: 'yesterday' });
		submissionsMap(bdbp).set(id, { rows: 'all done' });
		submissionsMap(bdbp).set('unknown-round', {
			rows: [],
			difficulties: '',
			proposals: '',
			submittedAt: 1,
			by: '',
			byName: ''
		});
		// Written into its own document for a round that does not ask it (a modified client).
		submissionsMap(bao).set(id, {
			rows: [],
			difficulties: '',
			proposals: '',
			submittedAt: 1,
			by: '',
			byName: ''
		});
		expect(readRounds(plan).map((r) => [r.id, r.closed])).toEqual([[id, null]]);
		expect(readSubmissions({ plan, agency: bdbp })).toEqual([]);
		expect(readSubmissions({ plan, agency: bao })).toEqual([]);
		expect(reported.map((e) => e.key).sort()).toEqual(
			[
				'reportRoundClosures/' + id,
				'reportRounds/bad',
				'reportRounds/text',
				`reportSubmissions/${id}`,
				'reportSubmissions/unknown-round',
				`reportSubmissions/${id}`
			].sort()
		);
	});

	it('gives the server the shapes to refuse wrong-shaped rounds and submissions', () => {
		const round = childShape(rootShape('plan', 'reportRounds'), 'r1');
		const submission = childShape(rootShape('agency', 'reportSubmissions'), 'r1');
		const closure = childShape(rootShape('plan', 'reportRoundClosures'), 'r1');
		const problem = (s: typeof round, v: unknown) =>
			s?.kind === 'value' ? s.problem(v) : 'no shape';
		expect(
			problem(round, {
				title: 'x',
				due: '2024-01-01',
				agencies: [],
				milestoneId: null,
				openedAt: 1,
				openedBy: null,
				openedByName: ''
			})
		).toMatch(/agencies/);
		expect(
			problem(submission, {
				rows: [{ taskId: 'a', status: 'done', progress: 101, result: '' }],
				difficulties: '',
				proposals: '',
				submittedAt: 1,
				by: '',
				byName: ''
			})
		).toMatch(/progress/);
		expect(problem(closure, { at: 1, by: null, byName: 'x' })).toBeNull();
		// Submissions belong in agency documents, rounds in the plan: nowhere else.
		expect(rootShape('agency', 'reportRounds')).toBeNull();
		expect(rootShape('plan', 'reportSubmissions')).toBeNull();
	});

	it('a close concurrent with a submission: both kept, the same on every replica', () => {
		const plan = planDoc();
		const bdbp = agency(A.bdbp);
		const id = open(plan);
		const [coordPlan, officerPlan] = [replica(plan), replica(plan)];
		closeRound({ plan: coordPlan, roundId: id, at: 2000, ...coordinator });
		// The officer has not seen the close yet.
		submitReport({
			plan: officerPlan,
			agency: bdbp,
			roundId: id,
			rows: [],
			...empty,
			at: 1500,
			...officer
		});
		sync(coordPlan, officerPlan);
		for (const p of [coordPlan, officerPlan]) {
			expect(readRounds(p)[0].closed?.at).toBe(2000);
			expect(readSubmission({ plan: p, agency: bdbp, roundId: id })?.submittedAt).toBe(1500);
		}
		// Once the close is seen, nothing more is taken.
		expect(() =>
			submitReport({ plan: officerPlan, agency: bdbp, roundId: id, rows: [], ...empty, ...officer })
		).toThrow(/closed/);
	});

	it('two officers of one agency submitting at once leave one whole report on every replica', () => {
		const plan = planDoc();
		const id = open(plan);
		const first = agency(A.bdbp);
		const second = replica(first);
		submitReport({
			plan,
			agency: first,
			roundId: id,
			rows: [],
			difficulties: 'Một',
			proposals: 'Một',
			at: 1,
			...officer
		});
		submitReport({
			plan,
			agency: second,
			roundId: id,
			rows: [],
			difficulties: 'Hai',
			proposals: 'Hai',
			at: 2,
			by: 'u-2',
			byName: 'Cán bộ khác'
		});
		sync(first, second);
		const a = readSubmission({ plan, agency: first, roundId: id });
		const b = readSubmission({ plan, agency: second, roundId: id });
		expect(a).toEqual(b);
		expect([a?.difficulties, a?.proposals]).toSatisfy((pair: unknown[]) => pair[0] === pair[1]);
	});
});

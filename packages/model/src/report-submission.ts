/**
 * An agency's report for a round (report-round.ts), kept in the agency's own document under
 * `reportSubmissions`, keyed by the round's id: one report per agency and round. Submitting
 * again while the round is open replaces it whole; two officers of the agency submitting at
 * once leave one of the two on every replica (Yjs keeps one value per key), never a mix.
 *
 * The report is pre-filled from the agency's cards (status, progress, notes as the result) and
 * edited before it is sent: it is what the agency states at that date, so later card changes
 * do not alter it. Readers are total: a malformed submission, one for a round that does not
 * exist or does not ask this agency, is skipped and reported.
 */
import * as Y from 'yjs';
import { agencyIdOf } from './agency-doc.js';
import { readCards } from './card.js';
import { isId, type AgencyId, type TaskId } from './ids.js';
import { isFiniteNumber, isInstant, isRecord, reportMalformed, typeOf } from './malformed.js';
import { ROOT, assertKind, type WriteContext } from './meta.js';
import { readRound, readRounds, type ReportRound } from './report-round.js';
import { isStatus, type Status } from './status.js';
import { readTasks } from './task.js';
import { vietnamDate } from './vietnam-time.js';

const MAX_ROWS = 5000;
const MAX_RESULT = 5000;
const MAX_TEXT = 20_000;

/** One task as the agency reports it. */
export interface ReportRow {
	taskId: TaskId;
	status: Status;
	/** Integer 0..100. */
	progress: number;
	result: string;
}

export interface ReportSubmission {
	roundId: string;
	agencyId: AgencyId;
	rows: ReportRow[];
	/** "Khó khăn, vướng mắc". */
	difficulties: string;
	/** "Đề xuất, kiến nghị". */
	proposals: string;
	/** When the sync server received it (`stampSubmissions`), never the sender's clock. */
	submittedAt: number;
	by: string;
	byName: string;
	/** Submitted on a Vietnam day after the round's due date. */
	late: boolean;
}

function rowProblem(v: unknown): string | null {
	if (!isRecord(v)) return 'a row is not a record';
	if (!isId(v.taskId)) return 'a row taskId is not an id';
	if (!isStatus(v.status)) return 'a row status is unknown';
	if (!isFiniteNumber(v.progress) || v.progress < 0 || v.progress > 100)
		return 'a row progress is not 0..100';
	if (typeof v.result !== 'string' || v.result.length > MAX_RESULT)
		return 'a row result is not text';
	return null;
}

/** Why a stored submission value does not fit, or null. Shared by the readers and the server. */
export function submissionProblem(v: unknown): string | null {
	if (!isRecord(v)) return 'not a submission record';
	if (!Array.isArray(v.rows) || v.rows.length > MAX_ROWS) return 'rows is not a list';
	for (const row of v.rows) {
		const problem = rowProblem(row);
		if (problem) return problem;
	}
	for (const key of ['difficulties', 'proposals'] as const) {
		const text = v[key];
		if (typeof text !== 'string' || text.length > MAX_TEXT) return `${key} is not text`;
	}
	if (!isInstant(v.submittedAt)) return 'submittedAt is not a time';
	if (typeof v.by !== 'string' || typeof v.byName !== 'string') return 'author is not a string';
	return null;
}

export function submissionsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>(ROOT.reportSubmissions);
}

/** Whether a submission made at `at` is late for a round due on `due` (Vietnam days). */
export function isLate(options: { due: string; at: number }): boolean {
	return vietnamDate(options.at) > options.due;
}

function readEntry(
	agency: Y.Doc,
	agencyId: AgencyId,
	round: ReportRound | null,
	id: string,
	v: unknown
): ReportSubmission | null {
	const where = `${ROOT.reportSubmissions}/${id}`;
	const problem = isId(id) ? submissionProblem(v) : 'not an id';
	if (problem || !isRecord(v)) {
		reportMalformed(agency, where, problem ?? `not a record: ${typeOf(v)}`);
		return null;
	}
	if (!round || !round.agencies.includes(agencyId)) {
		reportMalformed(agency, where, 'a submission for a round that does not ask this agency');
		return null;
	}
	const rows = (v.rows as ReportRow[]).map((r) => ({
		taskId: r.taskId,
		status: r.status,
		progress: Math.round(r.progress),
		result: r.result
	}));
	const submittedAt = v.submittedAt as number;
	return {
		roundId: id,
		agencyId,
		rows,
		difficulties: v.difficulties as string,
		proposals: v.proposals as string,
		submittedAt,
		by: v.by as string,
		byName: v.byName as string,
		late: isLate({ due: round.due, at: submittedAt })
	};
}

/** The agency's submission for one round, or null (none, or not readable). */
export function readSubmission(options: {
	plan: Y.Doc;
	agency: Y.Doc;
	roundId: string;
}): ReportSubmission | null {
	const agencyId = agencyIdOf(options.agency);
	const v = submissionsMap(options.agency).get(options.roundId);
	if (!agencyId || v === undefined) return null;
	const round = readRound(options.plan, options.roundId);
	return readEntry(options.agency, agencyId, round, options.roundId, v);
}

/** Every readable submission of the agency, in round order. */
export function readSubmissions(options: { plan: Y.Doc; agency: Y.Doc }): ReportSubmission[] {
	const agencyId = agencyIdOf(options.agency);
	if (!agencyId) return [];
	const rounds = new Map(readRounds(options.plan).map((r) => [r.id, r]));
	const out: ReportSubmission[] = [];
	for (const [id, v] of submissionsMap(options.agency).entries()) {
		const s = readEntry(options.agency, agencyId, rounds.get(id) ?? null, id, v);
		if (s) out.push(s);
	}
	const order = [...rounds.keys()];
	return out.sort((a, b) => order.indexOf(a.roundId) - order.indexOf(b.roundId));
}

/** What the report form starts from: the submission already sent, else the agency's cards. */
export interface ReportDraft {
	rows: ReportRow[];
	difficulties: string;
	proposals: string;
}

/**
 * The agency's report pre-filled from its cards of tasks still in the plan, in card order
 * (status, progress, notes as the result), or the agency's earlier submission for the round.
 */
export function draftReport(options: { plan: Y.Doc; agency: Y.Doc; roundId: string }): ReportDraft {
	const sent = readSubmission(options);
	if (sent) return { rows: sent.rows, difficulties: sent.difficulties, proposals: sent.proposals };
	const live = new Set(
		readTasks(options.plan)
			.filter((t) => !t.deleted)
			.map((t) => t.id as string)
	);
	const rows = readCards(options.agency)
		.filter((c) => live.has(c.taskId))
		.map((c) => ({
			taskId: c.taskId,
			status: c.status,
			progress: c.progress,
			result: c.notes.slice(0, MAX_RESULT)
		}));
	return { rows, difficulties: '', proposals: '' };
}

export interface SubmitReportOptions extends WriteContext, ReportDraft {
	plan: Y.Doc;
	/** The submitting agency's document (the officer's own). */
	agency: Y.Doc;
	roundId: string;
	byName: string;
}

/** Records the agency's report for an open round that asks it. */
export function submitReport(options: SubmitReportOptions): void {
	const { plan, agency } = options;
	assertKind(plan, 'plan');
	assertKind(agency, 'agency');
	const agencyId = agencyIdOf(agency);
	const round = readRound(plan, options.roundId);
	if (!round) throw new Error(`No round ${options.roundId}`);
	if (!agencyId || !round.agencies.includes(agencyId)) {
		throw new Error(`Round ${round.id} does not ask agency ${agencyId} to report`);
	}
	if (round.closed) throw new Error(`Round ${round.id} is closed`);
	const record = {
		rows: options.rows.map((r) => ({
			taskId: r.taskId,
			status: r.status,
			progress: Math.round(r.progress),
			result: r.result.trim()
		})),
		difficulties: options.difficulties.trim(),
		proposals: options.proposals.trim(),
		submittedAt: options.at ?? Date.now(),
		by: options.by ?? '',
		byName: options.byName
	};
	const problem = submissionProblem(record);
	if (problem) throw new RangeError(`Invalid report: ${problem}`);
	agency.transact(() => submissionsMap(agency).set(round.id, record));
}

/**
 * Sets the time of the given submissions to `at`, the sync server's clock when it received
 * them: a report counts (on time or late) from when it reached the server, so a client's clock,
 * wrong or forged, never decides lateness. `submitReport`'s own time is only what the sender
 * sees until the server's stamp arrives. Values that are not submission records are left to the
 * readers (and the schema check). Returns how many were stamped.
 */
export function stampSubmissions(
	agency: Y.Doc,
	options: { roundIds: Iterable<string>; at: number; origin?: unknown }
): number {
	const map = submissionsMap(agency);
	let stamped = 0;
	Y.transact(
		agency,
		() => {
			for (const id of options.roundIds) {
				const v = map.get(id);
				if (!isRecord(v) || v.submittedAt === options.at) continue;
				map.set(id, { ...v, submittedAt: options.at });
				stamped++;
			}
		},
		options.origin ?? null
	);
	return stamped;
}

/** Where one agency stands in a round. */
export type RoundAgencyState = 'on_time' | 'late' | 'overdue' | 'waiting';

export interface RoundAgencyStatus {
	agencyId: AgencyId;
	state: RoundAgencyState;
	submission: ReportSubmission | null;
}

/**
 * Each asked agency's standing on `today` (a Vietnam day): submitted on time or late, or not
 * submitted, overdue once the due day is over. `submissions` are the round's, any agency.
 */
export function roundStatus(options: {
	round: ReportRound;
	submissions: readonly ReportSubmission[];
	today: string;
}): RoundAgencyStatus[] {
	const { round, today } = options;
	return round.agencies.map((agencyId) => {
		const submission =
			options.submissions.find((s) => s.roundId === round.id && s.agencyId === agencyId) ?? null;
		const state: RoundAgencyState = submission
			? submission.late
				? 'late'
				: 'on_time'
			: today > round.due
				? 'overdue'
				: 'waiting';
		return { agencyId, state, submission };
	});
}

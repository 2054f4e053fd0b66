/**
 * Reporting rounds ("Báo cáo 6 tháng"): a coordinator asks agencies for a report by a due date;
 * each agency's officers submit one from their cards (report-submission.ts). Mirrors the
 * proposals design (proposal.ts) with the roles turned round:
 *
 * - **Where a round lives.** In the plan document (`reportRounds`, keyed by a random id), which
 *   only coordinators and admins write: an officer can neither open a round nor change its due
 *   date or its agencies. A round is written once; closing it is a separate entry
 *   (`reportRoundClosures`), so a close and a concurrent edit of anything else never overwrite
 *   each other.
 * - **Where a submission lives.** In the submitting agency's own document (report-submission.ts):
 *   its officers write it, offline too, and no agency can submit for another, because the
 *   server's per-document rule refuses an officer's write to another agency's document.
 * - **Late** is judged on the Vietnam day (vietnam-time.ts) of the submission against the due
 *   date, the same on every replica. Times are the writer's clock, as for every `at` in the
 *   model; the server's update log keeps the time it acknowledged each write.
 * - **Suggested rounds.** The importer's reporting milestones ("Hạn gửi báo cáo …") are offered
 *   as rounds until a coordinator opens one from them (its `milestoneId`): derived, never
 *   seeded, so nothing is created twice when histories merge; a round opened from a milestone
 *   gets an id derived from it (`roundIdOf`), so a suggestion confirmed twice at once is one round.
 */
import * as Y from 'yjs';
import { readAgencies } from './agency.js';
import { isId, newId, type AgencyId } from './ids.js';
import { isInstant, isRecord, reportMalformed, stringList, typeOf } from './malformed.js';
import { ROOT, assertKind, type WriteContext } from './meta.js';
import { readMilestones } from './milestone.js';
import { isIsoDate } from './timeliness.js';

export const MAX_ROUND_TITLE = 200;

export interface RoundClosure {
	at: number;
	by: string | null;
	byName: string;
}

export interface ReportRound {
	id: string;
	title: string;
	/** 'YYYY-MM-DD': a submission on a later Vietnam day is late. */
	due: string;
	/** The agencies asked to report, in the order the coordinator chose them. */
	agencies: AgencyId[];
	/** The milestone this round was opened from, if any. */
	milestoneId: string | null;
	openedAt: number;
	openedBy: string | null;
	openedByName: string;
	/** Null while submissions are taken. */
	closed: RoundClosure | null;
}

/** Why a stored round value does not fit, or null. Shared by the readers and the server. */
export function roundProblem(v: unknown): string | null {
	if (!isRecord(v)) return 'not a round record';
	if (typeof v.title !== 'string' || !v.title.trim() || v.title.length > MAX_ROUND_TITLE)
		return 'title is not a short text';
	if (!isIsoDate(v.due)) return 'due is not YYYY-MM-DD';
	const agencies = stringList(v.agencies);
	if (!agencies || agencies.length === 0 || !agencies.every(isId)) return 'agencies is not ids';
	if (v.milestoneId !== null && !isId(v.milestoneId)) return 'milestoneId is not an id';
	if (!isInstant(v.openedAt)) return 'openedAt is not a time';
	if (v.openedBy !== null && typeof v.openedBy !== 'string') return 'openedBy is not a string';
	if (typeof v.openedByName !== 'string') return 'openedByName is not a string';
	return null;
}

/** Why a stored closure value does not fit, or null. */
export function closureProblem(v: unknown): string | null {
	if (!isRecord(v)) return 'not a closure record';
	if (!isInstant(v.at)) return 'at is not a time';
	if (v.by !== null && typeof v.by !== 'string') return 'by is not a string';
	if (typeof v.byName !== 'string') return 'byName is not a string';
	return null;
}

export function roundsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>(ROOT.reportRounds);
}

export function closuresMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>(ROOT.reportRoundClosures);
}

function readClosure(plan: Y.Doc, id: string): RoundClosure | null {
	const v = closuresMap(plan).get(id);
	if (v === undefined) return null;
	const problem = closureProblem(v);
	if (problem || !isRecord(v)) {
		reportMalformed(plan, `${ROOT.reportRoundClosures}/${id}`, problem ?? 'not a record');
		return null;
	}
	return { at: v.at as number, by: v.by as string | null, byName: v.byName as string };
}

function readRoundEntry(plan: Y.Doc, id: string, v: unknown): ReportRound | null {
	const problem = isId(id) ? roundProblem(v) : 'not an id';
	if (problem || !isRecord(v)) {
		reportMalformed(plan, `${ROOT.reportRounds}/${id}`, problem ?? `not a record: ${typeOf(v)}`);
		return null;
	}
	return {
		id,
		title: v.title as string,
		due: v.due as string,
		agencies: [...new Set(v.agencies as AgencyId[])],
		milestoneId: v.milestoneId as string | null,
		openedAt: v.openedAt as number,
		openedBy: v.openedBy as string | null,
		openedByName: v.openedByName as string,
		closed: readClosure(plan, id)
	};
}

/** Every round of the plan, by due date then opening time. Total: malformed ones are skipped. */
export function readRounds(plan: Y.Doc): ReportRound[] {
	const out: ReportRound[] = [];
	for (const [id, v] of roundsMap(plan).entries()) {
		const round = readRoundEntry(plan, id, v);
		if (round) out.push(round);
	}
	return out.sort(
		(a, b) =>
			(a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
			a.openedAt - b.openedAt ||
			(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}

/** One round by id; null when absent or malformed. */
export function readRound(plan: Y.Doc, id: string): ReportRound | null {
	const v = roundsMap(plan).get(id);
	return v === undefined ? null : readRoundEntry(plan, id, v);
}

export interface OpenRoundOptions extends WriteContext {
	plan: Y.Doc;
	title: string;
	due: string;
	agencies: readonly string[];
	/** The coordinator's display name, shown with the round. */
	byName: string;
	milestoneId?: string | null;
	id?: string;
}

/**
 * The id of the round opened from a milestone: the same on every replica, so two coordinators
 * confirming one suggestion at once leave one round (Yjs keeps one value per key).
 */
export function roundIdOf(milestoneId: string): string {
	return `m-${milestoneId}`.slice(0, 128);
}

/** Coordinators only: opens a round asking `agencies` to report by `due`. Returns its id. */
export function openRound(options: OpenRoundOptions): string {
	const { plan } = options;
	assertKind(plan, 'plan');
	const known = new Set(
		readAgencies(plan)
			.filter((a) => a.kind !== 'group')
			.map((a) => a.id as string)
	);
	const agencies = [...new Set(options.agencies)];
	const unknown = agencies.find((a) => !known.has(a));
	if (unknown !== undefined) throw new Error(`No agency ${unknown} in this plan`);
	const id = options.id ?? (options.milestoneId ? roundIdOf(options.milestoneId) : newId());
	const record = {
		title: options.title.trim(),
		due: options.due,
		agencies,
		milestoneId: options.milestoneId ?? null,
		openedAt: options.at ?? Date.now(),
		openedBy: options.by ?? null,
		openedByName: options.byName
	};
	const problem = isId(id) ? roundProblem(record) : 'not an id';
	if (problem) throw new RangeError(`Invalid round: ${problem}`);
	if (roundsMap(plan).has(id)) throw new Error(`Round ${id} exists`);
	plan.transact(() => roundsMap(plan).set(id, record));
	return id;
}

/** Coordinators only: stops taking submissions. Closing a closed round is a no-op. */
export function closeRound(
	options: WriteContext & { plan: Y.Doc; roundId: string; byName: string }
): void {
	const { plan } = options;
	assertKind(plan, 'plan');
	const round = readRound(plan, options.roundId);
	if (!round) throw new Error(`No round ${options.roundId}`);
	if (round.closed) return;
	plan.transact(() =>
		closuresMap(plan).set(round.id, {
			at: options.at ?? Date.now(),
			by: options.by ?? null,
			byName: options.byName
		})
	);
}

/** A reporting round the plan's milestones suggest, for a coordinator to confirm. */
export interface SuggestedRound {
	milestoneId: string;
	title: string;
	due: string;
}

const REPORTING = /báo\s*cáo/iu;

/**
 * The plan's reporting milestones (their text mentions "báo cáo") that no round was opened
 * from yet, by date.
 */
export function suggestedRounds(plan: Y.Doc): SuggestedRound[] {
	const used = new Set(readRounds(plan).map((r) => r.milestoneId));
	return readMilestones(plan)
		.filter((m) => REPORTING.test(m.text.normalize('NFC')) && !used.has(m.id) && isId(m.id))
		.map((m) => ({ milestoneId: m.id, title: m.text.slice(0, MAX_ROUND_TITLE), due: m.date }));
}

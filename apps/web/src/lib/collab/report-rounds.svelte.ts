import {
	ROOT,
	closeRound,
	draftReport,
	openRound,
	readRounds,
	readSubmission,
	roundStatus,
	submitReport,
	suggestedRounds,
	todayInVietnam,
	type ReportDraft,
	type ReportRound,
	type ReportSubmission,
	type RoundAgencyStatus,
	type SuggestedRound
} from '@planboard/model';
import type { BoardSession } from './board-session.svelte';
import { StampedReads } from './doc-view.svelte';

/** What a submission is read from, per document (see readSubmission). */
const PLAN_ROOTS = [ROOT.meta, ROOT.reportRounds] as const;
const AGENCY_ROOTS = [ROOT.meta, ROOT.reportSubmissions] as const;

/**
 * Reporting rounds on one board (model report-round.ts, report-submission.ts): coordinators
 * open and close rounds in the plan document; each agency's officers submit into their own
 * agency document. Reads are reactive through the documents' versions, or through the roots
 * they come from where a read spans every agency.
 */
export class RoundBook {
	readonly #session: BoardSession;
	readonly #submissions = new StampedReads<ReportSubmission | null>();

	constructor(session: BoardSession) {
		this.#session = session;
	}

	get loaded(): boolean {
		return this.#session.plan.loaded;
	}

	/** Only writers of the plan document open and close rounds; the server refuses anyone else. */
	get canManage(): boolean {
		return this.#session.planWritable;
	}

	get rounds(): ReportRound[] {
		const { plan } = this.#session;
		void plan.version;
		return plan.loaded ? readRounds(plan.doc) : [];
	}

	get suggested(): SuggestedRound[] {
		const { plan } = this.#session;
		void plan.version;
		return plan.loaded ? suggestedRounds(plan.doc) : [];
	}

	/** Each asked agency's standing today (Vietnam day), with its submission. */
	status(round: ReportRound): RoundAgencyStatus[] {
		const submissions = round.agencies.flatMap((agencyId) => {
			const s = this.#submission(round.id, agencyId);
			return s ? [s] : [];
		});
		return roundStatus({ round, submissions, today: todayInVietnam() });
	}

	/**
	 * An agency's submission to a round, read again only after a transaction touched the roots it
	 * comes from: an edit to a card, or another agency's submission, re-reads none of a round's
	 * 46 agencies.
	 */
	#submission(roundId: string, agencyId: string): ReportSubmission | null {
		const { plan } = this.#session;
		const view = this.#session.agency(agencyId);
		if (!view) return null;
		const stamp = [...plan.stamp(PLAN_ROOTS), ...view.stamp(AGENCY_ROOTS)];
		return this.#submissions.read(`${roundId}\u0000${agencyId}`, stamp, () =>
			plan.loaded && view.loaded
				? readSubmission({ plan: plan.doc, agency: view.doc, roundId })
				: null
		);
	}

	/** The agency this user submits for in a round: theirs, when asked and writable here. */
	submitterFor(round: ReportRound): string | null {
		const { agencyId } = this.#session.user;
		if (!agencyId || !round.agencies.includes(agencyId as ReportRound['agencies'][number]))
			return null;
		return this.#session.agency(agencyId)?.writable ? agencyId : null;
	}

	draft(round: ReportRound, agencyId: string): ReportDraft | null {
		const view = this.#session.agency(agencyId);
		if (!view?.loaded) return null;
		void view.version;
		return draftReport({ plan: this.#session.plan.doc, agency: view.doc, roundId: round.id });
	}

	open(options: { title: string; due: string; agencies: string[]; milestoneId: string | null }) {
		const { user, plan } = this.#session;
		return openRound({ plan: plan.doc, ...options, by: user.id, byName: user.displayName });
	}

	close(roundId: string): void {
		const { user, plan } = this.#session;
		closeRound({ plan: plan.doc, roundId, by: user.id, byName: user.displayName });
	}

	submit(round: ReportRound, agencyId: string, report: ReportDraft): void {
		const view = this.#session.agency(agencyId);
		if (!view?.writable) throw new Error('This agency document is read-only here');
		const { user, plan } = this.#session;
		submitReport({
			plan: plan.doc,
			agency: view.doc,
			roundId: round.id,
			...report,
			by: user.id,
			byName: user.displayName
		});
	}
}

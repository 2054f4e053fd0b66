import {
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
	type RoundAgencyStatus,
	type SuggestedRound
} from '@planboard/model';
import type { BoardSession } from './board-session.svelte';

/**
 * Reporting rounds on one board (model report-round.ts, report-submission.ts): coordinators
 * open and close rounds in the plan document; each agency's officers submit into their own
 * agency document. Reads are reactive through the documents' versions.
 */
export class RoundBook {
	readonly #session: BoardSession;

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
		const { plan } = this.#session;
		void plan.version;
		const submissions = round.agencies.flatMap((agencyId) => {
			const view = this.#session.agency(agencyId);
			if (!view) return [];
			void view.version;
			if (!view.loaded) return [];
			const s = readSubmission({ plan: plan.doc, agency: view.doc, roundId: round.id });
			return s ? [s] : [];
		});
		return roundStatus({ round, submissions, today: todayInVietnam() });
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

import {
	ROOT,
	propose,
	readProposals,
	type Proposal,
	type ProposalKind,
	type Task,
	type TaskId
} from '@planboard/model';
import type { BoardSession } from './board-session.svelte';
import { StampedReads } from './doc-view.svelte';

/** What one agency's proposals are read from, per document (see readProposals). */
const PLAN_ROOTS = [ROOT.meta, ROOT.tasks, ROOT.proposalDecisions] as const;
const AGENCY_ROOTS = [ROOT.meta, ROOT.proposals] as const;

/**
 * Proposals on one board (model proposal.ts): officers write them into their agency's document;
 * coordinators decide through their PlanEditor (one undo step each). Each agency's proposals are
 * read again only after a transaction touched the roots they come from, so a card edited or a
 * document loaded does not re-read every agency's proposals (the board's list of open ones reads
 * all of them).
 */
export class ProposalBook {
	readonly #session: BoardSession;
	readonly #read = new StampedReads<Proposal[]>();

	constructor(session: BoardSession) {
		this.#session = session;
	}

	/**
	 * One agency's proposals, oldest first; a dependency of the caller on their roots. Nothing
	 * until the board shows the live documents (see LiveViews), so loading them re-reads none.
	 */
	#agency(agencyId: string): Proposal[] {
		const plan = this.#session.live.plan;
		const view = this.#session.live.agency(agencyId);
		if (!plan || !view) return [];
		const stamp = [...plan.stamp(PLAN_ROOTS), ...view.stamp(AGENCY_ROOTS)];
		return this.#read.read(agencyId, stamp, () =>
			readProposals({ plan: plan.doc, agency: view.doc })
		);
	}

	/** One card's proposals, oldest first. */
	forCard(agencyId: string, taskId: string): Proposal[] {
		return this.#agency(agencyId).filter((p) => p.taskId === taskId);
	}

	/** Every open proposal of the board, oldest first. */
	get open(): Proposal[] {
		const out: Proposal[] = [];
		for (const agencyId of this.#session.agencies.keys()) {
			out.push(...this.#agency(agencyId).filter((p) => p.status === 'open'));
		}
		return out.sort((a, b) => a.at - b.at);
	}

	/**
	 * Officers of a lead agency who cannot write the plan propose instead; coordinators edit
	 * the plan directly, so they get no proposal form.
	 */
	canPropose(agencyId: string, task: Task | undefined): boolean {
		const view = this.#session.agency(agencyId);
		return (
			!this.#session.planWritable &&
			!!view?.writable &&
			!!task &&
			!task.deleted &&
			task.lead.includes(agencyId as Task['lead'][number])
		);
	}

	propose(options: {
		agencyId: string;
		taskId: string;
		kind: ProposalKind;
		value: string;
		note: string;
	}): string {
		const view = this.#session.agency(options.agencyId);
		if (!view?.writable) throw new Error('This agency document is read-only here');
		const { user } = this.#session;
		return propose({
			plan: this.#session.plan.doc,
			agency: view.doc,
			taskId: options.taskId as TaskId,
			kind: options.kind,
			value: options.value,
			note: options.note,
			by: user.id,
			byName: user.displayName
		});
	}
}

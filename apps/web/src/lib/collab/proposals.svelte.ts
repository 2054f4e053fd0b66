import {
	propose,
	readProposals,
	type Proposal,
	type ProposalKind,
	type Task,
	type TaskId
} from '@planboard/model';
import type { BoardSession } from './board-session.svelte';

/**
 * Proposals on one board (model proposal.ts): officers write them into their agency's document;
 * coordinators decide through their PlanEditor (one undo step each). Reads are reactive through
 * the documents' versions.
 */
export class ProposalBook {
	readonly #session: BoardSession;

	constructor(session: BoardSession) {
		this.#session = session;
	}

	#read(agencyId: string, taskId?: string): Proposal[] {
		const { plan } = this.#session;
		const view = this.#session.agency(agencyId);
		if (!view) return [];
		// Reading the versions subscribes the caller to both documents.
		void plan.version;
		void view.version;
		if (!plan.loaded || !view.loaded) return [];
		return readProposals({ plan: plan.doc, agency: view.doc, taskId });
	}

	/** One card's proposals, oldest first. */
	forCard(agencyId: string, taskId: string): Proposal[] {
		return this.#read(agencyId, taskId);
	}

	/** Every open proposal of the board, oldest first. */
	get open(): Proposal[] {
		const out: Proposal[] = [];
		for (const agencyId of this.#session.agencies.keys()) {
			out.push(...this.#read(agencyId).filter((p) => p.status === 'open'));
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

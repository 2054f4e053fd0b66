import type { AgencyInfo, Task } from '@planboard/model';
import type { CardFact, CardState, PlanProgress } from './progress.js';

/**
 * How an agency takes part in a dated task: it holds an assignment of its own (`lead`), it is
 * named among the coordinating agencies, directly or through a group it belongs to
 * (`coordinating`), or the reader sees every agency's (`all`: coordinators, admins, leaders).
 */
export type DeadlineRole = 'lead' | 'coordinating' | 'all';

/** A dated task still open for an agency, and the open assignments that keep it so. */
export interface OpenDeadline<C extends CardState = CardState> {
	task: Task & { due: string };
	role: DeadlineRole;
	/**
	 * The assignments not done: for `lead`, the agency's own; otherwise every open assignment of
	 * the task (a coordinating agency waits on the leads). Never empty.
	 */
	open: CardFact<C>[];
}

/**
 * The one rule for "an agency's open, due tasks", read by the calendar feed, the bell and the
 * daily email alike, on top of the one progress computation (`computeProgress`), so all three
 * count the same assignments:
 *
 * - a task counts when it has a due date and is in the plan (deleted tasks are not in progress);
 * - an agency's own assignments are those progress counts: the seeded fan-out and the cards it
 *   holds, a seeded assignment whose card was never created being open (todo), a card closed by
 *   a handover being no one's; the task is the agency's while its own assignment is not done;
 * - an agency without an assignment of the task that coordinates it (directly, or as a member
 *   of a named group) has it while any lead's assignment is open;
 * - with no agency (`null`), every task with an open assignment.
 *
 * A task nobody is assigned has no open assignment, so it is nobody's deadline.
 */
export function openDeadlines<C extends CardState>(options: {
	progress: PlanProgress<C>;
	/** The plan's agencies, groups included (group membership decides coordination). */
	agencies: readonly AgencyInfo[];
	agencyId: string | null;
}): OpenDeadline<C>[] {
	const { agencyId } = options;
	const members = new Map(options.agencies.map((a) => [a.id as string, a.members ?? []]));
	const names = (ids: readonly string[]) =>
		agencyId !== null &&
		ids.some((id) => id === agencyId || (members.get(id) ?? []).some((m) => m === agencyId));
	const out: OpenDeadline<C>[] = [];
	for (const t of options.progress.tasks) {
		const due = t.task.due;
		if (!due) continue;
		const task = { ...t.task, due };
		const open = t.cards.filter((f) => f.state.status !== 'done');
		if (agencyId === null) {
			if (open.length > 0) out.push({ task, role: 'all', open });
			continue;
		}
		if (t.cards.some((f) => f.agencyId === agencyId)) {
			const own = open.filter((f) => f.agencyId === agencyId);
			if (own.length > 0) out.push({ task, role: 'lead', open: own });
		} else if (open.length > 0 && names(t.task.coordinating)) {
			out.push({ task, role: 'coordinating', open });
		}
	}
	return out;
}

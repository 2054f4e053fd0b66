import {
	TIMELINESS,
	dayNumber,
	isCardOpen,
	rollupProgress,
	timeliness as timelinessOf,
	type AgencyInfo,
	type Card,
	type Rollup,
	type Section,
	type Status,
	type Task,
	type Timeliness
} from '@planboard/model';

/**
 * The one progress computation. The progress board (live and server-rendered), the share
 * page, `GET /api/plans/<id>/progress` and the DOCX/XLSX/CSV exports all call it, so a leader
 * who compares two of them sees the same figures. Pure: plain data in (what packages/model's
 * readers return for the plan document and each agency document), plain data out.
 *
 * The rules, one set for every view:
 * - **What is counted.** An *assignment* is one (task, agency) pair; every total counts
 *   assignments. A task's assignments are the agencies the plan document's seeded fan-out
 *   (`assignments`) lists for it, plus any non-group agency whose document holds a card for
 *   it. A pair counts once, however it is known.
 * - **Seeded, never touched.** An assignment without a card in the agency's document counts
 *   as expected and not started: status todo, progress 0, no completion, judged for
 *   timeliness like any open card (overdue once its due date has passed). It is marked
 *   `missing` so a view can say the card does not exist.
 * - **Orphan cards.** A card whose task is no longer in the plan document (a coordinator
 *   deleted the task, or merged it into another, after an officer reported on it; a deleted
 *   task stays in the document marked `deleted`) is in no total, no timeliness class,
 *   no agency or section figure; it is listed in `orphans`, so no view drops it silently.
 *   An assignment naming a task the plan no longer has counts nowhere either.
 * - **Group leads.** A group has no document and holds no card: a task led by a group counts
 *   one assignment per member (the seeded fan-out), and the task is marked `fanOut`.
 *   Assignments keyed by a group id are ignored for the same reason.
 * - **Several lead agencies.** Each lead holds its own card and counts once, under its own
 *   agency; the task is done only when every card is done (see {@link taskStatus}).
 * - **Done late.** A done card counts as done (100 %) in every rollup; its timeliness is
 *   `done_late` when it was completed (Vietnam calendar day) after the task's due date. A
 *   task is late when its last card was done after the due date.
 * - **Percent.** The mean of the assignments' progress, a done card counting 100 and a
 *   missing card 0 (`rollupProgress` of packages/model).
 * - **Handovers.** A card closed by a handover (its agency is no longer among the task's
 *   leads; `isCardOpen` of packages/model) counts nowhere, nor does that agency's seeded
 *   assignment: the new lead's card carries the task on.
 * - **Sections.** A sub-section's tasks count under its top-level section.
 */

/** What progress needs of a card; a share snapshot sends only this, never notes or updates. */
export type CardState = Pick<Card, 'taskId' | 'status' | 'progress' | 'completedAt'> &
	Partial<Pick<Card, 'handedOverTo' | 'handedOverFrom'>>;

/** Assignments per timeliness class; every class is present, zero when empty. */
export type TimelinessCounts = Record<Timeliness, number>;

/** One assignment of a task to an agency, judged on the as-of date. */
export interface CardFact<C extends CardState = CardState> {
	agencyId: string;
	/** The card as stored; null for a seeded assignment whose card does not exist. */
	card: C | null;
	/** What counts: the card's state, or todo at 0 % when the card is missing. */
	state: CardState;
	missing: boolean;
	timeliness: Timeliness;
}

export interface TaskProgress<C extends CardState = CardState> {
	task: Task;
	/** One per assignment, in plan agency order. */
	cards: CardFact<C>[];
	rollup: Rollup;
	status: Status;
	/** The task as a whole: done late when its last card was done after the due date. */
	timeliness: Timeliness;
	/** Led by a group, so leaders read "done/total đơn vị hoàn thành". */
	fanOut: boolean;
	/** Agencies whose assignment is overdue, or due soon. */
	late: string[];
	soon: string[];
}

export interface ProgressSlice<T> {
	key: T;
	rollup: Rollup;
	byTimeliness: TimelinessCounts;
}

/** A card of a task the plan no longer has: reported work, listed apart from every total. */
export interface OrphanCard<C extends CardState = CardState> {
	agencyId: string;
	card: C;
	/** The deleted task when the plan document still remembers it, else null. */
	task: Task | null;
}

export interface PlanProgress<C extends CardState = CardState> {
	asOf: string;
	totals: Rollup;
	byTimeliness: TimelinessCounts;
	/** Non-group agencies with at least one assignment, in plan order. */
	byAgency: ProgressSlice<AgencyInfo>[];
	/** Top-level sections with at least one assignment, in plan order. */
	bySection: ProgressSlice<Section>[];
	/**
	 * Every task of the plan (deleted ones left out), in plan order, including those nobody is
	 * assigned (total 0).
	 */
	tasks: TaskProgress<C>[];
	orphans: OrphanCard<C>[];
	/** Tasks with an overdue assignment, by due date. */
	overdue: TaskProgress<C>[];
	/** Tasks with an assignment due within 14 days of the as-of date, by due date. */
	dueSoon: TaskProgress<C>[];
}

export interface ProgressInput<C extends CardState = CardState> {
	tasks: readonly Task[];
	sections: readonly Section[];
	/** Including groups, in plan order. */
	agencies: readonly AgencyInfo[];
	/** The plan document's seeded fan-out: agency id -> task ids. */
	assignments: Readonly<Record<string, readonly string[]>>;
	/** Every agency document's cards, by agency id. */
	cards: (agencyId: string) => readonly C[];
	/** 'YYYY-MM-DD', Vietnam calendar: timeliness is judged on this day. */
	asOf: string;
}

export function emptyCounts(): TimelinessCounts {
	return Object.fromEntries(TIMELINESS.map((t) => [t, 0])) as TimelinessCounts;
}

function countOf(facts: readonly CardFact[]): TimelinessCounts {
	const counts = emptyCounts();
	for (const f of facts) counts[f.timeliness]++;
	return counts;
}

function slice<T>(key: T, facts: readonly CardFact[]): ProgressSlice<T> {
	return { key, rollup: rollupProgress(facts.map((f) => f.state)), byTimeliness: countOf(facts) };
}

/**
 * A task's status from its assignments: all in one status gives that status; otherwise it is
 * awaiting review when every card is done or awaiting review, and in progress once any moved.
 */
export function taskStatus(cards: readonly Pick<CardState, 'status'>[]): Status {
	if (cards.length === 0) return 'todo';
	const first = cards[0].status;
	if (cards.every((c) => c.status === first)) return first;
	if (cards.every((c) => c.status === 'done' || c.status === 'awaiting_review')) {
		return 'awaiting_review';
	}
	return cards.some((c) => c.status !== 'todo') ? 'in_progress' : 'todo';
}

/** The top-level section each section belongs to. */
function topSections(sections: readonly Section[]): Map<string, string> {
	const byId = new Map(sections.map((s) => [s.id, s]));
	const out = new Map<string, string>();
	for (const s of sections) {
		let top = s;
		const seen = new Set<string>();
		while (top.parentId && byId.has(top.parentId) && !seen.has(top.id)) {
			seen.add(top.id);
			top = byId.get(top.parentId) as Section;
		}
		out.set(s.id, top.id);
	}
	return out;
}

const byDue = (a: TaskProgress, b: TaskProgress) =>
	(a.task.due ?? '9999').localeCompare(b.task.due ?? '9999') ||
	a.task.number.localeCompare(b.task.number, 'vi', { numeric: true });

function taskProgress<C extends CardState>(
	task: Task,
	cards: CardFact<C>[],
	groups: ReadonlySet<string>,
	asOf: string
): TaskProgress<C> {
	const states = cards.map((f) => f.state);
	const status = taskStatus(states);
	const completions = states.map((c) => c.completedAt);
	// The task is done when its last card is; an unknown instant proves nothing late.
	const completedAt =
		status === 'done' && completions.every((t) => t !== null)
			? Math.max(...(completions as number[]))
			: null;
	return {
		task,
		cards,
		rollup: rollupProgress(states),
		status,
		timeliness: timelinessOf({ due: task.due, status, completedAt, asOf }),
		fanOut: task.lead.some((id) => groups.has(id)),
		late: cards.filter((f) => f.timeliness === 'overdue').map((f) => f.agencyId),
		soon: cards.filter((f) => f.timeliness === 'due_soon').map((f) => f.agencyId)
	};
}

/** Everything every progress view shows, by the rules above. */
export function computeProgress<C extends CardState>(input: ProgressInput<C>): PlanProgress<C> {
	dayNumber(input.asOf);
	const planTasks = input.tasks.filter((t) => !t.deleted);
	const deleted = new Map(input.tasks.filter((t) => t.deleted).map((t) => [t.id as string, t]));
	const taskById = new Map(planTasks.map((t) => [t.id as string, t]));
	const groups = new Set(
		input.agencies.filter((a) => a.kind === 'group').map((a) => a.id as string)
	);
	const factsOfTask = new Map<string, CardFact<C>[]>();
	const factsOfAgency = new Map<string, CardFact<C>[]>();
	const orphans: OrphanCard<C>[] = [];
	for (const agency of input.agencies) {
		if (agency.kind === 'group') continue;
		const agencyId = agency.id as string;
		const held = new Map<string, C>();
		const closed = new Set<string>();
		for (const card of input.cards(agencyId)) {
			const task = taskById.get(card.taskId);
			if (!task) {
				orphans.push({ agencyId, card, task: deleted.get(card.taskId) ?? null });
			} else if (!isCardOpen({ agencyId, card, leads: task.lead })) closed.add(task.id);
			else if (!held.has(card.taskId)) held.set(card.taskId, card);
		}
		const taskIds = new Set([
			...(input.assignments[agencyId] ?? []).filter((id) => taskById.has(id) && !closed.has(id)),
			...held.keys()
		]);
		const facts: CardFact<C>[] = [];
		for (const taskId of taskIds) {
			const task = taskById.get(taskId) as Task;
			const card = held.get(taskId) ?? null;
			const state: CardState = card ?? {
				taskId: task.id,
				status: 'todo',
				progress: 0,
				completedAt: null
			};
			const fact: CardFact<C> = {
				agencyId,
				card,
				state,
				missing: card === null,
				timeliness: timelinessOf({ due: task.due, ...state, asOf: input.asOf })
			};
			facts.push(fact);
			factsOfTask.set(taskId, [...(factsOfTask.get(taskId) ?? []), fact]);
		}
		factsOfAgency.set(agencyId, facts);
	}
	const tasks = planTasks.map((task) =>
		taskProgress(task, factsOfTask.get(task.id) ?? [], groups, input.asOf)
	);
	const all = tasks.flatMap((t) => t.cards);
	const top = topSections(input.sections);
	const bySection = input.sections
		.filter((s) => !s.parentId)
		.map((s) =>
			slice(
				s,
				all.filter((f) => top.get(taskById.get(f.state.taskId)?.sectionId ?? '') === s.id)
			)
		)
		.filter((s) => s.rollup.total > 0);
	const byAgency = input.agencies
		.filter((a) => (factsOfAgency.get(a.id)?.length ?? 0) > 0)
		.map((a) => slice(a, factsOfAgency.get(a.id) ?? []));
	return {
		asOf: input.asOf,
		totals: rollupProgress(all.map((f) => f.state)),
		byTimeliness: countOf(all),
		byAgency,
		bySection,
		tasks,
		orphans,
		overdue: tasks.filter((t) => t.late.length > 0).sort(byDue),
		dueSoon: tasks.filter((t) => t.soon.length > 0).sort(byDue)
	};
}

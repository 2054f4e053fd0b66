import {
	TIMELINESS,
	dayNumber,
	rollupProgress,
	timeliness as timelinessOf,
	type AgencyInfo,
	type Card,
	type Rollup,
	type Section,
	type Task,
	type Timeliness
} from '@planboard/model';

/** Cards per timeliness class; every class is present, zero when empty. */
export type TimelinessCounts = Record<Timeliness, number>;

/** What progress needs of a card; the first paint sends only this, not notes or updates. */
export type CardState = Pick<Card, 'taskId' | 'status' | 'progress' | 'completedAt'>;

/** One agency's card for a task, judged on the as-of date. */
export interface CardFact {
	agencyId: string;
	card: CardState;
	timeliness: Timeliness;
}

/** A task with the cards of every agency that holds it (a group's task fans out to members). */
export interface TaskProgress {
	task: Task;
	cards: CardFact[];
	/** `done`/`total` count agencies: total is the seeded fan-out when known, else the cards. */
	rollup: Rollup;
	/** True when the task is led by a group, so leaders read "done/total đơn vị hoàn thành". */
	fanOut: boolean;
	/** Holders whose card is overdue (for the overdue list) or due soon. */
	late: string[];
	soon: string[];
}

export interface ProgressSlice<T> {
	key: T;
	rollup: Rollup;
	counts: TimelinessCounts;
}

export interface PlanProgress {
	asOf: string;
	overall: Rollup;
	counts: TimelinessCounts;
	byAgency: ProgressSlice<AgencyInfo>[];
	/** Top-level sections; a sub-section's tasks count under its top-level section. */
	bySection: ProgressSlice<Section>[];
	tasks: TaskProgress[];
	/** Tasks with at least one overdue card, by due date. */
	overdue: TaskProgress[];
	/** Tasks with a card due within `DUE_SOON_DAYS` (14) days of the as-of date, by due date. */
	dueSoon: TaskProgress[];
}

export interface ComputeProgressOptions {
	tasks: Task[];
	sections: Section[];
	agencies: AgencyInfo[];
	cardsOf: (agencyId: string) => readonly CardState[];
	/** The seeded fan-out (agency id -> task ids); a missing card then counts as not done. */
	assignments?: Record<string, string[]>;
	/** 'YYYY-MM-DD', Vietnam calendar. */
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
	return { key, rollup: rollupProgress(facts.map((f) => f.card)), counts: countOf(facts) };
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

/**
 * Everything the progress board shows, from plain data: the same function serves the first
 * (server-rendered) paint and every live update, and the unit tests.
 */
export function computeProgress(o: ComputeProgressOptions): PlanProgress {
	dayNumber(o.asOf);
	const taskById = new Map(o.tasks.map((t) => [t.id as string, t]));
	const groups = new Set(o.agencies.filter((a) => a.kind === 'group').map((a) => a.id as string));
	const factsOfTask = new Map<string, CardFact[]>();
	const byAgency: ProgressSlice<AgencyInfo>[] = [];
	const all: CardFact[] = [];
	for (const agency of o.agencies) {
		if (agency.kind === 'group') continue;
		const facts: CardFact[] = [];
		for (const card of o.cardsOf(agency.id)) {
			const task = taskById.get(card.taskId);
			if (!task) continue;
			const t = timelinessOf({
				due: task.due,
				status: card.status,
				completedAt: card.completedAt,
				asOf: o.asOf
			});
			const fact = { agencyId: agency.id as string, card, timeliness: t };
			facts.push(fact);
			factsOfTask.set(task.id, [...(factsOfTask.get(task.id) ?? []), fact]);
		}
		if (facts.length > 0) byAgency.push(slice(agency, facts));
		all.push(...facts);
	}
	const expected = new Map<string, number>();
	for (const ids of Object.values(o.assignments ?? {})) {
		for (const id of ids) expected.set(id, (expected.get(id) ?? 0) + 1);
	}
	const tasks: TaskProgress[] = [];
	for (const task of o.tasks) {
		const cards = factsOfTask.get(task.id) ?? [];
		if (cards.length === 0 && !expected.has(task.id)) continue;
		const base = rollupProgress(cards.map((f) => f.card));
		const total = Math.max(expected.get(task.id) ?? 0, cards.length);
		const percent = total === 0 ? 0 : Math.round((base.percent * cards.length) / total);
		tasks.push({
			task,
			cards,
			rollup: { done: base.done, total, percent },
			fanOut: task.lead.some((id) => groups.has(id)),
			late: cards.filter((f) => f.timeliness === 'overdue').map((f) => f.agencyId),
			soon: cards.filter((f) => f.timeliness === 'due_soon').map((f) => f.agencyId)
		});
	}
	const top = topSections(o.sections);
	const bySection = o.sections
		.filter((s) => s.parentId === null)
		.map((s) =>
			slice(
				s,
				all.filter((f) => top.get(taskById.get(f.card.taskId)?.sectionId ?? '') === s.id)
			)
		)
		.filter((s) => s.rollup.total > 0);
	return {
		asOf: o.asOf,
		overall: rollupProgress(all.map((f) => f.card)),
		counts: countOf(all),
		byAgency,
		bySection,
		tasks,
		overdue: tasks.filter((t) => t.late.length > 0).sort(byDue),
		dueSoon: tasks.filter((t) => t.soon.length > 0).sort(byDue)
	};
}

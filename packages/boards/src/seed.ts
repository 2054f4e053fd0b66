import {
	asAgencyId,
	asPlanId,
	asTaskId,
	type AgencyId,
	type AgencyInfo,
	type BoardSeed,
	type TaskId,
	type TaskInput
} from '@planboard/model';
import {
	foldVietnamese,
	type AgencyDirectory,
	type AgencyRef,
	type ParsedPlan
} from '@planboard/plan-import';

/** Ids appear in document names, so they are short ASCII slugs. */
export function slug(text: string, max = 60): string {
	const s = foldVietnamese(text)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, max)
		.replace(/-+$/, '');
	return s || 'x';
}

export const numberId = (number: string): TaskId => asTaskId(slug(number.replace(/\./g, '-')));

export interface SeedResult {
	seed: BoardSeed;
	/** Agencies that get their own document (groups do not: their members do). */
	documentAgencies: AgencyInfo[];
	/** Per agency, the tasks it coordinates (its contribution entries). */
	contributions: Map<AgencyId, TaskId[]>;
}

/**
 * Turns an imported plan into the board's initial state: a task led by a group fans out into a
 * card for each member; section-III duties become cards of their agencies; a name missing from
 * the directory keeps its own lane under an `x-` id rather than being dropped.
 */
export function buildSeed(options: {
	plan: ParsedPlan;
	planId: string;
	directory?: AgencyDirectory;
}): SeedResult {
	const { plan, directory } = options;
	const agencies = new Map<AgencyId, AgencyInfo>();
	const known = new Map((directory?.agencies ?? []).map((a) => [a.id, a]));
	const groups = new Map((directory?.groups ?? []).map((g) => [g.id, g]));

	const concrete = (id: string): AgencyId => {
		const agencyId = asAgencyId(id);
		if (!agencies.has(agencyId)) {
			const a = known.get(id);
			agencies.set(
				agencyId,
				a
					? { id: agencyId, name: a.name, shortName: a.shortName, kind: a.kind }
					: { id: agencyId, name: id, shortName: id, kind: 'other' }
			);
		}
		return agencyId;
	};
	/** The agency or group a mention names, registered in the board's agency snapshot. */
	const resolve = (ref: AgencyRef): AgencyId => {
		if (ref.agencyId) return concrete(ref.agencyId);
		if (ref.groupId && ref.memberIds.length > 0) {
			const id = asAgencyId(`g-${ref.groupId}`);
			const group = groups.get(ref.groupId);
			if (!agencies.has(id)) {
				agencies.set(id, {
					id,
					name: group?.name ?? ref.text,
					shortName: group?.name ?? ref.text,
					kind: 'group',
					members: ref.memberIds.map(concrete)
				});
			}
			return id;
		}
		const id = asAgencyId(`x-${slug(ref.text)}`);
		if (!agencies.has(id))
			agencies.set(id, { id, name: ref.text, shortName: ref.text, kind: 'other' });
		return id;
	};
	const members = (id: AgencyId): AgencyId[] => agencies.get(id)?.members ?? [id];

	const cards = new Map<AgencyId, TaskId[]>();
	const contributions = new Map<AgencyId, TaskId[]>();
	const push = (map: Map<AgencyId, TaskId[]>, agency: AgencyId, task: TaskId) => {
		const list = map.get(agency) ?? [];
		if (!list.includes(task)) list.push(task);
		map.set(agency, list);
	};

	const tasks: TaskInput[] = [];
	for (const t of plan.tasks) {
		const id = numberId(t.number);
		const lead = unique(t.leadRefs.map(resolve));
		const coordinating = unique(t.coordinatingRefs.map(resolve));
		tasks.push({
			id,
			number: t.number,
			sectionId: slug(t.section),
			title: t.title,
			content: t.content,
			timeframe: t.timeframe ?? '',
			due: t.due,
			lead,
			coordinating,
			kind: 'task'
		});
		for (const l of lead) for (const m of members(l)) push(cards, m, id);
		for (const c of coordinating) for (const m of members(c)) push(contributions, m, id);
	}
	const reportDue = reportDeadline(plan);
	for (const d of plan.duties) {
		const id = numberId(d.number);
		const lead = unique(d.agencyRefs.map(resolve));
		tasks.push({
			id,
			number: d.number,
			sectionId: slug(d.number.split('.')[0]),
			title: d.agencies.join('; '),
			content: d.items.join('\n'),
			timeframe: reportDue ? `Báo cáo trước ${reportDue}` : '',
			due: reportDue,
			lead,
			kind: 'duty',
			items: d.items
		});
		for (const l of lead) for (const m of members(l)) push(cards, m, id);
	}

	const year = planYear(plan);
	const seed: BoardSeed = {
		planId: asPlanId(options.planId),
		meta: {
			title: plan.title,
			issuer: plan.issuer ?? '',
			number: plan.number ?? '',
			date: plan.date ?? '',
			year,
			reportDue
		},
		sections: plan.sections.map((s) => ({ id: slug(s.number), number: s.number, title: s.title })),
		agencies: [...agencies.values()],
		tasks,
		milestones: plan.milestones.map((m, i) => ({ id: `m${i + 1}`, date: m.date, text: m.text })),
		cards: Object.fromEntries(cards) as Record<AgencyId, TaskId[]>
	};
	const documentAgencies = [...agencies.values()].filter((a) => a.kind !== 'group');
	return { seed, documentAgencies, contributions };
}

/** The year a board is filed under: the plan's own, else its date's, else this year. */
export function planYear(plan: ParsedPlan): number {
	return plan.year ?? (plan.date ? Number(plan.date.slice(0, 4)) : new Date().getFullYear());
}

/** The plan's reporting deadline: the latest milestone that asks for a report; duties are due then. */
export function reportDeadline(plan: ParsedPlan): string | null {
	const reports = plan.milestones
		.filter((m) => /báo cáo/i.test(m.text))
		.map((m) => m.date)
		.sort();
	return reports.at(-1) ?? null;
}

function unique<T>(items: T[]): T[] {
	return [...new Set(items)];
}

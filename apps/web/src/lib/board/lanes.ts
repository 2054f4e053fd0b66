import {
	timeliness as timelinessOf,
	type AgencyInfo,
	type AgencyKind,
	type Card,
	type Section,
	type Task,
	type Timeliness
} from '@planboard/model';
import type { BoardFilters } from './filters';
import { matchesQuery } from './fold';

/** The lane groups, in display order; 'party' and anything unknown fall under 'other'. */
export const LANE_GROUPS = ['department', 'district', 'armed', 'press', 'other'] as const;
export type LaneGroupKind = (typeof LANE_GROUPS)[number];

export function groupOf(kind: AgencyKind): LaneGroupKind {
	return (LANE_GROUPS as readonly string[]).includes(kind) ? (kind as LaneGroupKind) : 'other';
}

/** A card with what the board shows about it. */
export interface CardRow {
	agencyId: string;
	card: Card;
	task: Task | undefined;
	timeliness: Timeliness;
}

export interface Lane {
	agency: AgencyInfo;
	/** All the lane's cards after filtering, in board order (status, then order key). */
	rows: CardRow[];
	/** Cards in the lane before filtering. */
	total: number;
}

export interface LaneGroup {
	kind: LaneGroupKind | 'mine';
	lanes: Lane[];
}

export interface BuildLanesOptions {
	agencies: AgencyInfo[];
	tasks: Task[];
	sections: Section[];
	cardsOf: (agencyId: string) => Card[];
	filters: BoardFilters;
	/** The user's agency: its lane comes first, in its own group. */
	myAgency: string | null;
	/** 'YYYY-MM-DD' in Vietnam time. */
	asOf: string;
}

/** Section ids under (and including) `root`. */
function sectionTree(sections: Section[], root: string): Set<string> {
	const out = new Set([root]);
	let grew = true;
	while (grew) {
		grew = false;
		for (const s of sections) {
			if (s.parentId && out.has(s.parentId) && !out.has(s.id)) {
				out.add(s.id);
				grew = true;
			}
		}
	}
	return out;
}

/** Lanes that have cards, filtered and grouped. Pure, so the bench and tests can call it. */
export function buildLanes(o: BuildLanesOptions): LaneGroup[] {
	const { filters: f } = o;
	const taskById = new Map(o.tasks.map((t) => [t.id as string, t]));
	const nameById = new Map(o.agencies.map((a) => [a.id as string, `${a.name} ${a.shortName}`]));
	const inSection = f.section ? sectionTree(o.sections, f.section) : null;
	const groups = new Map<LaneGroup['kind'], Lane[]>();
	for (const agency of o.agencies) {
		if (agency.kind === 'group') continue;
		if (f.scope === 'mine' && o.myAgency && agency.id !== o.myAgency) continue;
		if (f.agency && agency.id !== f.agency) continue;
		const cards = o.cardsOf(agency.id);
		if (cards.length === 0) continue;
		const rows: CardRow[] = [];
		for (const card of cards) {
			const task = taskById.get(card.taskId);
			const tl = timelinessOf({
				due: task?.due ?? null,
				status: card.status,
				completedAt: card.completedAt,
				asOf: o.asOf
			});
			if (f.status && card.status !== f.status) continue;
			if (f.timeliness && tl !== f.timeliness) continue;
			if (inSection && !inSection.has(task?.sectionId ?? '')) continue;
			if (f.q) {
				const hay = `${task?.number ?? ''} ${task?.title ?? ''} ${agency.name} ${agency.shortName} ${(task?.coordinating ?? []).map((id) => nameById.get(id) ?? '').join(' ')}`;
				if (!matchesQuery(hay, f.q)) continue;
			}
			rows.push({ agencyId: agency.id, card, task, timeliness: tl });
		}
		if (rows.length === 0 && (f.status || f.timeliness || f.section || f.q)) continue;
		const kind = agency.id === o.myAgency ? 'mine' : groupOf(agency.kind);
		const list = groups.get(kind) ?? [];
		list.push({ agency, rows, total: cards.length });
		groups.set(kind, list);
	}
	const order: LaneGroup['kind'][] = ['mine', ...LANE_GROUPS];
	return order.filter((k) => groups.has(k)).map((kind) => ({ kind, lanes: groups.get(kind) ?? [] }));
}

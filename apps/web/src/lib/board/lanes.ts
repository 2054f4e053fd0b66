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
import { fold, queryWords } from './fold';

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

/**
 * Identity caches. Each document's cards are re-read only when that document changes, so a card
 * object that comes back unchanged gets back the same row object: Svelte then skips its tile
 * entirely. On a 2,000-card board, 46 documents arriving one by one would otherwise re-render
 * every tile 46 times, and every filter keystroke would re-render every visible tile.
 */
const rowCache = new WeakMap<Card, CardRow>();
/** Folded search text per task, valid for one agencies list (coordinating names come from it). */
const taskText = new WeakMap<Task, { agencies: AgencyInfo[]; text: string }>();
const agencyText = new WeakMap<AgencyInfo, string>();

function rowOf(agencyId: string, card: Card, task: Task | undefined, tl: Timeliness): CardRow {
	const hit = rowCache.get(card);
	if (hit && hit.agencyId === agencyId && hit.task === task && hit.timeliness === tl) return hit;
	const row = { agencyId, card, task, timeliness: tl };
	rowCache.set(card, row);
	return row;
}

function searchText(
	task: Task | undefined,
	agencies: AgencyInfo[],
	names: () => Map<string, string>
) {
	if (!task) return '';
	const hit = taskText.get(task);
	if (hit && hit.agencies === agencies) return hit.text;
	const coord = task.coordinating.map((id) => names().get(id) ?? '').join(' ');
	const text = fold(`${task.number} ${task.title} ${coord}`);
	taskText.set(task, { agencies, text });
	return text;
}

function agencySearchText(agency: AgencyInfo): string {
	let text = agencyText.get(agency);
	if (text === undefined)
		agencyText.set(agency, (text = fold(`${agency.name} ${agency.shortName}`)));
	return text;
}

/** What one lane's content depends on besides its cards array. */
interface LaneInputs {
	agency: AgencyInfo;
	tasks: Task[];
	agencies: AgencyInfo[];
	sections: Section[];
	status: string;
	timeliness: string;
	section: string;
	q: string;
	asOf: string;
}

const sameInputs = (a: LaneInputs, b: LaneInputs) =>
	(Object.keys(a) as (keyof LaneInputs)[]).every((k) => a[k] === b[k]);

/**
 * Per cards array (a document's cards keep their array until one of them changes): the lane
 * built from it, or null when the filters left it empty. A change to one card rebuilds that
 * card's lane only; the other lanes come back as the same objects, so Svelte skips them.
 */
const laneCache = new WeakMap<Card[], { inputs: LaneInputs; lane: Lane | null }>();

/** Lanes that have cards, filtered and grouped. Pure, so the bench and tests can call it. */
export function buildLanes(o: BuildLanesOptions): LaneGroup[] {
	const { filters: f } = o;
	// Built only when some lane is rebuilt: after a change to one card, most lanes come from
	// the cache and none of this is needed.
	let shared: Lookups | null = null;
	const lookups = () => (shared ??= lookupsOf(o));
	const groups = new Map<LaneGroup['kind'], Lane[]>();
	for (const agency of o.agencies) {
		if (agency.kind === 'group') continue;
		if (f.scope === 'mine' && o.myAgency && agency.id !== o.myAgency) continue;
		if (f.agency && agency.id !== f.agency) continue;
		const cards = o.cardsOf(agency.id);
		if (cards.length === 0) continue;
		const inputs: LaneInputs = {
			agency,
			tasks: o.tasks,
			agencies: o.agencies,
			sections: o.sections,
			status: f.status,
			timeliness: f.timeliness,
			section: f.section,
			q: f.q,
			asOf: o.asOf
		};
		const hit = laneCache.get(cards);
		let lane: Lane | null;
		if (hit && sameInputs(hit.inputs, inputs)) lane = hit.lane;
		else {
			lane = buildLane(o, agency, cards, lookups());
			laneCache.set(cards, { inputs, lane });
		}
		if (!lane) continue;
		const kind = agency.id === o.myAgency ? 'mine' : groupOf(agency.kind);
		const list = groups.get(kind) ?? [];
		list.push(lane);
		groups.set(kind, list);
	}
	const order: LaneGroup['kind'][] = ['mine', ...LANE_GROUPS];
	return order
		.filter((k) => groups.has(k))
		.map((kind) => ({ kind, lanes: groups.get(kind) ?? [] }));
}

/** What every lane of one buildLanes call looks up. */
interface Lookups {
	taskById: Map<string, Task>;
	names: () => Map<string, string>;
	words: string[];
	inSection: Set<string> | null;
}

function lookupsOf(o: BuildLanesOptions): Lookups {
	const f = o.filters;
	let nameById: Map<string, string> | null = null;
	return {
		taskById: new Map(o.tasks.map((t) => [t.id as string, t])),
		names: () =>
			(nameById ??= new Map(o.agencies.map((a) => [a.id as string, `${a.name} ${a.shortName}`]))),
		words: f.q ? queryWords(f.q) : [],
		inSection: f.section ? sectionTree(o.sections, f.section) : null
	};
}

/** One lane's rows after the filters; null when the filters leave none. */
function buildLane(
	o: BuildLanesOptions,
	agency: AgencyInfo,
	cards: Card[],
	{ taskById, names, words, inSection }: Lookups
): Lane | null {
	const f = o.filters;
	const laneText = words.length > 0 ? agencySearchText(agency) : '';
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
		if (words.length > 0) {
			// A query word never spans the space between the task's and the lane's text.
			const text = searchText(task, o.agencies, names);
			if (!words.every((w) => text.includes(w) || laneText.includes(w))) continue;
		}
		rows.push(rowOf(agency.id, card, task, tl));
	}
	if (rows.length === 0 && (f.status || f.timeliness || f.section || f.q)) return null;
	return { agency, rows, total: cards.length };
}

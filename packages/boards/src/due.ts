import {
	agencyDocName,
	dayNumber,
	planDocName,
	readAgencies,
	readAssignments,
	readCards,
	readProposals,
	readRounds,
	readSections,
	readSubmissions,
	readTasks,
	roundStatus,
	vietnamDate,
	type AgencyId,
	type AgencyInfo,
	type Card,
	type ProposalKind,
	type ReportRound,
	type Task
} from '@planboard/model';
import type { Store, User } from '@planboard/store';
import type * as Y from 'yjs';
import { DocumentCache } from './document-cache.js';
import type { ChangeKind } from './history.js';
import { openDeadlines } from './open-deadlines.js';
import { computeProgress } from './progress.js';

/**
 * What concerns a user, the one computation behind the bell and the daily email:
 *
 * - **Deadlines.** An officer's agency's open, due tasks (`openDeadlines`, the rule the calendar
 *   feed follows too: its own open assignments, and the tasks it coordinates while a lead's
 *   part is open) due within {@link NOTIFY_DUE_DAYS} days, and overdue; everyone else
 *   (coordinators, admins, leaders) every agency's. Judged by `computeProgress`, so a card the
 *   progress board calls overdue is overdue here too, on the same Vietnam day. One item per
 *   task, naming the agencies concerned.
 * - **Changes by someone else** to an officer's agency's cards, from the attributed update log
 *   (`documentHistory`), over the last {@link RECENT_DAYS} days: one item per card and author.
 * - **Decided proposals** of the officer's agency over the same days (`readProposals`).
 * - **Reporting rounds** asking the officer's agency for a report (every agency's for other
 *   roles): a report not yet sent is a deadline like a task's (due soon, overdue, judged by the
 *   model's `roundStatus`), with `round` set; a round opened or closed by someone else in the
 *   last {@link RECENT_DAYS} days is news for the agencies it asks.
 *
 * Every item has a stable `key`: the same fact gives the same key on every computation, so a
 * read mark sticks, and a new fact (the task became overdue, a new change) is a new key, unread
 * again. Time is the caller's `now`, never the wall clock.
 */
export const NOTIFY_DUE_DAYS = 7;
export const RECENT_DAYS = 7;

const DAY_MS = 86_400_000;
/** Log rows replayed per agency document for changes: bounded work per request. */
const HISTORY_ROWS = 200;

export type ConcernKind =
	| 'due_soon'
	| 'overdue'
	| 'changed'
	| 'decided'
	| 'round_opened'
	| 'round_closed';

export interface ConcernTask {
	planId: string;
	planTitle: string;
	taskId: string;
	number: string;
	title: string;
	due: string | null;
}

export interface Concern {
	/** Stable per fact: see the module comment. */
	key: string;
	kind: ConcernKind;
	/**
	 * The task concerned; for a reporting round, the round as a task would read (its title and
	 * due date, an empty `taskId` and `number`).
	 */
	task: ConcernTask;
	/**
	 * A deadline of a task the user's agency coordinates rather than leads (`openDeadlines`):
	 * `agencies` are then the leads whose part is late or due.
	 */
	coordinating?: boolean;
	/** Set when the concern is a reporting round's, not a task's. */
	round?: { id: string; title: string; due: string };
	/** The agencies concerned (deadlines), or the card's agency (changes, proposals). */
	agencies: Pick<AgencyInfo, 'id' | 'name' | 'shortName'>[];
	/** Deadlines: days from today to the due date (0 today, negative when overdue). */
	daysLeft?: number;
	/** Changes and decisions: who, when (ISO instant), what. */
	by?: string;
	at?: string;
	changes?: ChangeKind[];
	decision?: { status: 'accepted' | 'declined'; proposal: ProposalKind; reason: string };
}

export interface ConcernsOptions {
	store: Store;
	user: Pick<User, 'id' | 'role' | 'agencyId'>;
	/** Epoch milliseconds: the Vietnam day deadlines are judged on, and the end of "recent". */
	now: number;
	/** Deadlines only (the email digest): no history is replayed. */
	deadlinesOnly?: boolean;
	/**
	 * Documents and histories kept from earlier calls (the bell's, per server): only documents
	 * written since are read again. A fresh one per call when unset.
	 */
	cache?: DocumentCache;
}

/** Deadlines first (overdue, then due soon, by date), then the newest changes and decisions. */
export async function concernsOf(options: ConcernsOptions): Promise<Concern[]> {
	const { store, user, now } = options;
	const cache = options.cache ?? new DocumentCache(store);
	const read = new Set<string>();
	const load = (name: string) => {
		read.add(name);
		return cache.read(name);
	};
	// An officer without an agency has no cards: nothing is theirs.
	if (user.role === 'officer' && !user.agencyId) return [];
	const own = user.role === 'officer' ? user.agencyId : null;
	const deadlines: Concern[] = [];
	const recent: Concern[] = [];
	for (const plan of store.plans.list()) {
		const planDoc = load(planDocName(plan.id));
		const agencies = readAgencies(planDoc);
		// Every lane, an officer's too: a task the agency coordinates is open while a lead's is.
		const lanes = agencies.filter((a) => a.kind !== 'group');
		const docs = new Map<string, Y.Doc>(
			lanes.map((a) => [a.id, load(agencyDocName({ planId: plan.id, agencyId: a.id }))])
		);
		const tasks = readTasks(planDoc);
		const taskOf = (id: string): ConcernTask => {
			const task = tasks.find((t) => t.id === id);
			return toTask(plan, task, id);
		};
		// The progress of every card of the board, judged on today: the costly part (a 2,000-card
		// board took 200 ms a request), the same for every poll until a document or the day changes.
		const today = vietnamDate(now);
		deadlines.push(
			...cache.derive(
				`deadlines\u0000${plan.id}\u0000${plan.title}\u0000${own ?? ''}\u0000${today}`,
				[planDoc, ...docs.values()],
				() => [
					...deadlineConcerns({
						plan,
						tasks,
						agencies,
						planDoc,
						cards: (id) => (docs.has(id) ? readCards(docs.get(id)!) : []),
						own,
						today
					}),
					...roundDeadlines({ plan, planDoc, agencies, docs, own, today })
				]
			)
		);
		if (options.deadlinesOnly) continue;
		recent.push(...roundNews({ plan, planDoc, agencies, own, user, now }));
		if (own === null) continue;
		const agency = agencies.find((a) => a.id === own);
		const doc = docs.get(own);
		if (!agency || !doc) continue;
		recent.push(
			...(await changeConcerns({ cache, planId: plan.id, agency, user, now, taskOf })),
			...readProposals({ plan: planDoc, agency: doc })
				.filter(
					(p) =>
						p.decision !== null &&
						p.decision.by !== user.id &&
						p.decision.at > now - RECENT_DAYS * DAY_MS &&
						p.decision.at <= now
				)
				.map(
					(p): Concern => ({
						key: `decided:${plan.id}:${agency.id}:${p.id}:${p.status}`,
						kind: 'decided',
						task: taskOf(p.taskId),
						agencies: [brief(agency)],
						by: p.decision!.byName,
						at: new Date(p.decision!.at).toISOString(),
						decision: {
							status: p.decision!.status,
							proposal: p.kind,
							reason: p.decision!.reason
						}
					})
				)
		);
	}
	// Every document of every board is read above: what is left is of boards deleted since.
	if (options.cache) cache.retain(read);
	const rank = (c: Concern) => (c.kind === 'overdue' ? 0 : 1);
	deadlines.sort(
		(a, b) =>
			rank(a) - rank(b) ||
			(a.task.due ?? '').localeCompare(b.task.due ?? '') ||
			a.task.number.localeCompare(b.task.number, 'vi', { numeric: true })
	);
	recent.sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
	return [...deadlines, ...recent];
}

const brief = (a: AgencyInfo) => ({ id: a.id, name: a.name, shortName: a.shortName });

function toTask(
	plan: { id: string; title: string },
	task: Task | undefined,
	id: string
): ConcernTask {
	return {
		planId: plan.id,
		planTitle: plan.title,
		taskId: id,
		number: task?.number ?? '',
		title: task?.title ?? id,
		due: task?.due ?? null
	};
}

/**
 * Overdue and due-within-7-days tasks of the agency (every agency's for `own` null), by the one
 * rule the calendar feed follows too (`openDeadlines`, on the one progress computation).
 */
function deadlineConcerns(o: {
	plan: { id: string; title: string };
	tasks: Task[];
	agencies: AgencyInfo[];
	planDoc: Y.Doc;
	cards: (agencyId: string) => Card[];
	own: string | null;
	today: string;
}): Concern[] {
	const progress = computeProgress({
		tasks: o.tasks,
		sections: readSections(o.planDoc),
		agencies: o.agencies,
		assignments: readAssignments(o.planDoc),
		cards: o.cards,
		asOf: o.today
	});
	const byId = new Map(o.agencies.map((a) => [a.id as string, a]));
	const out: Concern[] = [];
	for (const d of openDeadlines({ progress, agencies: o.agencies, agencyId: o.own })) {
		const daysLeft = dayNumber(d.task.due) - dayNumber(o.today);
		const late = d.open.filter((f) => f.timeliness === 'overdue').map((f) => f.agencyId);
		const soon =
			daysLeft <= NOTIFY_DUE_DAYS
				? d.open.filter((f) => f.timeliness === 'due_soon').map((f) => f.agencyId)
				: [];
		for (const [kind, ids] of [
			['overdue', late],
			['due_soon', soon]
		] as const) {
			if (ids.length === 0) continue;
			out.push({
				key: `${kind}:${o.plan.id}:${d.task.id}:${d.task.due}`,
				kind,
				task: toTask(o.plan, d.task, d.task.id),
				...(d.role === 'coordinating' ? { coordinating: true } : {}),
				agencies: ids
					.map((id) => byId.get(id))
					.filter((a) => a !== undefined)
					.map(brief),
				daysLeft
			});
		}
	}
	return out;
}

/** Recent changes to the agency's cards by anyone but the user: one item per card and author. */
async function changeConcerns(o: {
	cache: DocumentCache;
	planId: string;
	agency: AgencyInfo;
	user: Pick<User, 'id'>;
	now: number;
	taskOf: (id: string) => ConcernTask;
}): Promise<Concern[]> {
	const docName = agencyDocName({ planId: o.planId, agencyId: o.agency.id });
	const entries = await o.cache.recentHistory(docName, {
		now: o.now,
		days: RECENT_DAYS,
		limit: HISTORY_ROWS
	});
	// Newest first: the first entry of a card and author is its latest change.
	const groups = new Map<string, Concern>();
	for (const entry of entries) {
		if (!entry.author || entry.author.id === o.user.id) continue;
		for (const change of entry.changes) {
			const group = `${change.cardId}\u0000${entry.author.id}`;
			let concern = groups.get(group);
			if (!concern) {
				concern = {
					key: `changed:${o.planId}:${o.agency.id}:${change.cardId}:${entry.author.id}:${entry.seq}`,
					kind: 'changed',
					task: o.taskOf(change.cardId),
					agencies: [brief(o.agency)],
					by: entry.author.displayName,
					at: entry.time,
					changes: []
				};
				groups.set(group, concern);
			}
			if (!concern.changes!.includes(change.kind)) concern.changes!.push(change.kind);
		}
	}
	return [...groups.values()];
}

const roundTask = (plan: { id: string; title: string }, r: ReportRound): ConcernTask => ({
	planId: plan.id,
	planTitle: plan.title,
	taskId: '',
	number: '',
	title: r.title,
	due: r.due
});

/** Open rounds' reports not yet sent: due within 7 days, or overdue (the model's roundStatus). */
function roundDeadlines(o: {
	plan: { id: string; title: string };
	planDoc: Y.Doc;
	agencies: AgencyInfo[];
	docs: ReadonlyMap<string, Y.Doc>;
	own: string | null;
	today: string;
}): Concern[] {
	const byId = new Map(o.agencies.map((a) => [a.id as string, a]));
	const submissions = [...o.docs.values()].flatMap((agency) =>
		readSubmissions({ plan: o.planDoc, agency })
	);
	const out: Concern[] = [];
	for (const round of readRounds(o.planDoc)) {
		if (round.closed) continue;
		const states = roundStatus({ round, submissions, today: o.today }).filter(
			(s) => o.docs.has(s.agencyId) && (o.own === null || s.agencyId === o.own)
		);
		const daysLeft = dayNumber(round.due) - dayNumber(o.today);
		const late = states.filter((s) => s.state === 'overdue');
		const soon = daysLeft <= NOTIFY_DUE_DAYS ? states.filter((s) => s.state === 'waiting') : [];
		for (const [kind, list] of [
			['overdue', late],
			['due_soon', soon]
		] as const) {
			if (list.length === 0) continue;
			out.push({
				key: `${kind}:${o.plan.id}:round:${round.id}:${round.due}`,
				kind,
				task: roundTask(o.plan, round),
				round: { id: round.id, title: round.title, due: round.due },
				agencies: list
					.map((s) => byId.get(s.agencyId))
					.filter((a) => a !== undefined)
					.map(brief),
				daysLeft
			});
		}
	}
	return out;
}

/** Rounds asking the user's agency (any, for other roles) opened or closed recently by others. */
function roundNews(o: {
	plan: { id: string; title: string };
	planDoc: Y.Doc;
	agencies: AgencyInfo[];
	own: string | null;
	user: Pick<User, 'id'>;
	now: number;
}): Concern[] {
	const recent = (at: number) => at > o.now - RECENT_DAYS * DAY_MS && at <= o.now;
	const byId = new Map(o.agencies.map((a) => [a.id as string, a]));
	const out: Concern[] = [];
	for (const round of readRounds(o.planDoc)) {
		if (o.own !== null && !round.agencies.includes(o.own as AgencyId)) continue;
		const agencies = round.agencies
			.filter((id) => o.own === null || id === o.own)
			.map((id) => byId.get(id))
			.filter((a) => a !== undefined)
			.map(brief);
		const base = {
			task: roundTask(o.plan, round),
			round: { id: round.id, title: round.title, due: round.due },
			agencies
		};
		if (round.openedBy !== o.user.id && recent(round.openedAt))
			out.push({
				...base,
				key: `round_opened:${o.plan.id}:${round.id}`,
				kind: 'round_opened',
				by: round.openedByName,
				at: new Date(round.openedAt).toISOString()
			});
		if (round.closed && round.closed.by !== o.user.id && recent(round.closed.at))
			out.push({
				...base,
				key: `round_closed:${o.plan.id}:${round.id}`,
				kind: 'round_closed',
				by: round.closed.byName,
				at: new Date(round.closed.at).toISOString()
			});
	}
	return out;
}

import {
	agencyDocName,
	dayNumber,
	planDocName,
	readAgencies,
	readAssignments,
	readCards,
	readProposals,
	readSections,
	readTasks,
	vietnamDate,
	type AgencyInfo,
	type Card,
	type ProposalKind,
	type Task
} from '@planboard/model';
import type { Store, User } from '@planboard/store';
import type * as Y from 'yjs';
import { readDocument } from './as-of.js';
import { documentHistory, type ChangeKind } from './history.js';
import { computeProgress } from './progress.js';
import { sqliteDocumentStore } from './sqlite-documents.js';

/**
 * What concerns a user, the one computation behind the bell and the daily email:
 *
 * - **Deadlines.** An officer's agency's open assignments due within {@link NOTIFY_DUE_DAYS}
 *   days, and overdue; everyone else (coordinators, admins, leaders) every agency's. Judged by
 *   `computeProgress` (packages/boards), so a card the progress board calls overdue is overdue
 *   here too, on the same Vietnam day. One item per task, naming the agencies concerned.
 * - **Changes by someone else** to an officer's agency's cards, from the attributed update log
 *   (`documentHistory`), over the last {@link RECENT_DAYS} days: one item per card and author.
 * - **Decided proposals** of the officer's agency over the same days (`readProposals`).
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

export type ConcernKind = 'due_soon' | 'overdue' | 'changed' | 'decided';

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
	task: ConcernTask;
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
}

/** Deadlines first (overdue, then due soon, by date), then the newest changes and decisions. */
export async function concernsOf(options: ConcernsOptions): Promise<Concern[]> {
	const { store, user, now } = options;
	// An officer without an agency has no cards: nothing is theirs.
	if (user.role === 'officer' && !user.agencyId) return [];
	const own = user.role === 'officer' ? user.agencyId : null;
	const deadlines: Concern[] = [];
	const recent: Concern[] = [];
	for (const plan of store.plans.list()) {
		const planDoc = readDocument(store, planDocName(plan.id));
		const agencies = readAgencies(planDoc);
		const lanes = agencies.filter((a) => a.kind !== 'group' && (own === null || a.id === own));
		const docs = new Map<string, Y.Doc>(
			lanes.map((a) => [
				a.id,
				readDocument(store, agencyDocName({ planId: plan.id, agencyId: a.id }))
			])
		);
		const tasks = readTasks(planDoc);
		const taskOf = (id: string): ConcernTask => {
			const task = tasks.find((t) => t.id === id);
			return toTask(plan, task, id);
		};
		deadlines.push(
			...deadlineConcerns({
				plan,
				tasks,
				agencies,
				planDoc,
				cards: (id) => (docs.has(id) ? readCards(docs.get(id)!) : []),
				own,
				today: vietnamDate(now)
			})
		);
		if (options.deadlinesOnly || own === null) continue;
		const agency = agencies.find((a) => a.id === own);
		const doc = docs.get(own);
		if (!agency || !doc) continue;
		recent.push(
			...(await changeConcerns({ store, planId: plan.id, agency, user, now, taskOf })),
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

/** Overdue and due-within-7-days assignments, judged by the one progress computation. */
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
	for (const t of progress.tasks) {
		if (!t.task.due) continue;
		const daysLeft = dayNumber(t.task.due) - dayNumber(o.today);
		const mine = (ids: string[]) => ids.filter((id) => o.own === null || id === o.own);
		const late = mine(t.late);
		const soon = daysLeft <= NOTIFY_DUE_DAYS ? mine(t.soon) : [];
		for (const [kind, ids] of [
			['overdue', late],
			['due_soon', soon]
		] as const) {
			if (ids.length === 0) continue;
			out.push({
				key: `${kind}:${o.plan.id}:${t.task.id}:${t.task.due}`,
				kind,
				task: toTask(o.plan, t.task, t.task.id),
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
	store: Store;
	planId: string;
	agency: AgencyInfo;
	user: Pick<User, 'id'>;
	now: number;
	taskOf: (id: string) => ConcernTask;
}): Promise<Concern[]> {
	const docName = agencyDocName({ planId: o.planId, agencyId: o.agency.id });
	const { entries } = await documentHistory(
		{ documents: sqliteDocumentStore(o.store), users: o.store.users },
		docName,
		{ from: new Date(o.now - RECENT_DAYS * DAY_MS), to: new Date(o.now), limit: HISTORY_ROWS }
	);
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

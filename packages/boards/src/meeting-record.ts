import {
	agencyDocName,
	planDocName,
	readAgencies,
	readTask,
	tasksMap,
	type TaskId
} from '@planboard/model';
import type * as Y from 'yjs';
import {
	documentHistory,
	replayHistory,
	type DocumentHistory,
	type HistoryEntry,
	type HistoryReader
} from './history.js';
import { taskChanges } from './plan-history.js';

/**
 * One change made during a meeting, read from the stored, attributed history: on the plan
 * (`agencyId` null; `field` a TaskChangeKind of plan-history.ts, agency lists as names) or on
 * an agency's card (`agencyId` set; `field` a ChangeKind of history.ts). `before`/`after` are
 * the plain values those give; for `field: 'task'`, null before means the task was added.
 */
export interface MeetingChange {
	/** Epoch milliseconds the store wrote the (last coalesced) update. */
	at: number;
	author: HistoryEntry['author'];
	agencyId: string | null;
	taskId: string;
	field: string;
	before: unknown;
	after: unknown;
}

const PAGE = 500;

/** Every entry of a range, oldest first, reading the history page by page. */
async function allEntries<C>(
	page: (beforeSeq: number | undefined) => Promise<DocumentHistory<C>>
): Promise<HistoryEntry<C>[]> {
	const entries: HistoryEntry<C>[] = [];
	let beforeSeq: number | undefined;
	for (;;) {
		const got = await page(beforeSeq);
		entries.push(...got.entries);
		if (got.nextBeforeSeq === null) break;
		beforeSeq = got.nextBeforeSeq;
	}
	return entries.reverse();
}

function flatten(
	entries: HistoryEntry<{
		taskId?: string;
		cardId?: string;
		kind: string;
		before?: unknown;
		after?: unknown;
	}>[],
	agencyId: string | null
): MeetingChange[] {
	return entries.flatMap((e) =>
		e.changes.map((c) => ({
			at: Date.parse(e.time),
			author: e.author,
			agencyId,
			taskId: c.taskId ?? c.cardId ?? '',
			field: c.kind,
			before: c.before ?? null,
			after: c.after ?? null
		}))
	);
}

/** The plan's task changes over a range, through the one replay (plan-history's taskChanges). */
async function planChanges(
	reader: HistoryReader,
	planId: string,
	from: Date,
	to: Date
): Promise<MeetingChange[]> {
	const agencyName = (doc: Y.Doc) => {
		const names = new Map(readAgencies(doc).map((a) => [a.id as string, a.shortName || a.name]));
		return (id: string) => names.get(id) ?? id;
	};
	const entries = await allEntries((beforeSeq) =>
		replayHistory(
			reader,
			planDocName(planId),
			{ from, to, limit: PAGE, beforeSeq },
			{
				root: tasksMap as (doc: Y.Doc) => Y.Map<unknown>,
				changes: (key, before, after) =>
					taskChanges(
						readTask(before, key as TaskId),
						readTask(after, key as TaskId),
						agencyName(after)
					)
			}
		)
	);
	return flatten(entries, null);
}

async function cardChanges(
	reader: HistoryReader,
	planId: string,
	agencyId: string,
	from: Date,
	to: Date
): Promise<MeetingChange[]> {
	const document = agencyDocName({ planId, agencyId });
	const entries = await allEntries((beforeSeq) =>
		documentHistory(reader, document, { from, to, limit: PAGE, beforeSeq })
	);
	return flatten(entries, agencyId);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Changes that record an event, not a value going from one state to another. */
const EVENTS = new Set([
	'task',
	'card',
	'split',
	'merged',
	'absorbed',
	'deleted',
	'restored',
	'handover'
]);

/**
 * Runs of one person's changes to one field (typing a title keystroke by keystroke, dragging a
 * progress bar) become one change, from the first value to the last, unless someone else
 * changed that field in between. Progress entries added ('updates') are concatenated.
 */
export function coalesceChanges(changes: readonly MeetingChange[]): MeetingChange[] {
	const out: MeetingChange[] = [];
	const last = new Map<string, number>();
	for (const c of changes) {
		const key = `${c.agencyId ?? ''}\u0000${c.taskId}\u0000${c.field}`;
		const i = last.get(key);
		const prev = i === undefined ? undefined : out[i];
		if (prev && prev.author?.id === c.author?.id && !EVENTS.has(c.field)) {
			prev.at = c.at;
			prev.after =
				c.field === 'updates' && Array.isArray(prev.after) && Array.isArray(c.after)
					? [...(prev.after as unknown[]), ...(c.after as unknown[])]
					: c.after;
			continue;
		}
		last.set(key, out.length);
		out.push({ ...c });
	}
	// A run that ends where it began changed nothing.
	return out.filter(
		(c) => EVENTS.has(c.field) || c.field === 'updates' || !same(c.before, c.after)
	);
}

/**
 * Every change made to a board between `from` and `to`, plan and cards, oldest first, read from
 * the stored history (who, when, before and after): a meeting's running record, never a second
 * log. `agencyIds` are the agency documents to read (groups have none).
 */
export async function meetingChanges(
	reader: HistoryReader,
	options: { planId: string; agencyIds: readonly string[]; from: Date; to: Date }
): Promise<MeetingChange[]> {
	const { planId, from, to } = options;
	const all = [...(await planChanges(reader, planId, from, to))];
	for (const agencyId of options.agencyIds)
		all.push(...(await cardChanges(reader, planId, agencyId, from, to)));
	// Stable: a plan change and the card change of the same update keep their order.
	all.sort((a, b) => a.at - b.at);
	return coalesceChanges(all);
}

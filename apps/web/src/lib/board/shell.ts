import { STATUSES, type AgencyInfo, type Card, type Status, type Task } from '@planboard/model';

/**
 * Cards of each status column shown before the user scrolls. The server sends no more than these
 * (the shell), and a lane renders exactly these first, so hydration adopts the server's DOM as
 * it is. Ten keeps every lane of an ordinary plan whole (the seeded board's largest has nine);
 * a 2,000-card board starts with about 450 tiles instead of 2,000.
 */
export const FIRST_CARDS_PER_COLUMN = 10;

/** Cards added to a column each time its end comes near the screen or the user asks for more. */
export const MORE_CARDS = 20;

export type StatusCounts = Record<Status, number>;

/** One lane as the server sends it: its first cards per column and how many there are in all. */
export interface ShellLane {
	agency: AgencyInfo;
	/** In board order; the first `perColumn` of each status, or all of them. */
	cards: Card[];
	/** Cards per status in the whole lane, so the headers and counts are right before the rest arrives. */
	counts: StatusCounts;
	total: number;
}

export function statusCounts(cards: readonly Card[]): StatusCounts {
	const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
	for (const c of cards) counts[c.status] = (counts[c.status] ?? 0) + 1;
	return counts;
}

/**
 * What the first screen needs of a board: every lane's counts and its first `perColumn` cards
 * per status, and only the tasks those cards name. The live documents bring the rest. With
 * `perColumn` Infinity (a board as of an instant, which has no live documents) nothing is left
 * out; the lanes still carry their counts.
 */
export function boardShell<
	B extends { lanes: { agency: AgencyInfo; cards: Card[] }[]; tasks: Task[] }
>(
	board: B,
	perColumn = FIRST_CARDS_PER_COLUMN
): Omit<B, 'lanes' | 'tasks'> & { lanes: ShellLane[]; tasks: Task[] } {
	const named = new Set<string>();
	const lanes = board.lanes.map(({ agency, cards }) => {
		const taken = Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
		const first = cards.filter((c) => taken[c.status]++ < perColumn);
		for (const c of first) named.add(c.taskId);
		return { agency, cards: first, counts: statusCounts(cards), total: cards.length };
	});
	const tasks = perColumn === Infinity ? board.tasks : board.tasks.filter((t) => named.has(t.id));
	return { ...board, lanes, tasks };
}

import {
	asTaskId,
	isIsoDate,
	rollupProgress,
	timeliness,
	type AgencyId,
	type Lang,
	type Rollup,
	type Status,
	type Task,
	type Timeliness
} from '@planboard/model';
import type { BoardCard, BoardContribution, BoardData } from './board.js';

/** What every exporter takes. */
export interface ExportOptions {
	/** The day the report is made for, 'YYYY-MM-DD': timeliness is computed against it. */
	asOf: string;
	/** Language of column headers and labels; official documents (DOCX) are always Vietnamese. */
	lang?: Lang;
}

export function checkAsOf(asOf: string): void {
	if (!isIsoDate(asOf)) throw new RangeError(`asOf must be a YYYY-MM-DD date, got ${asOf}`);
}

/** One card as a report line, with the task it belongs to and its derived timeliness. */
export interface CardRow {
	task: Task;
	card: BoardCard;
	agencyName: string;
	timeliness: Timeliness;
}

/** One task or duty with the state of all its cards (a group-led task has several). */
export interface TaskRow {
	task: Task;
	cards: BoardCard[];
	status: Status;
	rollup: Rollup;
	timeliness: Timeliness;
	/** Contributions written by the task's coordinating agencies. */
	contributions: BoardContribution[];
}

/** Display name of an agency or group; the id itself when the board does not know it. */
export function agencyName(board: BoardData, id: string): string {
	return board.agencies.find((a) => a.id === id)?.name ?? id;
}

export function agencyNames(board: BoardData, ids: readonly AgencyId[]): string {
	return ids.map((id) => agencyName(board, id)).join('; ');
}

/**
 * Tasks in plan order. A card whose task is no longer in the plan document (removed by a
 * coordinator after officers reported on it) still gets a row under its bare id, so an export
 * never silently drops reported work.
 */
function tasksWithOrphans(board: BoardData): Task[] {
	const known = new Set(board.tasks.map((t) => t.id));
	const orphans = [...new Set(board.cards.map((c) => c.taskId))].filter((id) => !known.has(id));
	return [
		...board.tasks,
		...orphans.map(
			(id): Task => ({
				id: asTaskId(id),
				number: id,
				sectionId: '',
				title: '',
				content: '',
				timeframe: '',
				due: null,
				lead: [],
				coordinating: [],
				kind: 'task',
				items: []
			})
		)
	];
}

/** One row per card: tasks in plan order, and within a task the agencies in board order. */
export function cardRows(board: BoardData, options: ExportOptions): CardRow[] {
	checkAsOf(options.asOf);
	const rank = new Map(board.agencies.map((a, i) => [a.id as string, i]));
	const rows: CardRow[] = [];
	for (const task of tasksWithOrphans(board)) {
		const cards = board.cards
			.filter((c) => c.taskId === task.id)
			.sort((a, b) => (rank.get(a.agencyId) ?? 1e9) - (rank.get(b.agencyId) ?? 1e9));
		for (const card of cards) {
			rows.push({
				task,
				card,
				agencyName: agencyName(board, card.agencyId),
				timeliness: timeliness({ due: task.due, ...card, asOf: options.asOf })
			});
		}
	}
	return rows;
}

/**
 * A task's status from its cards: all in one status gives that status; otherwise it is awaiting
 * review when every card is done or awaiting review, and in progress once any card has moved.
 */
export function taskStatus(cards: readonly Pick<BoardCard, 'status'>[]): Status {
	if (cards.length === 0) return 'todo';
	const first = cards[0].status;
	if (cards.every((c) => c.status === first)) return first;
	if (cards.every((c) => c.status === 'done' || c.status === 'awaiting_review')) {
		return 'awaiting_review';
	}
	return cards.some((c) => c.status !== 'todo') ? 'in_progress' : 'todo';
}

/** One row per task and duty, in plan order. */
export function taskRows(board: BoardData, options: ExportOptions): TaskRow[] {
	checkAsOf(options.asOf);
	return tasksWithOrphans(board).map((task) => {
		const cards = board.cards.filter((c) => c.taskId === task.id);
		const status = taskStatus(cards);
		const completions = cards.map((c) => c.completedAt);
		// The task is done when its last card is; an unknown instant proves nothing late.
		const completedAt =
			status === 'done' && completions.every((t) => t !== null)
				? Math.max(...(completions as number[]))
				: null;
		return {
			task,
			cards,
			status,
			rollup: rollupProgress(cards),
			timeliness: timeliness({
				due: task.due,
				status,
				completedAt,
				asOf: options.asOf
			}),
			contributions: board.contributions.filter((c) => c.taskId === task.id)
		};
	});
}

import { computeProgress, taskStatus, type PlanProgress } from '@planboard/boards/progress';
import {
	asTaskId,
	isIsoDate,
	timelinessLabel,
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

/**
 * The board's progress by the one computation (packages/boards `computeProgress`), so every
 * export shows the figures of the progress board, the share page and the progress API.
 */
export function boardProgress(board: BoardData, asOf: string): PlanProgress<BoardCard> {
	checkAsOf(asOf);
	const byAgency = new Map<string, BoardCard[]>();
	for (const card of board.cards) {
		byAgency.set(card.agencyId, [...(byAgency.get(card.agencyId) ?? []), card]);
	}
	return computeProgress({
		tasks: board.tasks,
		sections: board.sections,
		agencies: board.agencies,
		assignments: board.assignments,
		cards: (agencyId) => byAgency.get(agencyId) ?? [],
		asOf
	});
}

/** Where a timeliness would stand for a card or task the plan no longer has. */
const ORPHAN_LABEL: Record<Lang, string> = {
	vi: 'Không còn trong kế hoạch',
	en: 'No longer in the plan'
};

/** A timeliness label, or the orphan label for null. */
export function timelinessText(value: Timeliness | null, lang: Lang): string {
	return value === null ? ORPHAN_LABEL[lang] : timelinessLabel(value, lang);
}

/**
 * One assignment as a report line, with its task and derived timeliness. A seeded assignment
 * whose card does not exist is a line too (todo, 0 %): it is counted, so it is shown.
 */
export interface CardRow {
	task: Task;
	card: BoardCard;
	agencyName: string;
	/** Null for an orphan: a card of a task the plan no longer has, counted nowhere. */
	timeliness: Timeliness | null;
	/** The agency's document holds no card for this seeded assignment. */
	missing: boolean;
}

/** One task or duty with the state of all its cards (a group-led task has several). */
export interface TaskRow {
	task: Task;
	/** The cards that exist (a missing seeded card has nothing to report). */
	cards: BoardCard[];
	status: Status;
	/** Null for an orphan task (only its cards are left), which no figure counts. */
	rollup: Rollup | null;
	timeliness: Timeliness | null;
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

/** A task the plan no longer has, known only by the id its orphan cards carry. */
function orphanTask(id: string): Task {
	return {
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
	};
}

/** The stand-in for a seeded assignment without a card: what the computation counts. */
function blankCard(agencyId: string, taskId: string): BoardCard {
	return {
		agencyId: agencyId as AgencyId,
		taskId: asTaskId(taskId),
		status: 'todo',
		progress: 0,
		order: '',
		notes: '',
		checklist: [],
		evidence: [],
		figures: {},
		updates: [],
		completedAt: null,
		updatedAt: null,
		updatedBy: null
	};
}

/**
 * Orphan cards grouped by task, in the order they were read; the task as the plan remembers it
 * when it was deleted there, else known only by its id.
 */
function orphansByTask(progress: PlanProgress<BoardCard>): { task: Task; cards: BoardCard[] }[] {
	const out = new Map<string, { task: Task; cards: BoardCard[] }>();
	for (const { card, task } of progress.orphans) {
		const entry = out.get(card.taskId) ?? { task: task ?? orphanTask(card.taskId), cards: [] };
		entry.cards.push(card);
		out.set(card.taskId, entry);
	}
	return [...out.values()];
}

/**
 * One row per assignment: tasks in plan order, within a task the agencies in board order; then
 * the orphan cards, so an export never silently drops reported work (nor counts it).
 */
export function cardRows(board: BoardData, options: ExportOptions): CardRow[] {
	const progress = boardProgress(board, options.asOf);
	const rows: CardRow[] = [];
	for (const t of progress.tasks) {
		for (const f of t.cards) {
			rows.push({
				task: t.task,
				card: f.card ?? blankCard(f.agencyId, t.task.id),
				agencyName: agencyName(board, f.agencyId),
				timeliness: f.timeliness,
				missing: f.missing
			});
		}
	}
	for (const { task, cards } of orphansByTask(progress)) {
		for (const card of cards) {
			rows.push({
				task,
				card,
				agencyName: agencyName(board, card.agencyId),
				timeliness: null,
				missing: false
			});
		}
	}
	return rows;
}

/** One row per task and duty in plan order, then one per orphan task. */
export function taskRows(board: BoardData, options: ExportOptions): TaskRow[] {
	const progress = boardProgress(board, options.asOf);
	const contributionsOf = (taskId: string) =>
		board.contributions.filter((c) => c.taskId === taskId);
	return [
		...progress.tasks.map(
			(t): TaskRow => ({
				task: t.task,
				cards: t.cards.flatMap((f) => (f.card ? [f.card] : [])),
				status: t.status,
				rollup: t.rollup,
				timeliness: t.timeliness,
				contributions: contributionsOf(t.task.id)
			})
		),
		...orphansByTask(progress).map(
			({ task, cards }): TaskRow => ({
				task,
				cards,
				status: taskStatus(cards),
				rollup: null,
				timeliness: null,
				contributions: contributionsOf(task.id)
			})
		)
	];
}

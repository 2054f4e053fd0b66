/**
 * Workflow status of a card, stored in the agency document. Timeliness is never stored: it is
 * derived from the status, the due date and an as-of date (see timeliness.ts).
 */
export type Status = 'todo' | 'in_progress' | 'awaiting_review' | 'done' | 'paused';

/** In workflow order; this is also the column order of the board and the sort order of cards. */
export const STATUSES: readonly Status[] = Object.freeze([
	'todo',
	'in_progress',
	'awaiting_review',
	'done',
	'paused'
] as const);

export function isStatus(value: unknown): value is Status {
	return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

/** Position of a status in {@link STATUSES}; unknown values sort last. */
export function statusRank(status: Status): number {
	const i = STATUSES.indexOf(status);
	return i === -1 ? STATUSES.length : i;
}

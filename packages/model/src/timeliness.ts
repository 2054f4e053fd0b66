import type { Status } from './status.js';
import { vietnamDate } from './vietnam-time.js';

/** Derived, never stored: it changes with the calendar even when nobody edits the card. */
export type Timeliness = 'on_track' | 'due_soon' | 'overdue' | 'done_on_time' | 'done_late';

export const TIMELINESS: readonly Timeliness[] = Object.freeze([
	'on_track',
	'due_soon',
	'overdue',
	'done_on_time',
	'done_late'
] as const);

/** A task is "due soon" when its due date is at most this many days after the as-of date. */
export const DUE_SOON_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a 'YYYY-MM-DD' date; throws on anything else. */
export function dayNumber(date: string): number {
	const m = DATE_PATTERN.exec(date);
	if (!m) throw new RangeError(`Invalid date ${JSON.stringify(date)}: expected YYYY-MM-DD`);
	const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
	if (new Date(ms).toISOString().slice(0, 10) !== date) {
		throw new RangeError(`Invalid date ${JSON.stringify(date)}: no such day`);
	}
	return Math.round(ms / DAY_MS);
}

export function isIsoDate(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	try {
		dayNumber(value);
		return true;
	} catch {
		return false;
	}
}

export interface TimelinessInput {
	due: string | null;
	status: Status;
	completedAt: number | null;
	/** The day the board is looked at, 'YYYY-MM-DD'. */
	asOf: string;
}

/**
 * - done: on time when completed (Vietnam date) on or before the due date, or when there is no
 *   due date or no recorded completion instant (nothing proves it late);
 * - not done (including paused): overdue after the due date, due soon from
 *   {@link DUE_SOON_DAYS} days before it through the due date itself, otherwise on track.
 */
export function timeliness({ due, status, completedAt, asOf }: TimelinessInput): Timeliness {
	const today = dayNumber(asOf);
	if (status === 'done') {
		if (due === null || completedAt === null) return 'done_on_time';
		return dayNumber(vietnamDate(completedAt)) <= dayNumber(due) ? 'done_on_time' : 'done_late';
	}
	if (due === null) return 'on_track';
	const left = dayNumber(due) - today;
	if (left < 0) return 'overdue';
	if (left <= DUE_SOON_DAYS) return 'due_soon';
	return 'on_track';
}

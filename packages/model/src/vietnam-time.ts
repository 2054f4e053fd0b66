/**
 * Vietnam time, the one owner of it: plans are Vietnamese, so days are Vietnam calendar days
 * (Asia/Ho_Chi_Minh, UTC+7 all year, no daylight saving) for every viewer and server. Every
 * date shown, compared or sent goes through here; nothing else writes the offset.
 */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const VIETNAM_OFFSET = '+07:00';

/** The Vietnam calendar date ('YYYY-MM-DD') of an instant in epoch milliseconds. */
export function vietnamDate(ms: number): string {
	return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's date in Vietnam, 'YYYY-MM-DD'. */
export function todayInVietnam(now: number = Date.now()): string {
	return vietnamDate(now);
}

/** The instant a Vietnam day ('YYYY-MM-DD') begins. */
export function startOfVietnamDay(date: string): Date {
	return new Date(`${date}T00:00:00.000${VIETNAM_OFFSET}`);
}

/** The last millisecond of a Vietnam day ('YYYY-MM-DD'): everything written that day is before it. */
export function endOfVietnamDay(date: string): Date {
	return new Date(`${date}T23:59:59.999${VIETNAM_OFFSET}`);
}

/** The wall clock in Vietnam at an instant: hours and minutes, for times printed beside dates. */
export function vietnamClock(ms: number): { hours: number; minutes: number } {
	const shifted = new Date(ms + VIETNAM_OFFSET_MS);
	return { hours: shifted.getUTCHours(), minutes: shifted.getUTCMinutes() };
}

/**
 * A day as Vietnamese documents and screens print it, dd/mm/yyyy (the administrative format):
 * '2024-11-05' → '05/11/2024'. Takes a 'YYYY-MM-DD' day or the date part of a longer ISO string
 * (which must already be a Vietnam day: turn an instant into one with vietnamDate first). Empty
 * for a missing day; text that does not start with a day is returned as given, so a malformed
 * stored value shows rather than breaks the page or report that prints it.
 */
export function formatDmy(day: string | null | undefined): string {
	if (!day) return '';
	const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
	return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}

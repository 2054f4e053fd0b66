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

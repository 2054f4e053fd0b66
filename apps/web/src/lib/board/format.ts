import { vietnamClock, vietnamDate } from '@planboard/model';
import { formatDate } from '$lib/i18n';

/** Fills `{name}` placeholders of a message. */
export function fill(message: string, vars: Record<string, string | number>): string {
	return message.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** dd/mm/yyyy hh:mm in Vietnam time, the zone of the plan, whatever the viewer's clock says. */
export function formatDateTime(ms: number): string {
	const { hours, minutes } = vietnamClock(ms);
	const hh = String(hours).padStart(2, '0');
	const mm = String(minutes).padStart(2, '0');
	return `${formatDate(vietnamDate(ms))} ${hh}:${mm}`;
}

/** Today's date in Vietnam, 'YYYY-MM-DD': timeliness is judged on the plan's calendar. */
export { todayInVietnam } from '@planboard/model';

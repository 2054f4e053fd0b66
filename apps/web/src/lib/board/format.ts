import { vietnamDate } from '@planboard/model';
import { formatDate } from '$lib/i18n';

/** Fills `{name}` placeholders of a message. */
export function fill(message: string, vars: Record<string, string | number>): string {
	return message.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** dd/mm/yyyy hh:mm in Vietnam time, the zone of the plan, whatever the viewer's clock says. */
export function formatDateTime(ms: number): string {
	const shifted = new Date(ms + 7 * 3600_000);
	const hh = String(shifted.getUTCHours()).padStart(2, '0');
	const mm = String(shifted.getUTCMinutes()).padStart(2, '0');
	return `${formatDate(vietnamDate(ms))} ${hh}:${mm}`;
}

/** Today's date in Vietnam, 'YYYY-MM-DD': timeliness is judged on the plan's calendar. */
export function todayInVietnam(): string {
	return vietnamDate(Date.now());
}

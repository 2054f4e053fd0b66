import { isIsoDate } from '@planboard/model';

/** The as-of date from the URL when it is a real 'YYYY-MM-DD' day, else the fallback. */
export function asOfFrom(value: string | null, fallback: string): string {
	return isIsoDate(value) ? value : fallback;
}

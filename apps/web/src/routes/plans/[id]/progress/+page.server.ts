import { redirect } from '@sveltejs/kit';
import { parseAsOf } from '@planboard/boards';
import { todayInVietnam } from '$lib/board/format';
import { progressSnapshot } from '$lib/progress/progress-data.server';
import { asOfFrom } from '$lib/progress/share';
import type { PageServerLoad } from './$types';

/** Roles the export route serves (officers see their own lane, not the whole report). */
const EXPORTERS = new Set(['admin', 'coordinator', 'viewer']);

export const load: PageServerLoad = ({ locals, params, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	const today = todayInVietnam();
	const asOf = asOfFrom(url.searchParams.get('asOf'), today);
	// A past day shows the board as it stood at the end of that day, as the progress API does;
	// today or later is the live board.
	const past = asOf < today ? parseAsOf(asOf)?.instant : undefined;
	return {
		board: progressSnapshot(params.id, past),
		live: past === undefined,
		asOf,
		large: url.searchParams.get('view') === 'large',
		downloads: EXPORTERS.has(locals.user.role)
	};
};

import { redirect } from '@sveltejs/kit';
import { todayInVietnam } from '$lib/board/format';
import { progressSnapshot } from '$lib/progress/progress-data.server';
import { asOfFrom } from '$lib/progress/share';
import type { PageServerLoad } from './$types';

/** Roles the export route serves (officers see their own lane, not the whole report). */
const EXPORTERS = new Set(['admin', 'coordinator', 'viewer']);

export const load: PageServerLoad = ({ locals, params, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	return {
		board: progressSnapshot(params.id),
		asOf: asOfFrom(url.searchParams.get('asOf'), todayInVietnam()),
		large: url.searchParams.get('view') === 'large',
		downloads: EXPORTERS.has(locals.user.role)
	};
};

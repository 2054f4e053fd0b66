import { redirect } from '@sveltejs/kit';
import { boardDescriptor } from '$lib/server/plans';
import type { PageServerLoad } from './$types';

/** Roles the consolidated report is served to, as the exports (officers report, not read all). */
const EXPORTERS = new Set(['admin', 'coordinator', 'viewer']);

/** The reporting rounds of a board: everything on the page is live over the sync server. */
export const load: PageServerLoad = ({ locals, params, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	return {
		descriptor: boardDescriptor(params.id),
		downloads: EXPORTERS.has(locals.user.role)
	};
};

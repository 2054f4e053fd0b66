import { redirect } from '@sveltejs/kit';
import { boardSnapshot } from '$lib/server/board';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	return { board: boardSnapshot(params.id) };
};

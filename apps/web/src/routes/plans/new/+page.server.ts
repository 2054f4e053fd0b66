import { redirect } from '@sveltejs/kit';
import { boardDirectory } from '@planboard/boards';
import { requireBoardCreator } from '$lib/server/plan-upload';
import { runtime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

/** "Kế hoạch mới": coordinators and admins only; the upload itself goes to `POST /api/plans`. */
export const load: PageServerLoad = ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	requireBoardCreator(locals);
	const directory = boardDirectory(runtime().store);
	return {
		agencies: directory.agencies
			.map(({ id, name }) => ({ id, name }))
			.sort((a, b) => a.name.localeCompare(b.name, 'vi'))
	};
};

import { error, redirect } from '@sveltejs/kit';
import { parseAsOf } from '@planboard/boards';
import { boardShell } from '$lib/board/shell';
import { boardSnapshot } from '$lib/server/board';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	const raw = url.searchParams.get('asOf');
	// The live board sends only the first screen (a 2,000-card board was 2.8 MB of HTML and
	// 30,000 elements to hydrate); its documents bring the rest. As of an instant there are no
	// live documents, so every card comes with the page.
	if (raw === null) return { board: boardShell(boardSnapshot(params.id)), asOf: null };
	const asOf = parseAsOf(raw);
	if (!asOf) {
		error(400, {
			message: 'Thời điểm xem (asOf) phải là một ngày YYYY-MM-DD hoặc một thời điểm ISO có múi giờ.'
		});
	}
	return {
		board: boardShell(boardSnapshot(params.id, asOf.instant), Infinity),
		asOf: { instant: asOf.instant.toISOString(), date: asOf.date }
	};
};

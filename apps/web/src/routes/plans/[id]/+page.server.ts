import { error, redirect } from '@sveltejs/kit';
import { parseAsOf } from '@planboard/boards';
import { boardSnapshot } from '$lib/server/board';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	const raw = url.searchParams.get('asOf');
	if (raw === null) return { board: boardSnapshot(params.id), asOf: null };
	const asOf = parseAsOf(raw);
	if (!asOf) {
		error(400, {
			message: 'Thời điểm xem (asOf) phải là một ngày YYYY-MM-DD hoặc một thời điểm ISO có múi giờ.'
		});
	}
	return {
		board: boardSnapshot(params.id, asOf.instant),
		asOf: { instant: asOf.instant.toISOString(), date: asOf.date }
	};
};

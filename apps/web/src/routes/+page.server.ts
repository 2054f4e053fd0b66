import { redirect } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
	const { store } = runtime();
	const feed = store.calendarFeeds.get(locals.user.id);
	return {
		plans: store.plans.list(),
		calendarFeed: { active: feed !== null, createdAt: feed?.createdAt.toISOString() ?? null }
	};
};

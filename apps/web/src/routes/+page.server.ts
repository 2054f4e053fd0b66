import { redirect } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
	return { plans: runtime().store.plans.list() };
};

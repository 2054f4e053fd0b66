import { json } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/guard';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => {
	requireUser(locals);
	const plans = runtime()
		.store.plans.list()
		.map(({ id, title, year }) => ({ id, title, year }));
	return json(plans);
};

import { json } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { requireUser } from '$lib/server/guard';
import { createPlanFromRequest, requireBoardCreator } from '$lib/server/plan-upload';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => {
	requireUser(locals);
	const plans = runtime()
		.store.plans.list()
		.map(({ id, title, year }) => ({ id, title, year }));
	return json(plans);
};

/** A new board from a plan file (`multipart/form-data`, field `file`); `?dryRun=1` only previews. */
export const POST: RequestHandler = async ({ locals, request, url }) => {
	const user = requireBoardCreator(locals);
	const dryRun = ['1', 'true'].includes(url.searchParams.get('dryRun') ?? '');
	return createPlanFromRequest({ request, dryRun, user });
};

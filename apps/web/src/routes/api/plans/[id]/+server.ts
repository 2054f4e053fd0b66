import { json } from '@sveltejs/kit';
import { boardDescriptor } from '$lib/server/plans';
import { requireUser } from '$lib/server/guard';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) => {
	requireUser(locals);
	const { id, title, agencies, documents } = boardDescriptor(params.id);
	return json({ id, title, agencies, documents });
};

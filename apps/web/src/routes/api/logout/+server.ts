import { json } from '@sveltejs/kit';
import { logout } from '$lib/server/session';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, cookies, url }) => {
	await logout({ sessionId: locals.sessionId, url, cookies });
	return json({ ok: true });
};

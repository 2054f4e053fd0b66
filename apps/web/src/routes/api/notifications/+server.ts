import { error, json } from '@sveltejs/kit';
import { notificationsOf } from '$lib/server/notifications';
import type { RequestHandler } from './$types';

/**
 * GET /api/notifications: `{ unread, items }`, what concerns the signed-in user now (deadlines
 * of their agency, or everyone's for other roles; changes by others to their cards; decided
 * proposals), each with its stable `key` and whether it was read.
 */
export const GET: RequestHandler = async ({ locals }) => {
	if (!locals.user) error(401, { message: 'Cần đăng nhập.' });
	return json(await notificationsOf(locals.user), { headers: { 'cache-control': 'no-store' } });
};

import { error, json } from '@sveltejs/kit';
import { markNotificationsRead } from '$lib/server/notifications';
import type { RequestHandler } from './$types';

const MAX_KEYS = 500;

/** POST /api/notifications/read `{ "keys": [...] }` or `{ "all": true }`: 200 `{ "marked" }`. */
export const POST: RequestHandler = async ({ locals, request }) => {
	if (!locals.user) error(401, { message: 'Cần đăng nhập.' });
	const body: unknown = await request.json().catch(() => null);
	const input = body && typeof body === 'object' ? (body as Record<string, unknown>) : null;
	const keys = input?.keys;
	const all = input?.all === true;
	const validKeys =
		Array.isArray(keys) &&
		keys.length <= MAX_KEYS &&
		keys.every((k) => typeof k === 'string' && k.length <= 1000);
	if (!input || (!all && !validKeys))
		error(400, { message: 'Cần "keys" (danh sách khóa thông báo) hoặc "all": true.' });
	const marked = await markNotificationsRead(locals.user, {
		all,
		keys: validKeys ? (keys as string[]) : []
	});
	return json({ marked });
};

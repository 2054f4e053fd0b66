import { error, json } from '@sveltejs/kit';
import { resetCalendarFeed } from '$lib/server/calendar';
import { runtime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

function signedIn(locals: App.Locals) {
	if (!locals.user) error(401, { message: 'Cần đăng nhập.' });
	return locals.user;
}

/** GET /api/calendar: whether the user has a calendar feed (never its address: only a hash is kept). */
export const GET: RequestHandler = ({ locals }) => {
	const feed = runtime().store.calendarFeeds.get(signedIn(locals).id);
	return json({
		active: feed !== null,
		createdAt: feed?.createdAt.toISOString() ?? null,
		lastUsedAt: feed?.lastUsedAt?.toISOString() ?? null
	});
};

/** POST /api/calendar: a new address for the user's feed (the old one stops), shown this once. */
export const POST: RequestHandler = ({ locals, url }) => {
	const { path } = resetCalendarFeed(signedIn(locals));
	return json(
		{ url: new URL(path, url).href },
		{ status: 201, headers: { 'cache-control': 'no-store' } }
	);
};

/** DELETE /api/calendar: turns the user's feed off. */
export const DELETE: RequestHandler = ({ locals }) => {
	const user = signedIn(locals);
	const removed = runtime().store.calendarFeeds.remove(user.id);
	if (removed)
		runtime().store.audit.log({
			userId: user.id,
			action: 'calendar.remove',
			detail: user.username
		});
	return new Response(null, { status: 204 });
};

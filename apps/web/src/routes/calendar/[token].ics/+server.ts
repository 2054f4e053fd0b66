import { error } from '@sveltejs/kit';
import { calendarOf } from '$lib/server/calendar';
import type { RequestHandler } from './$types';

/**
 * GET /calendar/<token>.ics: a user's calendar feed, at a secret address calendar clients
 * subscribe to (they send no cookie). 404 for an unknown or reset address.
 */
export const GET: RequestHandler = ({ params, url }) => {
	const ics = calendarOf(params.token, url.origin);
	if (ics === null)
		error(404, { message: 'Không tìm thấy lịch (địa chỉ sai hoặc đã được đặt lại).' });
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="planboard.ics"',
			'cache-control': 'private, no-store',
			'x-robots-tag': 'noindex, nofollow'
		}
	});
};

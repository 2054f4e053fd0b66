import { error, json } from '@sveltejs/kit';
import { issueMinutes, publicMinutes, requireMinutesReader } from '$lib/server/minutes';
import { requireUser } from '$lib/server/guard';
import { runtime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** GET /api/plans/<id>/minutes: the board's meeting minutes, newest meeting first. */
export const GET: RequestHandler = ({ locals, params }) => {
	requireMinutesReader(requireUser(locals));
	const { store } = runtime();
	if (!store.plans.get(params.id)) error(404, { message: 'Không tìm thấy kế hoạch.' });
	return json(store.minutes.list(params.id).map(publicMinutes), {
		headers: { 'cache-control': 'private, no-store' }
	});
};

/**
 * POST /api/plans/<id>/minutes `{ "meetingId" }`: ends that meeting on the server's side and
 * issues its minutes (201; 200 with the first minutes when it was ended before).
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireUser(locals);
	const body = (await request.json().catch(() => null)) as { meetingId?: unknown } | null;
	if (!body || typeof body.meetingId !== 'string' || body.meetingId.length > 128)
		error(400, { message: 'Cần mã cuộc họp (meetingId).' });
	const { minutes, created } = await issueMinutes({
		user,
		planId: params.id,
		meetingId: body.meetingId
	});
	return json(publicMinutes(minutes), { status: created ? 201 : 200 });
};

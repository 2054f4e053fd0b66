import { error } from '@sveltejs/kit';
import { vietnamDate } from '@planboard/model';
import { requireMinutesReader } from '$lib/server/minutes';
import { requireUser } from '$lib/server/guard';
import { runtime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** GET /api/plans/<id>/minutes/<minutesId>: the minutes' DOCX as issued when the meeting ended. */
export const GET: RequestHandler = ({ locals, params }) => {
	requireMinutesReader(requireUser(locals));
	const file = runtime().store.minutes.file({ planId: params.id, id: params.minutesId });
	if (!file) error(404, { message: 'Không tìm thấy biên bản.' });
	// The meeting's day in Vietnam, as its minutes are dated (a UTC day is a day early before 07:00).
	const day = vietnamDate(file.endedAt.getTime());
	return new Response(new Uint8Array(file.docx), {
		headers: {
			'content-type': DOCX,
			'content-disposition': `attachment; filename="bien-ban-hop-${params.id}-${day}.docx"`,
			'content-length': String(file.docx.length),
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};

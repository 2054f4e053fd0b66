import { error, json } from '@sveltejs/kit';
import { documentAccess } from '@planboard/auth/access';
import { parseAsOf } from '@planboard/boards';
import { planDocName } from '@planboard/model';
import { progressReport } from '$lib/progress/progress-data.server';
import { requireUser } from '$lib/server/guard';
import type { RequestHandler } from './$types';

/**
 * GET /api/plans/<id>/progress[?asOf=YYYY-MM-DD | ISO instant][&tasks=1]: the progress board's
 * figures as JSON, computed by the one progress computation from the board as it stood then
 * (a day means the end of that day in Vietnam; no asOf means now). Anyone who may read the plan.
 */
export const GET: RequestHandler = ({ locals, params, url }) => {
	const user = requireUser(locals);
	if (documentAccess({ user, document: planDocName(params.id) }) === 'none') {
		error(403, { message: 'Tài khoản của bạn không được xem kế hoạch này.' });
	}
	const value = url.searchParams.get('asOf');
	const asOf = parseAsOf(value ?? new Date().toISOString());
	if (!asOf) {
		error(400, {
			message: 'Thời điểm (asOf) phải là ngày YYYY-MM-DD hoặc thời điểm ISO có múi giờ.'
		});
	}
	return json(
		progressReport({ planId: params.id, asOf, tasks: url.searchParams.get('tasks') === '1' }),
		{
			headers: { 'cache-control': 'private, no-store' }
		}
	);
};

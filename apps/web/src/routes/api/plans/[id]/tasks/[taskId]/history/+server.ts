import { error, json } from '@sveltejs/kit';
import { documentAccess } from '@planboard/auth';
import { sqliteDocumentStore, taskHistory } from '@planboard/boards';
import { isDocId, planDocName } from '@planboard/model';
import { requireUser } from '$lib/server/guard';
import { historyQuery } from '$lib/server/history-query';
import { runtime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/**
 * GET /api/plans/<id>/tasks/<taskId>/history[?limit=&beforeSeq=&from=&to=]: who changed the
 * plan's task (title, content, dates, agencies, handover, split, merge, delete) and when,
 * newest first, from the plan document's update log. Anyone who may read the plan document may
 * read it; share links carry no session and get 401.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	const { store } = runtime();
	if (!isDocId(params.id) || !store.plans.get(params.id)) {
		error(404, { message: 'Không tìm thấy kế hoạch.' });
	}
	const document = planDocName(params.id);
	if (documentAccess({ user, document }) === 'none') {
		error(403, { message: 'Tài khoản của bạn không được xem lịch sử kế hoạch này.' });
	}
	const history = await taskHistory(
		{ documents: sqliteDocumentStore(store), users: store.users },
		document,
		{ taskId: params.taskId, ...historyQuery(url) }
	);
	return json(history, { headers: { 'cache-control': 'private, no-store' } });
};

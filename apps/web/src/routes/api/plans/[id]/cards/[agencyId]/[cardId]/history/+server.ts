import { error, json } from '@sveltejs/kit';
import { documentAccess } from '@planboard/auth';
import { documentHistory, sqliteDocumentStore } from '@planboard/boards';
import { agencyDocName, isDocId } from '@planboard/model';
import { requireUser } from '$lib/server/guard';
import { historyQuery } from '$lib/server/history-query';
import { runtime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/**
 * GET /api/plans/<id>/cards/<agencyId>/<cardId>/history[?limit=&beforeSeq=&from=&to=]: who
 * changed what on one card and when, newest first, from the update log. Anyone who may read the
 * agency's document may read its history; share links carry no session and get 401.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	const { store } = runtime();
	if (!isDocId(params.id) || !isDocId(params.agencyId) || !store.plans.get(params.id)) {
		error(404, { message: 'Không tìm thấy kế hoạch.' });
	}
	const document = agencyDocName({ planId: params.id, agencyId: params.agencyId });
	if (documentAccess({ user, document }) === 'none') {
		error(403, { message: 'Tài khoản của bạn không được xem lịch sử thẻ này.' });
	}
	const history = await documentHistory(
		{ documents: sqliteDocumentStore(store), users: store.users },
		document,
		{ cardId: params.cardId, ...historyQuery(url) }
	);
	return json(history, { headers: { 'cache-control': 'private, no-store' } });
};

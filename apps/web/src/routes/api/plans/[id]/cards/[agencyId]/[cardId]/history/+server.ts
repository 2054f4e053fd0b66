import { error, json } from '@sveltejs/kit';
import { documentAccess } from '@planboard/auth';
import { documentHistory, parseAsOf, sqliteDocumentStore } from '@planboard/boards';
import { agencyDocName, isDocId } from '@planboard/model';
import { requireUser } from '$lib/server/guard';
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
	const q = url.searchParams;
	// A day as `from` starts at its beginning in Vietnam; as `to` it runs to its end.
	const instant = (name: 'from' | 'to') => {
		const value = q.get(name);
		if (value === null) return undefined;
		const parsed = parseAsOf(value);
		if (!parsed) error(400, { message: `${name} phải là một ngày YYYY-MM-DD hoặc thời điểm ISO.` });
		return name === 'from' && parsed.date === value
			? new Date(`${value}T00:00:00+07:00`)
			: parsed.instant;
	};
	const number = (name: string) => {
		const value = q.get(name);
		if (value === null) return undefined;
		if (!/^\d{1,15}$/.test(value)) error(400, { message: `${name} phải là một số nguyên dương.` });
		return Number(value);
	};
	const history = await documentHistory(
		{ documents: sqliteDocumentStore(store), users: store.users },
		document,
		{
			cardId: params.cardId,
			from: instant('from'),
			to: instant('to'),
			limit: number('limit'),
			beforeSeq: number('beforeSeq')
		}
	);
	return json(history, { headers: { 'cache-control': 'private, no-store' } });
};

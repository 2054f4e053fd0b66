import { error, json } from '@sveltejs/kit';
import {
	ShareInputError,
	createShareLink,
	publicShareLink,
	requireShareManager
} from '$lib/progress/share-links.server';
import { runtime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** GET /api/plans/<id>/links: the plan's share links, newest first, without their hashes. */
export const GET: RequestHandler = ({ locals, params }) => {
	requireShareManager(locals);
	const { store } = runtime();
	if (!store.plans.get(params.id)) error(404, { message: 'Không tìm thấy kế hoạch.' });
	return json(store.shareLinks.list(params.id).map(publicShareLink));
};

/**
 * POST /api/plans/<id>/links `{ "label", "expires"?: "YYYY-MM-DD" }`: 201 with the link and its
 * `token` and `url`, shown this once (only a hash is stored).
 */
export const POST: RequestHandler = async ({ locals, params, request, url }) => {
	const user = requireShareManager(locals);
	const body = (await request.json().catch(() => null)) as {
		label?: unknown;
		expires?: unknown;
	} | null;
	if (!body || typeof body.label !== 'string')
		error(400, { message: 'Cần nhãn (label) cho liên kết.' });
	const expires = typeof body.expires === 'string' && body.expires ? body.expires : null;
	try {
		const created = createShareLink({ planId: params.id, label: body.label, expires, user });
		const link = runtime()
			.store.shareLinks.list(params.id)
			.find((l) => l.id === created.id);
		return json(
			{
				...(link ? publicShareLink(link) : { id: created.id }),
				token: created.token,
				url: new URL(created.path, url).href
			},
			{ status: 201, headers: { 'cache-control': 'no-store' } }
		);
	} catch (e) {
		if (e instanceof ShareInputError) error(400, { message: e.message });
		throw e;
	}
};

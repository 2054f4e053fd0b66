import { error } from '@sveltejs/kit';
import { requireShareManager, revokeShareLink } from '$lib/progress/share-links.server';
import type { RequestHandler } from './$types';

/** DELETE /api/plans/<id>/links/<linkId>: revokes the link and closes its open connections. */
export const DELETE: RequestHandler = ({ locals, params }) => {
	const user = requireShareManager(locals);
	if (!revokeShareLink({ id: params.linkId, planId: params.id, user })) {
		error(404, { message: 'Không tìm thấy liên kết.' });
	}
	return new Response(null, { status: 204 });
};

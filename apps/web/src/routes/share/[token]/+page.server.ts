import { error } from '@sveltejs/kit';
import { todayInVietnam } from '$lib/board/format';
import { progressSnapshot } from '$lib/progress/progress-data.server';
import { resolveShareToken } from '$lib/progress/share-links.server';
import { asOfFrom } from '$lib/progress/share';
import { runtime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

/**
 * A share link opens the progress board of one plan, read-only, without an account. It grants
 * nothing else: no cookie is set, so every other page and the API still ask for a login.
 */
export const load: PageServerLoad = ({ params, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex, nofollow' });
	const found = resolveShareToken(params.token);
	if ('status' in found) {
		error(found.status, {
			message:
				found.status === 410
					? 'Liên kết chia sẻ đã hết hạn hoặc đã bị thu hồi.'
					: 'Không tìm thấy liên kết chia sẻ.'
		});
	}
	runtime().store.shareLinks.touch(found.link.id);
	return {
		board: progressSnapshot(found.link.planId),
		label: found.link.label,
		asOf: asOfFrom(url.searchParams.get('asOf'), todayInVietnam()),
		large: url.searchParams.get('view') === 'large',
		shareToken: params.token
	};
};

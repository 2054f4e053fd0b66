import { parseAsOf } from '@planboard/boards';
import { todayInVietnam } from '$lib/board/format';
import { progressSnapshot } from '$lib/progress/progress-data.server';
import { requireShareLink } from '$lib/progress/share-links.server';
import { asOfFrom } from '$lib/progress/share';
import { runtime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

/**
 * A share link opens the progress board of one plan, read-only, without an account. It grants
 * nothing else: no cookie is set, so every other page and the API still ask for a login. The
 * page is rendered from the computed snapshot and kept live by `./events`; it never opens the
 * plan's documents (they hold notes and update entries the board does not show).
 */
export const load: PageServerLoad = ({ params, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex, nofollow' });
	const link = requireShareLink(params.token);
	runtime().store.shareLinks.touch(link.id);
	const today = todayInVietnam();
	const asOf = asOfFrom(url.searchParams.get('asOf'), today);
	// A past day is the board as it stood at its end, as on the progress board; else live.
	const past = asOf < today ? parseAsOf(asOf)?.instant : undefined;
	return {
		board: progressSnapshot(link.planId, past),
		live: past === undefined,
		label: link.label,
		asOf,
		large: url.searchParams.get('view') === 'large',
		shareToken: params.token
	};
};

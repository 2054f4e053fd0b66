/**
 * Board pages the service worker keeps for offline reloads. Shared by the worker (which fills
 * the cache) and the page (which empties it on logout: the cached HTML carries the user's name
 * and role).
 */
export const BOARD_PAGES_CACHE_PREFIX = 'planboard-pages-';

/** `/plans/<id>` and its `__data.json`; not the progress page, the API or anything else. */
export function isBoardPage(pathname: string): boolean {
	return /^\/plans\/[^/]+\/?(?:__data\.json)?$/.test(pathname);
}

/** Deletes every cached board page of this origin, whichever build cached it. */
export async function clearOfflinePages(): Promise<void> {
	if (typeof caches === 'undefined') return;
	const keys = await caches.keys();
	await Promise.all(
		keys.filter((k) => k.startsWith(BOARD_PAGES_CACHE_PREFIX)).map((k) => caches.delete(k))
	);
}

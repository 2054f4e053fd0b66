/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';
import { BOARD_PAGES_CACHE_PREFIX, isBoardPage } from '$lib/collab/offline-pages';

/**
 * Offline board. Immutable build assets and static files are precached per version (their names
 * carry hashes, so cache-first is always right); board pages and their `__data.json` are
 * network-first with the last good answer kept, so a reload without a network still opens the
 * board, which then renders from IndexedDB. Nothing else is touched: the API, exports and the
 * sync socket must always reach the server.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;

const ASSETS = `planboard-assets-${version}`;
// Versioned too: a cached page names the hashed assets of the build that rendered it.
const PAGES = `${BOARD_PAGES_CACHE_PREFIX}${version}`;
const PRECACHE = new Set([...build, ...files]);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(ASSETS)
			.then((cache) => cache.addAll([...PRECACHE]))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(keys.filter((k) => k !== ASSETS && k !== PAGES).map((k) => caches.delete(k)))
			)
			.then(() => sw.clients.claim())
			.then(cacheOpenBoards)
	);
});

/**
 * A board open while this worker installed was loaded past it, so nothing holds its page yet;
 * fetch it now, or going offline right after the first visit would leave nothing to reload.
 */
async function cacheOpenBoards(): Promise<void> {
	const windows = await sw.clients.matchAll({ type: 'window' });
	const urls = windows.map((w) => new URL(w.url)).filter((u) => isBoardPage(u.pathname));
	await Promise.all(urls.map((u) => networkFirst(new Request(u.href)).catch(() => undefined)));
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (PRECACHE.has(url.pathname)) {
		event.respondWith(cacheFirst(request));
	} else if (isBoardPage(url.pathname)) {
		event.respondWith(networkFirst(request));
	}
});

async function cacheFirst(request: Request): Promise<Response> {
	const hit = await caches.match(request, { cacheName: ASSETS });
	return hit ?? fetch(request);
}

async function networkFirst(request: Request): Promise<Response> {
	try {
		const response = await fetch(request);
		// Only a real page for a signed-in user: a redirect to /login (opaque for navigations)
		// or an error must not replace the last good copy.
		if (response.status === 200 && response.type === 'basic' && !response.redirected) {
			const cache = await caches.open(PAGES);
			await cache.put(request, response.clone());
		}
		return response;
	} catch (err) {
		const cache = await caches.open(PAGES);
		// `__data.json` carries an invalidation query that varies between navigations; any copy
		// of the same page's data is better than none offline.
		const hit =
			(await cache.match(request, { ignoreVary: true })) ??
			(await cache.match(request, { ignoreVary: true, ignoreSearch: true }));
		if (hit) return hit;
		throw err;
	}
}

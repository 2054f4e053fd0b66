import { clearOfflinePages } from './offline-pages';

const PREFIX = 'planboard:';

/**
 * IndexedDB names for cached documents. Namespaced per user so two people sharing a browser
 * never see each other's unsent edits, and so logout can remove exactly one user's cache.
 */
export function cacheName(userId: string, documentName: string): string {
	return `${PREFIX}${userId}:${documentName}`;
}

const owners = new Set<() => Promise<void>>();

/**
 * An open IndexedDB connection blocks deleting its database; a live board registers how to
 * close its caches so logout can close them first. Returns the unregister function.
 */
export function registerCacheOwner(close: () => Promise<void>): () => void {
	owners.add(close);
	return () => owners.delete(close);
}

/** localStorage keys of the offline board (identity, waiting-change counts), same prefix. */
export function storageKey(...parts: string[]): string {
	return PREFIX + parts.join(':');
}

/** Where a document's count of edits not yet acknowledged by the server is kept. */
export function pendingKey(userId: string, documentName: string): string {
	return storageKey('pending', userId, documentName);
}

/**
 * Drops the unsent edits a user made to a document they may no longer write (their role or
 * agency changed since): replayed from IndexedDB, they would show on their board as if stored,
 * while the server refuses them on a read-only connection. Deletes the document's cache, so it
 * refills from the server; IndexedDB runs a delete and a later open of the same name in order,
 * so a cache opened right after this starts empty. The waiting count goes once the delete is
 * done (a delete blocked by another tab is tried again on the next load). Returns how many
 * edits were dropped: 0 when none were waiting.
 */
export function dropUnsentEdits(options: { userId: string; documentName: string }): number {
	const key = pendingKey(options.userId, options.documentName);
	let count = 0;
	try {
		count = Number(localStorage.getItem(key)) || 0;
	} catch {
		return 0;
	}
	if (count === 0 || typeof indexedDB === 'undefined') return 0;
	const request = indexedDB.deleteDatabase(cacheName(options.userId, options.documentName));
	request.onsuccess = () => localStorage.removeItem(key);
	return count;
}

/**
 * Deletes everything the offline board keeps in this browser (all users): cached documents,
 * cached board pages, the saved identity and waiting-change counts; resolves when done.
 */
export async function clearOfflineCache(): Promise<void> {
	for (const key of Object.keys(localStorage))
		if (key.startsWith(PREFIX)) localStorage.removeItem(key);
	await clearOfflinePages();
	if (typeof indexedDB === 'undefined' || !indexedDB.databases) return;
	await Promise.all([...owners].map((close) => close()));
	const dbs = await indexedDB.databases();
	await Promise.all(
		dbs
			.map((d) => d.name)
			.filter((name): name is string => !!name && name.startsWith(PREFIX))
			.map(
				(name) =>
					new Promise<void>((resolve) => {
						const req = indexedDB.deleteDatabase(name);
						// A blocked delete (the board open in another tab) completes when that tab
						// closes; logout must not wait for it.
						req.onsuccess = req.onerror = req.onblocked = () => resolve();
					})
			)
	);
}

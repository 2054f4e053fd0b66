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

import { concernsOf, DocumentCache, type Concern } from '@planboard/boards';
import type { Store, User } from '@planboard/store';
import { runtime } from './runtime';

/**
 * The boards as the bell last read them, per store (one per server): every signed-in page polls
 * the bell, and a poll when nothing was written reads no document again.
 */
const caches = new WeakMap<Store, DocumentCache>();
function cacheOf(store: Store): DocumentCache {
	let cache = caches.get(store);
	if (!cache) caches.set(store, (cache = new DocumentCache(store)));
	return cache;
}

/** A notification as the bell shows it: what concerns the user, and whether they read it. */
export type Notification = Concern & { read: boolean };

/**
 * The user's notifications now, from `concernsOf` (packages/boards), the computation the daily
 * email lists too, with their read marks. Marks of notifications that no longer exist (a task
 * done, a change no longer recent) are forgotten here, so the table holds only live ones.
 */
export async function notificationsOf(
	user: User,
	now = Date.now()
): Promise<{ unread: number; items: Notification[] }> {
	const { store } = runtime();
	const concerns = await concernsOf({ store, user, now, cache: cacheOf(store) });
	store.notifications.retainReads({ userId: user.id, keys: new Set(concerns.map((c) => c.key)) });
	const read = store.notifications.readKeys(user.id);
	const items = concerns.map((c) => ({ ...c, read: read.has(c.key) }));
	return { unread: items.filter((n) => !n.read).length, items };
}

/**
 * Marks notifications read: the given keys, or every current one with `all`. Only keys of the
 * user's current notifications are stored, so a client cannot fill the table with made-up keys.
 */
export async function markNotificationsRead(
	user: User,
	input: { keys?: readonly string[]; all?: boolean }
): Promise<number> {
	const { store } = runtime();
	const current = (await concernsOf({ store, user, now: Date.now(), cache: cacheOf(store) })).map(
		(c) => c.key
	);
	const wanted = new Set(input.keys ?? []);
	const keys = input.all ? current : current.filter((k) => wanted.has(k));
	store.notifications.markRead({ userId: user.id, keys });
	return keys.length;
}

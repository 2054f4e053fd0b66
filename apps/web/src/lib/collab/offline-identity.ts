import type { SessionUser } from './board-session.svelte';
import { storageKey } from './offline-cache';

const KEY = storageKey('identity');

/**
 * The signed-in user as of the last online load, so an offline reload opens the same user's
 * IndexedDB namespace even when the page data cannot say who that is. Only what the board needs:
 * no username, no token. Removed on logout with the rest of the offline cache.
 */
export function saveIdentity(user: SessionUser): void {
	const { id, role, agencyId, displayName } = user;
	try {
		localStorage.setItem(KEY, JSON.stringify({ id, role, agencyId, displayName }));
	} catch {
		// Storage full or disabled: the board still works online.
	}
}

export function loadIdentity(): SessionUser | null {
	try {
		const raw = localStorage.getItem(KEY);
		if (!raw) return null;
		const u = JSON.parse(raw) as Partial<SessionUser>;
		if (typeof u.id !== 'string' || typeof u.role !== 'string') return null;
		return {
			id: u.id,
			role: u.role,
			agencyId: typeof u.agencyId === 'string' ? u.agencyId : null,
			displayName: typeof u.displayName === 'string' ? u.displayName : ''
		};
	} catch {
		return null;
	}
}

import type { WebSocket } from 'ws';

/** The authenticated user as the sync server sees it; never carries the password hash. */
export interface SyncUser {
	id: string;
	username: string;
	displayName: string;
	role: 'admin' | 'coordinator' | 'officer' | 'viewer';
	agencyId: string | null;
}

/**
 * Hocuspocus connection context. `socket` is set when the socket is accepted, `user` and
 * `sessionId` once a document on it has authenticated.
 */
export interface SyncContext {
	socket: WebSocket;
	ip: string;
	/**
	 * Shared by every document on one socket (Hocuspocus copies the context per document, but
	 * this object by reference), so socket-level code such as flood logs knows the user.
	 */
	peer: { user?: SyncUser };
	user?: SyncUser;
	sessionId?: string;
}

/** Reads the connection context off a Yjs transaction origin set by Hocuspocus. */
export function contextOfOrigin(origin: unknown): SyncContext | null {
	if (typeof origin !== 'object' || origin === null) return null;
	const o = origin as { source?: string; connection?: { context?: SyncContext } };
	return o.source === 'connection' ? (o.connection?.context ?? null) : null;
}

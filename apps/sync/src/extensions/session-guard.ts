import { isShareLinkActive, type ShareLink, type Store } from '@planboard/store';
import type { WebSocket } from 'ws';
import { CloseCodes } from '../close-codes.js';
import type { Logger } from '../log.js';

/**
 * Sockets opened with a share link are tracked under the session id `share:<linkId>`: session
 * ids are base32 and never contain a colon, and `revokeSession('share:<linkId>')` then closes
 * the link's sockets through the runtime API the web app already has.
 */
export const SHARE_SESSION_PREFIX = 'share:';

function shareLinkIdOf(sessionId: string): string | null {
	return sessionId.startsWith(SHARE_SESSION_PREFIX)
		? sessionId.slice(SHARE_SESSION_PREFIX.length)
		: null;
}

interface Tracked {
	sessionId: string;
	userId: string;
}

/**
 * Keeps every authenticated socket tied to its session, and closes it when the session ends:
 * at once for a logout or a disable in this process, and within one sweep interval when the
 * session was removed elsewhere (the CLI, another server), expired, or its user was disabled.
 */
export class SessionGuard {
	#sockets = new Map<WebSocket, Tracked[]>();
	#timer: NodeJS.Timeout;

	constructor(private readonly options: { store: Store; log: Logger; intervalMs: number }) {
		this.#timer = setInterval(() => this.sweep(), options.intervalMs);
		this.#timer.unref();
	}

	track({
		socket,
		sessionId,
		userId
	}: {
		socket: WebSocket;
		sessionId: string;
		userId: string;
	}): void {
		const list = this.#sockets.get(socket);
		if (list) {
			if (!list.some((t) => t.sessionId === sessionId)) list.push({ sessionId, userId });
			return;
		}
		this.#sockets.set(socket, [{ sessionId, userId }]);
		socket.once('close', () => this.#sockets.delete(socket));
	}

	revokeSession(sessionId: string): number {
		return this.#closeWhere((t) => t.sessionId === sessionId, 'session');
	}

	revokeUser(userId: string): number {
		return this.#closeWhere((t) => t.userId === userId, 'user');
	}

	/** Closes at once every socket opened with this share link. */
	revokeShareLink(linkId: string): number {
		return this.revokeSession(`${SHARE_SESSION_PREFIX}${linkId}`);
	}

	/** Re-validates each distinct session (or share link) that has an open socket. */
	sweep(): number {
		const { store } = this.options;
		const now = Date.now();
		const verdict = new Map<string, boolean>();
		let links: Map<string, ShareLink> | null = null;
		return this.#closeWhere((t) => {
			let dead = verdict.get(t.sessionId);
			const linkId = shareLinkIdOf(t.sessionId);
			if (dead === undefined && linkId !== null) {
				links ??= new Map(store.shareLinks.list().map((l) => [l.id, l]));
				const link = links.get(linkId);
				dead = !link || !isShareLinkActive({ link, now: new Date(now) });
				verdict.set(t.sessionId, dead);
			}
			if (dead === undefined) {
				const session = store.sessions.get(t.sessionId);
				const user = session ? store.users.get(session.userId) : null;
				dead = !session || !user || user.disabled || session.expiresAt.getTime() <= now;
				verdict.set(t.sessionId, dead);
			}
			return dead;
		}, 'sweep');
	}

	stop(): void {
		clearInterval(this.#timer);
	}

	#closeWhere(match: (t: Tracked) => boolean, cause: string): number {
		let closed = 0;
		for (const [socket, list] of this.#sockets) {
			const hit = list.find(match);
			if (!hit) continue;
			this.#sockets.delete(socket);
			socket.close(CloseCodes.SessionRevoked.code, CloseCodes.SessionRevoked.reason);
			this.options.log.info('ws.session_closed', {
				session: shareLinkIdOf(hit.sessionId) ? hit.sessionId : hit.sessionId.slice(0, 6),
				user: hit.userId,
				cause
			});
			closed++;
		}
		return closed;
	}
}

import { StoreError, type Store } from '@planboard/store';
import type { WebSocket } from 'ws';
import { CloseCodes } from '../close-codes.js';
import type { Logger } from '@planboard/config';

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
	/** Sweeps are being skipped for an outage: logged once when it starts and once at its end. */
	#skipping = false;

	constructor(private readonly options: { store: Store; log: Logger; intervalMs: number }) {
		this.#timer = setInterval(() => {
			// A throw from the interval would end the process; the next sweep tries again.
			try {
				this.sweep();
			} catch (error) {
				options.log.error('ws.sweep_failed', { error });
			}
		}, options.intervalMs);
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

	/**
	 * Re-validates each distinct session that has an open socket. While the database cannot be
	 * reached (IO) the sweep is skipped and every socket stays: an outage is no proof that a
	 * session ended. Revocations sent in this
	 * process or through Redis still close sockets meanwhile.
	 */
	sweep(): number {
		const { store } = this.options;
		const now = Date.now();
		const verdict = new Map<string, boolean>();
		for (const list of this.#sockets.values())
			for (const t of list) {
				if (verdict.has(t.sessionId)) continue;
				try {
					const session = store.sessions.get(t.sessionId);
					const user = session ? store.users.get(session.userId) : null;
					verdict.set(
						t.sessionId,
						!session || !user || user.disabled || session.expiresAt.getTime() <= now
					);
				} catch (error) {
					if (!(error instanceof StoreError && error.code === 'IO')) throw error;
					if (!this.#skipping) this.options.log.warn('ws.sweep_skipped', { reason: error.message });
					this.#skipping = true;
					return 0;
				}
			}
		if (this.#skipping) this.options.log.info('ws.sweep_resumed', {});
		this.#skipping = false;
		return this.#closeWhere((t) => verdict.get(t.sessionId) === true, 'sweep');
	}

	/** True while a socket of this session is open here (and was not revoked). */
	hasOpenSocket(sessionId: string): boolean {
		for (const list of this.#sockets.values())
			if (list.some((t) => t.sessionId === sessionId)) return true;
		return false;
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
				session: hit.sessionId.slice(0, 6),
				user: hit.userId,
				cause
			});
			closed++;
		}
		return closed;
	}
}

import type { Store, User } from '@planboard/store';
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** Sessions live 30 days and slide: any use in the second half renews them for 30 more. */
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * However often it is used, a session ends this long after its login (`PLANBOARD_SESSION_MAX_DAYS`
 * in the servers): a stolen cookie or token cannot be kept alive forever by using it. The stored
 * expiry never passes this point, so every check of `expiresAt` (the sync server's sweep too)
 * enforces it.
 */
export const SESSION_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * A validated session as the app sees it. The secret and its hash never leave this module: the
 * token is shown once at creation (for the cookie) and the store keeps only SHA-256(secret).
 */
export interface Session {
	id: string;
	userId: string;
	expiresAt: Date;
	createdAt: Date;
}

/** The repositories sessions need; a full Store fits. */
export type SessionStore = Pick<Store, 'sessions' | 'users'>;

const PART = /^[a-z2-7]{32}$/;

function randomPart(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

function splitToken(token: string): { id: string; secret: string } | null {
	const [id, secret, ...rest] = token.split('.');
	if (rest.length > 0 || !PART.test(id ?? '') || !PART.test(secret ?? '')) return null;
	return { id, secret };
}

/** The session id part of a well-formed token (`<id>.<secret>`), else null. */
export function sessionIdFromToken(token: string): string | null {
	return splitToken(token)?.id ?? null;
}

export function createSession(options: {
	store: SessionStore;
	userId: string;
	now?: Date;
	/** Absolute lifetime; `SESSION_MAX_AGE_MS` unless configured. */
	maxAgeMs?: number;
}): {
	token: string;
	session: Session;
} {
	const now = options.now ?? new Date();
	const id = randomPart();
	const secret = randomPart();
	const maxAge = options.maxAgeMs ?? SESSION_MAX_AGE_MS;
	const expiresAt = new Date(now.getTime() + Math.min(SESSION_LIFETIME_MS, maxAge));
	options.store.sessions.insert({
		id,
		secretHash: hashSecret(secret),
		userId: options.userId,
		expiresAt,
		createdAt: now
	});
	return {
		token: `${id}.${secret}`,
		session: { id, userId: options.userId, expiresAt, createdAt: now }
	};
}

/**
 * Resolves a token to its session and user, or null when the token is malformed, unknown, has
 * the wrong secret, has expired or outlived its absolute lifetime (the session is then deleted)
 * or belongs to a disabled user. `refreshed` is true when the expiry was extended: the caller
 * must re-send the cookie.
 */
export function validateSessionToken(options: {
	store: SessionStore;
	token: string;
	now?: Date;
	/** Absolute lifetime; `SESSION_MAX_AGE_MS` unless configured. */
	maxAgeMs?: number;
}): { session: Session; user: User; refreshed: boolean } | null {
	const { store } = options;
	const now = (options.now ?? new Date()).getTime();
	const parts = splitToken(options.token);
	if (!parts) return null;
	const record = store.sessions.get(parts.id);
	if (!record || !constantTimeEqual(hashSecret(parts.secret), record.secretHash)) return null;
	const endOfLife = record.createdAt.getTime() + (options.maxAgeMs ?? SESSION_MAX_AGE_MS);
	if (now >= Math.min(record.expiresAt.getTime(), endOfLife)) {
		store.sessions.delete(record.id);
		return null;
	}
	const user = store.users.get(record.userId);
	if (!user || user.disabled) {
		store.sessions.delete(record.id);
		return null;
	}
	let expiresAt = record.expiresAt;
	const extended = Math.min(now + SESSION_LIFETIME_MS, endOfLife);
	const refreshed =
		expiresAt.getTime() - now < SESSION_LIFETIME_MS / 2 && extended > expiresAt.getTime();
	if (refreshed) {
		expiresAt = new Date(extended);
		store.sessions.setExpiry({ id: record.id, expiresAt });
	}
	return {
		session: { id: record.id, userId: record.userId, expiresAt, createdAt: record.createdAt },
		user,
		refreshed
	};
}

export function invalidateSession(options: { store: SessionStore; sessionId: string }): void {
	options.store.sessions.delete(options.sessionId);
}

/** Signs the user out everywhere: after a password change, a role change or disabling. */
export function invalidateUserSessions(options: { store: SessionStore; userId: string }): void {
	options.store.sessions.deleteForUser(options.userId);
}

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
	SESSION_LIFETIME_MS,
	SESSION_MAX_AGE_MS,
	createSession,
	invalidateSession,
	invalidateUserSessions,
	sessionIdFromToken,
	validateSessionToken
} from './session.js';
import { BACKENDS, useTempStore } from '../../store/src/test-store.js';

describe.each(BACKENDS)('%s', (backend) => {
	const t = useTempStore(backend);
	const DAY = 24 * 60 * 60 * 1000;

	function newUser(username = 'an') {
		return t.store.users.create({
			username,
			displayName: 'An',
			role: 'viewer',
			agencyId: null,
			passwordHash: 'h'
		});
	}

	describe('sessions', () => {
		it('issues id.secret tokens of two 32-char lowercase base32 parts', () => {
			const user = newUser();
			const { token, session } = createSession({ store: t.store, userId: user.id });
			expect(token).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/);
			expect(sessionIdFromToken(token)).toBe(session.id);
			expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(SESSION_LIFETIME_MS);
			expect(createSession({ store: t.store, userId: user.id }).token).not.toBe(token);
		});

		// Read from the SQLite file itself: the row as a leaked database would show it.
		it.runIf(backend === 'sqlite')('stores only a SHA-256 hash of the secret', () => {
			const user = newUser();
			const { token, session } = createSession({ store: t.store, userId: user.id });
			const secret = token.split('.')[1];
			const db = new Database(t.store.path, { readonly: true });
			const row = db.prepare('SELECT * FROM sessions WHERE id = ?').get(session.id) as Record<
				string,
				unknown
			>;
			db.close();
			const dump = JSON.stringify(row) + Buffer.from(row.secret_hash as Buffer).toString('latin1');
			expect(dump).not.toContain(secret);
			expect((row.secret_hash as Buffer).length).toBe(32);
		});

		it('validates a good token and rejects malformed, unknown and wrong-secret tokens', () => {
			const user = newUser();
			const { token, session } = createSession({ store: t.store, userId: user.id });
			expect(validateSessionToken({ store: t.store, token })).toMatchObject({
				session: { id: session.id, userId: user.id },
				user: { id: user.id, username: 'an' },
				refreshed: false
			});
			const [id, secret] = token.split('.');
			const other = secret.slice(0, -1) + (secret.endsWith('a') ? 'b' : 'a');
			for (const bad of [
				'',
				'x',
				id,
				`${id}.`,
				`${id}.${secret}.x`,
				`${id}.${other}`,
				`${other}.${secret}`,
				token.toUpperCase()
			]) {
				expect(validateSessionToken({ store: t.store, token: bad })).toBeNull();
			}
			expect(validateSessionToken({ store: t.store, token })).not.toBeNull();
		});

		it('rejects and deletes an expired session', () => {
			const user = newUser();
			const start = new Date('2025-01-01T00:00:00Z');
			const { token, session } = createSession({ store: t.store, userId: user.id, now: start });
			const later = new Date(start.getTime() + SESSION_LIFETIME_MS);
			expect(validateSessionToken({ store: t.store, token, now: later })).toBeNull();
			expect(t.store.sessions.get(session.id)).toBeNull();
		});

		it('extends the expiry only once less than half the lifetime remains', () => {
			const user = newUser();
			const start = new Date('2025-01-01T00:00:00Z');
			const { token, session } = createSession({
				store: t.store,
				userId: user.id,
				now: start,
				maxAgeMs: 365 * DAY
			});
			const early = new Date(start.getTime() + 10 * DAY);
			const early_ = validateSessionToken({ store: t.store, token, now: early });
			expect(early_?.refreshed).toBe(false);
			expect(early_?.session.expiresAt).toEqual(session.expiresAt);

			const late = new Date(start.getTime() + 16 * DAY);
			const result = validateSessionToken({
				store: t.store,
				token,
				now: late,
				maxAgeMs: 365 * DAY
			});
			expect(result?.refreshed).toBe(true);
			expect(result?.session.expiresAt).toEqual(new Date(late.getTime() + SESSION_LIFETIME_MS));
			expect(t.store.sessions.get(session.id)?.expiresAt).toEqual(result?.session.expiresAt);
			const beyondOriginal = new Date(session.expiresAt.getTime() + DAY);
			expect(
				validateSessionToken({ store: t.store, token, now: beyondOriginal, maxAgeMs: 365 * DAY })
			).not.toBeNull();
		});

		it('rejects a disabled user and forgets that session', () => {
			const user = newUser();
			const { token, session } = createSession({ store: t.store, userId: user.id });
			t.store.users.update({ id: user.id, disabled: true });
			expect(validateSessionToken({ store: t.store, token })).toBeNull();
			expect(t.store.sessions.get(session.id)).toBeNull();
		});

		it('invalidates one session or all of a user', () => {
			const user = newUser();
			const other = newUser('binh');
			const a = createSession({ store: t.store, userId: user.id });
			const b = createSession({ store: t.store, userId: user.id });
			const c = createSession({ store: t.store, userId: other.id });
			invalidateSession({ store: t.store, sessionId: a.session.id });
			expect(validateSessionToken({ store: t.store, token: a.token })).toBeNull();
			expect(validateSessionToken({ store: t.store, token: b.token })).not.toBeNull();
			invalidateUserSessions({ store: t.store, userId: user.id });
			expect(validateSessionToken({ store: t.store, token: b.token })).toBeNull();
			expect(validateSessionToken({ store: t.store, token: c.token })).not.toBeNull();
		});

		it('ends a session at its absolute lifetime however often it is used', () => {
			const user = newUser();
			const start = new Date('2025-01-01T00:00:00Z');
			const { token, session } = createSession({ store: t.store, userId: user.id, now: start });
			expect(t.store.sessions.get(session.id)?.createdAt).toEqual(start);
			// Used every 10 days: the sliding expiry alone would keep it alive for ever.
			for (let day = 10; day < 30; day += 10) {
				const at = new Date(start.getTime() + day * DAY);
				const result = validateSessionToken({ store: t.store, token, now: at });
				expect(result).not.toBeNull();
				expect(result!.session.expiresAt.getTime()).toBeLessThanOrEqual(
					start.getTime() + SESSION_MAX_AGE_MS
				);
			}
			const end = new Date(start.getTime() + SESSION_MAX_AGE_MS);
			expect(validateSessionToken({ store: t.store, token, now: end })).toBeNull();
			expect(t.store.sessions.get(session.id)).toBeNull();
		});

		it('takes a configured absolute lifetime, also for sessions stored with a later expiry', () => {
			const user = newUser();
			const start = new Date('2025-01-01T00:00:00Z');
			const { token } = createSession({ store: t.store, userId: user.id, now: start });
			const at = new Date(start.getTime() + 8 * DAY);
			expect(
				validateSessionToken({ store: t.store, token, now: at, maxAgeMs: 7 * DAY })
			).toBeNull();
			const fresh = createSession({ store: t.store, userId: user.id, now: start, maxAgeMs: DAY });
			expect(fresh.session.expiresAt).toEqual(new Date(start.getTime() + DAY));
		});
	});
});

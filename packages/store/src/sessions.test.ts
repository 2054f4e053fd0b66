import { describe, expect, it } from 'vitest';
import { BACKENDS, useTempStore } from './test-store.js';

describe.each(BACKENDS)('%s', (backend) => {
	const t = useTempStore(backend);

	function user(username: string) {
		return t.store.users.create({
			username,
			displayName: username,
			role: 'viewer',
			agencyId: null,
			passwordHash: 'h'
		});
	}

	describe('sessions', () => {
		it('stores, reads, extends and deletes a session', () => {
			const { id: userId } = user('an');
			const secretHash = new Uint8Array(32).fill(7);
			t.store.sessions.insert({ id: 's1', secretHash, userId, expiresAt: new Date(5000) });
			const session = t.store.sessions.get('s1');
			expect(session).toEqual({
				id: 's1',
				secretHash,
				userId,
				expiresAt: new Date(5000),
				createdAt: new Date(t.clock.now)
			});
			t.store.sessions.setExpiry({ id: 's1', expiresAt: new Date(9000) });
			expect(t.store.sessions.get('s1')?.expiresAt).toEqual(new Date(9000));
			t.store.sessions.delete('s1');
			expect(t.store.sessions.get('s1')).toBeNull();
		});

		it('deletes per user and expired sessions', () => {
			const a = user('an');
			const b = user('binh');
			const hash = new Uint8Array(32);
			t.store.sessions.insert({
				id: 'a1',
				secretHash: hash,
				userId: a.id,
				expiresAt: new Date(1000)
			});
			t.store.sessions.insert({
				id: 'a2',
				secretHash: hash,
				userId: a.id,
				expiresAt: new Date(3000)
			});
			t.store.sessions.insert({
				id: 'b1',
				secretHash: hash,
				userId: b.id,
				expiresAt: new Date(1000)
			});
			expect(t.store.sessions.deleteExpired(new Date(2000))).toBe(2);
			expect(t.store.sessions.get('a2')).not.toBeNull();
			expect(t.store.sessions.deleteForUser(a.id)).toBe(1);
			expect(t.store.sessions.get('a2')).toBeNull();
		});

		it('refuses a session for an unknown user', () => {
			expect(() =>
				t.store.sessions.insert({
					id: 'x',
					secretHash: new Uint8Array(1),
					userId: 'nobody',
					expiresAt: new Date()
				})
			).toThrow(/foreign key/i);
		});
	});
});

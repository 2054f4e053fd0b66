import { describe, expect, it } from 'vitest';
import { StoreError } from './errors.js';
import { BACKENDS, useTempStore } from './test-store.js';

describe.each(BACKENDS)('%s', (backend) => {
	const t = useTempStore(backend);
	const base = {
		displayName: 'Nguyễn An',
		role: 'officer',
		agencyId: 'so-yte',
		passwordHash: '$argon2id$secret'
	} as const;

	describe('users', () => {
		it('creates and reads a user without its password hash', () => {
			const user = t.store.users.create({ ...base, username: 'an.nguyen' });
			expect(user).toEqual({
				id: expect.any(String),
				username: 'an.nguyen',
				displayName: 'Nguyễn An',
				role: 'officer',
				agencyId: 'so-yte',
				disabled: false,
				createdAt: new Date(t.clock.now),
				email: null,
				emailDigest: true
			});
			expect(JSON.stringify(t.store.users.list())).not.toContain('argon2');
			expect(JSON.stringify(t.store.users.get(user.id))).not.toContain('argon2');
			expect(t.store.users.getPasswordHash(user.id)).toBe('$argon2id$secret');
			expect(t.store.users.getPasswordHash('nobody')).toBeNull();
		});

		it('treats usernames case-insensitively for lookup and uniqueness', () => {
			const user = t.store.users.create({ ...base, username: 'An' });
			expect(t.store.users.getByUsername('an')?.id).toBe(user.id);
			expect(t.store.users.getByUsername('AN')?.id).toBe(user.id);
			let error: unknown;
			try {
				t.store.users.create({ ...base, username: 'aN' });
			} catch (caught) {
				error = caught;
			}
			expect(error).toBeInstanceOf(StoreError);
			expect((error as StoreError).code).toBe('CONFLICT');
			expect((error as StoreError).message).toContain('aN');
			expect(t.store.users.count()).toBe(1);
		});

		it('updates only the given fields and can clear the agency', () => {
			const user = t.store.users.create({ ...base, username: 'binh' });
			const updated = t.store.users.update({
				id: user.id,
				role: 'viewer',
				agencyId: null,
				disabled: true
			});
			expect(updated).toMatchObject({
				displayName: 'Nguyễn An',
				role: 'viewer',
				agencyId: null,
				disabled: true
			});
			t.store.users.update({ id: user.id, passwordHash: 'new' });
			expect(t.store.users.getPasswordHash(user.id)).toBe('new');
			expect(t.store.users.get(user.id)?.disabled).toBe(true);
			expect(t.store.users.update({ id: 'missing', role: 'admin' })).toBeNull();
		});

		it('lists users sorted by username', () => {
			t.store.users.create({ ...base, username: 'chi' });
			t.store.users.create({ ...base, username: 'an' });
			expect(t.store.users.list().map((u) => u.username)).toEqual(['an', 'chi']);
		});
	});
});

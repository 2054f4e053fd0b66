import { describe, expect, it } from 'vitest';
import { BACKENDS, useTempStore } from './test-store.js';

describe.each(BACKENDS)('%s', (backend) => {
	const hash = (n: number) => new Uint8Array(32).fill(n);
	const ctx = useTempStore(backend);

	describe('calendar feeds', () => {
		it('finds a feed by its hash, replaces the hash on reset, and removes it', () => {
			const { store } = ctx;
			const user = store.users.create({
				username: 'bdbp',
				passwordHash: 'x',
				displayName: 'Cán bộ BĐBP',
				role: 'officer',
				agencyId: null
			});
			expect(store.calendarFeeds.get(user.id)).toBeNull();
			store.calendarFeeds.set({ userId: user.id, tokenHash: hash(1) });
			expect(store.calendarFeeds.getByHash(hash(1))?.userId).toBe(user.id);
			store.calendarFeeds.touch(user.id);
			expect(store.calendarFeeds.get(user.id)?.lastUsedAt).toBeInstanceOf(Date);

			store.calendarFeeds.set({ userId: user.id, tokenHash: hash(2) });
			expect(store.calendarFeeds.getByHash(hash(1))).toBeNull();
			expect(store.calendarFeeds.getByHash(hash(2))).toMatchObject({
				userId: user.id,
				lastUsedAt: null
			});

			expect(store.calendarFeeds.remove(user.id)).toBe(true);
			expect(store.calendarFeeds.remove(user.id)).toBe(false);
			expect(store.calendarFeeds.getByHash(hash(2))).toBeNull();
		});
	});
});

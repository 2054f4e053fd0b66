import { describe, expect, it } from 'vitest';
import { BACKENDS, useTempStore } from './test-store.js';

describe.each(BACKENDS)('%s', (backend) => {
	const hash = (n: number) => new Uint8Array(32).fill(n);
	const ctx = useTempStore(backend);

	function officer() {
		return ctx.store.users.create({
			username: 'bdbp',
			passwordHash: 'x',
			displayName: 'Cán bộ BĐBP',
			role: 'officer',
			agencyId: null
		});
	}

	describe('notifications and digests', () => {
		it('keeps read marks per user, once, and forgets those of notifications that are gone', () => {
			const { store } = ctx;
			const user = officer();
			store.notifications.markRead({ userId: user.id, keys: ['due:a', 'due:b'] });
			store.notifications.markRead({ userId: user.id, keys: ['due:a'] });
			expect(store.notifications.readKeys(user.id)).toEqual(new Set(['due:a', 'due:b']));
			expect(store.notifications.retainReads({ userId: user.id, keys: new Set(['due:b']) })).toBe(
				1
			);
			expect(store.notifications.readKeys(user.id)).toEqual(new Set(['due:b']));
			expect(store.notifications.readKeys('someone-else').size).toBe(0);
		});

		it('claims a day once, releases a failed send, and finds the user of an unsubscribe token', () => {
			const { store } = ctx;
			const user = officer();
			const day = { userId: user.id, day: '2024-11-03' };
			expect(store.notifications.claimDigest({ ...day, unsubscribeHash: hash(1) })).toBe(true);
			expect(store.notifications.claimDigest({ ...day, unsubscribeHash: hash(2) })).toBe(false);
			store.notifications.releaseDigest(day);
			expect(store.notifications.digest(day)).toBeNull();
			expect(store.notifications.claimDigest({ ...day, unsubscribeHash: hash(3) })).toBe(true);
			store.notifications.digestSent(day);
			store.notifications.releaseDigest(day);
			expect(store.notifications.digest(day)?.sentAt).toEqual(new Date(ctx.clock.now));
			expect(store.notifications.userOfUnsubscribe(hash(3))).toBe(user.id);
			expect(store.notifications.userOfUnsubscribe(hash(1))).toBeNull();
		});

		it('stores the email and the digest choice on the user', () => {
			const { store } = ctx;
			const user = officer();
			expect(user).toMatchObject({ email: null, emailDigest: true });
			store.users.update({ id: user.id, email: 'bdbp@gialai.gov.vn' });
			expect(store.users.update({ id: user.id, emailDigest: false })).toMatchObject({
				email: 'bdbp@gialai.gov.vn',
				emailDigest: false
			});
			expect(store.users.update({ id: user.id, email: null })?.email).toBeNull();
		});
	});
});

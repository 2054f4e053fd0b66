import { describe, expect, it } from 'vitest';
import { isShareLinkActive } from './share-links.js';
import { BACKENDS, useTempStore } from './test-store.js';

describe.each(BACKENDS)('%s', (backend) => {
	const t = useTempStore(backend);

	describe('share links', () => {
		it('creates, finds by hash, touches and revokes', () => {
			t.store.plans.insert({ id: 'p', title: 'P', year: 2025, sourceJson: '{}' });
			const tokenHash = new Uint8Array(32).fill(3);
			const id = t.store.shareLinks.create({
				planId: 'p',
				tokenHash,
				label: 'Tivi phòng họp',
				expiresAt: null,
				createdBy: null
			});
			const link = t.store.shareLinks.getByHash(tokenHash);
			expect(link).toMatchObject({
				id,
				planId: 'p',
				label: 'Tivi phòng họp',
				revokedAt: null,
				lastUsedAt: null
			});
			expect(link?.tokenHash).toEqual(tokenHash);
			expect(isShareLinkActive({ link: link! })).toBe(true);
			expect(t.store.shareLinks.getByHash(new Uint8Array(32))).toBeNull();

			t.clock.now += 1000;
			t.store.shareLinks.touch(id);
			expect(t.store.shareLinks.list('p')[0].lastUsedAt).toEqual(new Date(t.clock.now));
			expect(t.store.shareLinks.revoke(id)).toBe(true);
			expect(t.store.shareLinks.revoke(id)).toBe(false);
			expect(isShareLinkActive({ link: t.store.shareLinks.getByHash(tokenHash)! })).toBe(false);
			expect(t.store.shareLinks.list()).toHaveLength(1);
			expect(t.store.shareLinks.list('other')).toEqual([]);
		});

		it('treats an expired link as inactive', () => {
			t.store.plans.insert({ id: 'p', title: 'P', year: 2025, sourceJson: '{}' });
			const tokenHash = new Uint8Array([1]);
			t.store.shareLinks.create({
				planId: 'p',
				tokenHash,
				label: 'x',
				expiresAt: new Date(5000),
				createdBy: null
			});
			const link = t.store.shareLinks.getByHash(tokenHash)!;
			expect(isShareLinkActive({ link, now: new Date(4999) })).toBe(true);
			expect(isShareLinkActive({ link, now: new Date(5000) })).toBe(false);
		});
	});
});

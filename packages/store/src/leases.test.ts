import { describe, expect, it } from 'vitest';
import { openStore } from './open.js';
import { BACKENDS, useTempStore } from './test-store.js';

describe.each(BACKENDS)('%s', (backend) => {
	const t = useTempStore(backend);
	const lease = { name: 'snapshot:plan/p1', ttlMs: 30_000 };

	describe('leases', () => {
		it('gives a free lease to one holder, refuses the others, and renews it for its holder', () => {
			const { leases } = t.store;
			expect(leases.acquire({ ...lease, holder: 'a' })).toBe(true);
			expect(leases.acquire({ ...lease, holder: 'b' })).toBe(false);
			// Another name is another lease.
			expect(leases.acquire({ ...lease, name: 'snapshot:plan/p2', holder: 'b' })).toBe(true);

			// Renewed at 20 s, the lease runs to 50 s: B still waits at 40 s, gets it at 50 s.
			t.clock.now += 20_000;
			expect(leases.acquire({ ...lease, holder: 'a' })).toBe(true);
			t.clock.now += 20_000;
			expect(leases.acquire({ ...lease, holder: 'b' })).toBe(false);
			t.clock.now += 10_000;
			expect(leases.acquire({ ...lease, holder: 'b' })).toBe(true);
			expect(leases.acquire({ ...lease, holder: 'a' })).toBe(false);
		});

		it('is released only by its holder, and is free at once after', () => {
			const { leases } = t.store;
			expect(leases.release({ name: lease.name, holder: 'a' })).toBe(false);
			expect(leases.acquire({ ...lease, holder: 'a' })).toBe(true);
			expect(leases.release({ name: lease.name, holder: 'b' })).toBe(false);
			expect(leases.acquire({ ...lease, holder: 'b' })).toBe(false);
			expect(leases.release({ name: lease.name, holder: 'a' })).toBe(true);
			expect(leases.acquire({ ...lease, holder: 'b' })).toBe(true);
			// A holder whose lease expired and was taken cannot release the new holder's.
			t.clock.now += 30_000;
			expect(leases.acquire({ ...lease, holder: 'a' })).toBe(true);
			expect(leases.release({ name: lease.name, holder: 'b' })).toBe(false);
			expect(leases.acquire({ ...lease, holder: 'b' })).toBe(false);
		});

		it('is one lease for two connections to the same database, as two servers have', () => {
			const other = openStore({ ...t.location, now: () => t.clock.now });
			try {
				expect(t.store.leases.acquire({ ...lease, holder: 'server-a' })).toBe(true);
				expect(other.leases.acquire({ ...lease, holder: 'server-b' })).toBe(false);
				t.clock.now += lease.ttlMs;
				expect(other.leases.acquire({ ...lease, holder: 'server-b' })).toBe(true);
				expect(t.store.leases.acquire({ ...lease, holder: 'server-a' })).toBe(false);
			} finally {
				other.close();
			}
		});

		it('refuses a lease with no time', () => {
			expect(() => t.store.leases.acquire({ ...lease, holder: 'a', ttlMs: 0 })).toThrow(RangeError);
		});
	});
});

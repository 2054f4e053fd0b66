import type { RepoContext } from './context.js';
import { guarded } from './context.js';

/**
 * Named leases for work that one process at a time may do while several share the database (a
 * document's snapshot, written by one sync server at a time). A lease is held until its holder
 * releases it or `expires_at` passes, so a holder killed mid-work blocks the others for one TTL
 * at most. Times are the store's clock (`now`); the servers sharing a database share a clock
 * closely enough for TTLs of seconds. Plain INSERT ... ON CONFLICT, so the same statements serve
 * PostgreSQL.
 */
export interface LeasesRepo {
	/**
	 * Takes the lease for `ttlMs` from now when it is free, expired, or already `holder`'s (then it
	 * is renewed), in one statement: two callers never both get it. False while another holds it.
	 */
	acquire(input: { name: string; holder: string; ttlMs: number }): boolean;
	/** Gives the lease up; false when `holder` did not hold it (expired and taken, or never held). */
	release(input: { name: string; holder: string }): boolean;
}

export function createLeasesRepo(ctx: RepoContext): LeasesRepo {
	const { db } = ctx;
	// The conflict's WHERE leaves another holder's live lease untouched: no row changes.
	const take = db.prepare<[string, string, number, number]>(
		`INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
		WHERE leases.holder = excluded.holder OR leases.expires_at <= ?`
	);
	const give = db.prepare<[string, string]>('DELETE FROM leases WHERE name = ? AND holder = ?');
	return {
		acquire({ name, holder, ttlMs }) {
			if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) {
				throw new RangeError(`acquire: ttlMs must be a positive integer, got ${ttlMs}`);
			}
			const now = ctx.now();
			return guarded(ctx, () => take.run(name, holder, now + ttlMs, now).changes > 0);
		},
		release: ({ name, holder }) => guarded(ctx, () => give.run(name, holder).changes > 0)
	};
}

import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { StoreError } from './errors.js';
import { SCHEMA_VERSION } from './migrations.js';
import { openStore } from './open.js';
import { postgresMigrations } from './pg-migrations.js';
import { usePostgresCluster } from './test-store.js';

const cluster = usePostgresCluster();

function storeError(fn: () => unknown): StoreError {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(StoreError);
		return error as StoreError;
	}
	throw new Error('expected a StoreError');
}

const withPassword = (url: string) => url.replace('planboard@', 'planboard:s3cret@');

describe('openStore on PostgreSQL', () => {
	it("creates SQLite's current schema, records its version, and migrates nothing twice", () => {
		expect(postgresMigrations.at(-1)?.version).toBe(SCHEMA_VERSION);
		const url = cluster.harness.createDatabase();
		const store = openStore({ url: withPassword(url) });
		try {
			// Trust authentication ignores the password; the point is that it is never shown.
			expect(store.path).toBe(url);
			expect(store.path).not.toContain('s3cret');
			expect(store.maintenance.integrityCheck()).toBe('ok');
			store.plans.insert({ id: 'p', title: 'P', year: 2025, sourceJson: '{}' });
		} finally {
			store.close();
		}
		const again = openStore({ url });
		try {
			expect(again.plans.list().map((p) => p.id)).toEqual(['p']);
		} finally {
			again.close();
		}
	});

	it('reads a database read-only and refuses one written by a newer Planboard', async () => {
		const url = cluster.harness.createDatabase();
		openStore({ url }).close();
		const reader = openStore({ url, readonly: true });
		try {
			expect(reader.plans.list()).toEqual([]);
			const refused = storeError(() =>
				reader.plans.insert({ id: 'p', title: 'P', year: 2025, sourceJson: '{}' })
			);
			expect(refused.code).toBe('READ_ONLY');
		} finally {
			reader.close();
		}
		const client = new pg.Client({ connectionString: url });
		await client.connect();
		await client.query('UPDATE planboard_schema SET version = version + 1');
		await client.end();
		const newer = storeError(() => openStore({ url }));
		expect(newer.code).toBe('SCHEMA');
		expect(newer.message).toContain(`schema version ${SCHEMA_VERSION + 1}`);
		const fresh = cluster.harness.createDatabase();
		const readonlyFresh = storeError(() => openStore({ url: fresh, readonly: true }));
		expect(readonlyFresh.code).toBe('SCHEMA');
	});

	it('reports a taken username as CONFLICT and a missing table in the integrity check', async () => {
		const url = cluster.harness.createDatabase();
		const store = openStore({ url });
		try {
			const user = {
				username: 'Lan',
				displayName: 'Lan',
				role: 'viewer' as const,
				agencyId: null,
				passwordHash: 'x'
			};
			store.users.create(user);
			const taken = storeError(() => store.users.create({ ...user, username: 'LAN' }));
			expect(taken.code).toBe('CONFLICT');
			expect(taken.message).toContain('"LAN" is already taken');
			expect(store.maintenance.integrityCheck()).toBe('ok');
			const client = new pg.Client({ connectionString: url });
			await client.connect();
			await client.query('DROP TABLE leases');
			await client.end();
			expect(store.maintenance.integrityCheck()).toBe('missing tables: leases');
		} finally {
			store.close();
		}
	});

	it('names the server, never the password, when it cannot be reached, and recovers by itself', () => {
		const url = cluster.harness.createDatabase();
		const store = openStore({ url: withPassword(url), busyTimeoutMs: 500 });
		try {
			store.updates.append({ document: 'plan/p', update: new Uint8Array([1]), userId: null });
			cluster.harness.stop();
			const down = storeError(() =>
				store.updates.append({ document: 'plan/p', update: new Uint8Array([2]), userId: null })
			);
			expect(down.code).toBe('IO');
			expect(down.message).toContain(`127.0.0.1:${cluster.harness.port}`);
			expect(down.message).not.toContain('s3cret');
			expect(() => store.maintenance.ping()).toThrow(StoreError);

			const refused = storeError(() => openStore({ url: withPassword(url) }));
			expect(refused.code).toBe('IO');
			expect(refused.path).not.toContain('s3cret');

			cluster.harness.start();
			// The same Store, no reopening: the next statement connects again.
			expect(store.maintenance.ping()).toBe(true);
			const seq = store.updates.append({
				document: 'plan/p',
				update: new Uint8Array([3]),
				userId: null
			});
			expect(seq).toBeGreaterThan(0);
			expect(store.updates.load('plan/p').updates).toEqual([
				new Uint8Array([1]),
				new Uint8Array([3])
			]);
		} finally {
			cluster.harness.start();
			store.close();
		}
	});

	it('rolls back a transaction whose connection died, and the next one runs on a new connection', () => {
		const store = openStore({ url: cluster.harness.createDatabase() });
		const plan = (id: string) => ({ id, title: id, year: 2025, sourceJson: '{}' });
		try {
			const failure = storeError(() =>
				store.transaction(() => {
					store.plans.insert(plan('half'));
					cluster.harness.stop();
					store.plans.insert(plan('never'));
				})
			);
			expect(failure.code).toBe('IO');
			cluster.harness.start();
			store.transaction(() => store.plans.insert(plan('after')));
			expect(store.plans.list().map((p) => p.id)).toEqual(['after']);
		} finally {
			cluster.harness.start();
			store.close();
		}
	});
});

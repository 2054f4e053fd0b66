import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startPostgres, type PostgresHarness } from '../../../tests/support/postgres.js';
import { openStore, type Store } from './open.js';

/** The backends every store test runs on: `describe.each(BACKENDS)`. */
export const BACKENDS = ['sqlite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

/**
 * A real PostgreSQL cluster for the enclosing describe block (one per test file in practice),
 * started before its tests and removed after them; each test then makes its own database in it.
 */
export function usePostgresCluster(): { readonly harness: PostgresHarness } {
	let harness: PostgresHarness | undefined;
	beforeAll(async () => {
		harness = await startPostgres();
	});
	afterAll(() => harness?.close());
	return {
		get harness() {
			return harness!;
		}
	};
}

/**
 * A fresh store for each test on `backend`: a real SQLite file in a temp directory, or a new
 * database in the file's real PostgreSQL cluster. `clock.now` drives its time.
 */
export function useTempStore(backend: Backend = 'sqlite'): {
	readonly store: Store;
	/** What opens another store on the same data (a second connection): `{ path }` or `{ url }`. */
	readonly location: { path: string } | { url: string };
	/** The PostgreSQL cluster on that backend (stop and start it to play an outage). */
	readonly postgres: PostgresHarness | undefined;
	clock: { now: number };
} {
	const clock = { now: 1_700_000_000_000 };
	const postgres = backend === 'postgres' ? usePostgresCluster() : undefined;
	let dir = '';
	let location: { path: string } | { url: string } = { path: '' };
	let store: Store | undefined;
	beforeEach(() => {
		if (postgres) {
			location = { url: postgres.harness.createDatabase() };
		} else {
			dir = mkdtempSync(join(tmpdir(), 'planboard-store-'));
			location = { path: join(dir, 'board.db') };
		}
		store = openStore({ ...location, now: () => clock.now });
	});
	afterEach(() => {
		store?.close();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});
	return {
		get store() {
			return store!;
		},
		get location() {
			return location;
		},
		get postgres() {
			return postgres?.harness;
		},
		clock
	};
}

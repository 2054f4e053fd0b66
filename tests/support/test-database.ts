import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { openStore, type OpenStoreOptions, type Store } from '@planboard/store';
import { createDatabase } from './postgres.js';

/**
 * The one switch that runs the suite on PostgreSQL: `PLANBOARD_TEST_BACKEND=postgres`. Then
 * tests/support/postgres-global.ts starts one real PostgreSQL for the run and every store a test
 * opens through this module, every sync server it starts and every child process (CLI, web or
 * sync server) gets a database of its own in it instead of a SQLite file.
 */
export const TEST_BACKEND: 'sqlite' | 'postgres' =
	process.env.PLANBOARD_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';

/**
 * True on the PostgreSQL pass. A test about SQLite files themselves (page limits, file modes, the
 * file's bytes) runs on SQLite only: `it.skipIf(ON_POSTGRES)`, with the reason beside it.
 */
export const ON_POSTGRES = TEST_BACKEND === 'postgres';

/** Set by postgres-global.ts for the workers: the run's cluster. */
const PORT_VARIABLE = 'PLANBOARD_TEST_POSTGRES_PORT';

const databases = new Map<string, string>();

/**
 * Where a test's store lives, named by the SQLite file it would have used: `{ path }` on SQLite;
 * on PostgreSQL a new database the first time a path is seen in this process, the same one after,
 * so a second store, a restarted server or a child process on that path shares its data as they
 * would share the file.
 */
export function testLocation(path: string): { path: string } | { url: string } {
	if (!ON_POSTGRES) return { path };
	const key = resolve(path);
	let url = databases.get(key);
	if (!url) {
		const port = process.env[PORT_VARIABLE];
		if (!port)
			throw new Error(
				`PLANBOARD_TEST_BACKEND=postgres without ${PORT_VARIABLE}: run through vitest (its global setup starts PostgreSQL)`
			);
		// A worker runs several files, each with a fresh copy of this module: the random part keeps
		// their names apart.
		url = createDatabase(Number(port), `t${process.pid}_${randomBytes(4).toString('hex')}`);
		databases.set(key, url);
	}
	return { url };
}

/** `openStore` on the test's backend; `path` names the SQLite file, as `testLocation` says. */
export function openTestStore(
	options: { path: string } & Omit<OpenStoreOptions, 'path' | 'url'>
): Store {
	const { path, ...settings } = options;
	return openStore({ ...testLocation(path), ...settings } as OpenStoreOptions);
}

/**
 * The environment a child process (`planboard`, the web or sync server) needs beside
 * `PLANBOARD_DATA` to use the same database as the tests do: on PostgreSQL,
 * `PLANBOARD_DATABASE_URL` for the data directory's planboard.db; nothing on SQLite, or when the
 * caller chose a database itself.
 */
export function testDatabaseEnv(env: Record<string, string | undefined>): Record<string, string> {
	const chosen = env.PLANBOARD_DATABASE_URL;
	// A URL this module handed out (setDataDir's, in process.env) follows PLANBOARD_DATA; any
	// other one the caller chose stays.
	if (!ON_POSTGRES || !env.PLANBOARD_DATA || (chosen && !ours(chosen))) return {};
	const location = testLocation(join(env.PLANBOARD_DATA, 'planboard.db'));
	return 'url' in location ? { PLANBOARD_DATABASE_URL: location.url } : {};
}

const ours = (url: string) => [...databases.values()].includes(url);

/**
 * Points this process's configuration at a test's data directory, for commands a test runs in
 * process (they read `envConfig(process.env)`): PLANBOARD_DATA, and on PostgreSQL the directory's
 * database in PLANBOARD_DATABASE_URL; `undefined` removes both.
 */
export function setDataDir(dir: string | undefined): void {
	delete process.env.PLANBOARD_DATABASE_URL;
	if (dir === undefined) {
		delete process.env.PLANBOARD_DATA;
		return;
	}
	process.env.PLANBOARD_DATA = dir;
	Object.assign(process.env, testDatabaseEnv({ PLANBOARD_DATA: dir }));
}

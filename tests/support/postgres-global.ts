import { startPostgres } from './postgres.js';

/**
 * Vitest's global setup: on the PostgreSQL pass (`PLANBOARD_TEST_BACKEND=postgres`) one real
 * PostgreSQL for the whole run, so test files share one cluster (one initdb copy and one server on
 * 2 cores, not one per file) and each test's store gets its own database in it
 * (tests/support/test-database.ts). Workers start after this and inherit its port.
 */
export default async function setup(): Promise<(() => void) | undefined> {
	if (process.env.PLANBOARD_TEST_BACKEND !== 'postgres') return undefined;
	const postgres = await startPostgres();
	process.env.PLANBOARD_TEST_POSTGRES_PORT = String(postgres.port);
	return () => postgres.close();
}

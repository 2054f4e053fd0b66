import type { Driver } from './driver.js';
import { PG_SCHEMA_V7 } from './pg-schema.js';

/**
 * PostgreSQL's schema steps, numbered as SQLite's (migrations.ts) so both backends report the
 * same SCHEMA_VERSION for the same tables: the first step creates what SQLite's 1 to 7 built,
 * and every later SQLite step gets its PostgreSQL twin here with the same version. A released
 * step never changes.
 */
export interface PostgresMigration {
	version: number;
	description: string;
	sql: string;
}

export const postgresMigrations: readonly PostgresMigration[] = [
	{
		version: 7,
		description: "SQLite's migrations 1 to 7 in one step: every table as they stand",
		sql: PG_SCHEMA_V7
	}
];

/** Serialises migrations of servers starting together on one database; any constant will do. */
const MIGRATION_LOCK_KEY = 190_002;

/** The version recorded in `planboard_schema`; 0 for a database Planboard never touched. */
export function postgresSchemaVersion(db: Driver): number {
	const present = db
		.prepare<
			[],
			{ present: boolean }
		>("SELECT to_regclass('planboard_schema') IS NOT NULL AS present")
		.get();
	if (!present?.present) return 0;
	return (
		db.prepare<[], { version: number }>('SELECT version FROM planboard_schema').get()?.version ?? 0
	);
}

/**
 * Runs the pending steps in one transaction, holding an advisory lock so two servers starting at
 * once migrate one after the other; a failure leaves the database as it was (PostgreSQL's DDL is
 * transactional). Throws a plain Error for a database newer than this code.
 */
export function migratePostgres(db: Driver): { from: number; to: number } {
	const latest = postgresMigrations[postgresMigrations.length - 1].version;
	return db.transaction(() => {
		db.prepare(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`).run();
		db.prepare(
			`CREATE TABLE IF NOT EXISTS planboard_schema (
				only_row BOOLEAN PRIMARY KEY DEFAULT true CHECK (only_row),
				version INTEGER NOT NULL
			)`
		).run();
		const from = postgresSchemaVersion(db);
		if (from > latest) {
			throw new Error(
				`The database has schema version ${from}, newer than this Planboard (${latest}); ` +
					'upgrade Planboard instead of opening it with an older version'
			);
		}
		for (const step of postgresMigrations.filter((m) => m.version > from)) {
			db.prepare(step.sql).run();
		}
		if (from < latest) {
			db.prepare(
				`INSERT INTO planboard_schema (version) VALUES (?)
				ON CONFLICT (only_row) DO UPDATE SET version = excluded.version`
			).run(latest);
		}
		return { from, to: latest };
	});
}

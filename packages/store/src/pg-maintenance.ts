import type { RepoContext } from './context.js';
import { guarded } from './context.js';
import type { Maintenance } from './maintenance.js';
import { PG_TABLES } from './pg-schema.js';

/** Maintenance on PostgreSQL, in the terms the Maintenance interface documents. */
export function createPostgresMaintenance(ctx: RepoContext): Maintenance {
	const { db } = ctx;
	const select1 = db.prepare<[], { ok: number }>('SELECT 1 AS ok');
	const tables = db.prepare<[string[]], { name: string }>(
		`SELECT c.relname AS name FROM pg_class c
		WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
		AND c.relname = ANY(?::text[])`
	);
	// Reading every table end to end would take minutes on a large log; one row of each proves
	// the table answers. PostgreSQL checksums and amcheck are the operator's deeper checks.
	const probes = PG_TABLES.map((table) => db.prepare(`SELECT 1 FROM ${table} LIMIT 1`));
	const synchronous = db.prepare<[], { synchronous_commit: string }>('SHOW synchronous_commit');
	const size = db.prepare<[], { pages: number }>(
		'SELECT (pg_database_size(current_database()) / 8192)::bigint AS pages'
	);
	return {
		ping: () => select1.get()?.ok === 1,
		integrityCheck: () =>
			guarded(ctx, () => {
				const present = new Set(tables.all([...PG_TABLES]).map((row) => row.name));
				const missing = PG_TABLES.filter((table) => !present.has(table));
				if (missing.length > 0) return `missing tables: ${missing.join(', ')}`;
				db.batch(probes.map((statement) => ({ statement, params: [], mode: 'all' as const })));
				return 'ok';
			}),
		settings: () => ({
			journalMode: 'wal',
			synchronous: synchronous.get()?.synchronous_commit === 'off' ? 1 : 2,
			foreignKeys: true
		}),
		pageCount: () => size.get()?.pages ?? 0,
		setMaxPageCount() {
			throw new Error(
				'setMaxPageCount is SQLite-only (it caps the file to play a full disk); ' +
					'PostgreSQL reports a full disk as DISK_FULL on its own'
			);
		}
	};
}

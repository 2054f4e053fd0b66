import type { Database } from 'better-sqlite3';
import type { RepoContext } from './context.js';
import { guarded } from './context.js';

/**
 * What operators and fault tests need of the database itself, so the raw connection stays inside
 * the store: a liveness query, an integrity check, the durability settings, and (SQLite only) the
 * page limit that simulates a full disk. Normal reads and writes go through the repositories.
 */
export interface Maintenance {
	/** Runs a trivial query; true when the database answers (the health check). */
	ping(): boolean;
	/**
	 * SQLite's `PRAGMA integrity_check`; on PostgreSQL, a check that every table of the schema is
	 * there and readable and the update log's seqs are unique. 'ok' when sound, the problems
	 * otherwise.
	 */
	integrityCheck(): string;
	/**
	 * The connection's settings in SQLite's terms: the durability the log runs at (WAL,
	 * synchronous FULL = 2, NORMAL = 1) and whether foreign keys are enforced. PostgreSQL always
	 * writes ahead ('wal'), enforces foreign keys, and reports 2 while `synchronous_commit` makes
	 * a commit wait for its WAL flush, 1 when it does not.
	 */
	settings(): { journalMode: string; synchronous: number; foreignKeys: boolean };
	/** Pages the file uses now (SQLite); PostgreSQL: the database's size in 8 KiB pages. */
	pageCount(): number;
	/**
	 * SQLite only (PostgreSQL throws): caps the file at `pages` pages (SQLITE_FULL beyond), a
	 * full disk without filling one. Pass undefined to lift the cap.
	 */
	setMaxPageCount(pages: number | undefined): void;
}

/** SQLite's default (and largest) max_page_count. */
const NO_PAGE_LIMIT = 4294967294;

export function createSqliteMaintenance(ctx: RepoContext, db: Database): Maintenance {
	const select1 = db.prepare<[], { ok: number }>('SELECT 1 AS ok');
	return {
		ping: () => select1.get()?.ok === 1,
		integrityCheck: () =>
			guarded(ctx, () => String(db.pragma('integrity_check', { simple: true }))),
		settings: () => ({
			journalMode: String(db.pragma('journal_mode', { simple: true })),
			synchronous: Number(db.pragma('synchronous', { simple: true })),
			foreignKeys: db.pragma('foreign_keys', { simple: true }) === 1
		}),
		pageCount: () => Number(db.pragma('page_count', { simple: true })),
		setMaxPageCount(pages) {
			const limit = pages ?? NO_PAGE_LIMIT;
			if (!Number.isSafeInteger(limit) || limit < 1) {
				throw new RangeError(`setMaxPageCount: ${pages} is not a page count`);
			}
			db.pragma(`max_page_count = ${limit}`);
		}
	};
}

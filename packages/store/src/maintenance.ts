import type { RepoContext } from './context.js';
import { guarded } from './context.js';

/**
 * What operators and fault tests need of the file itself, so the raw connection stays inside the
 * store: a liveness query, SQLite's own integrity check, and the page limit that simulates a full
 * disk. Normal reads and writes go through the repositories.
 */
export interface Maintenance {
	/** Runs a trivial query; true when the database answers (the health check). */
	ping(): boolean;
	/** SQLite's `PRAGMA integrity_check`: 'ok' for a sound file, the first problems otherwise. */
	integrityCheck(): string;
	/**
	 * The connection's settings as SQLite reports them: the durability the log runs at (WAL,
	 * synchronous FULL = 2, NORMAL = 1) and whether foreign keys are enforced.
	 */
	settings(): { journalMode: string; synchronous: number; foreignKeys: boolean };
	/** Pages the file uses now. */
	pageCount(): number;
	/**
	 * Caps the file at `pages` pages (SQLITE_FULL beyond): a full disk without filling one.
	 * Pass undefined to lift the cap.
	 */
	setMaxPageCount(pages: number | undefined): void;
}

/** SQLite's default (and largest) max_page_count. */
const NO_PAGE_LIMIT = 4294967294;

export function createMaintenance(ctx: RepoContext): Maintenance {
	const { db } = ctx;
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

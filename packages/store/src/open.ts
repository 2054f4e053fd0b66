import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { createAgenciesRepo, type AgenciesRepo } from './agencies.js';
import { createAuditLog, type AuditLog } from './audit.js';
import { createCalendarFeedsRepo, type CalendarFeedsRepo } from './calendar-feeds.js';
import { guarded, type RepoContext } from './context.js';
import { StoreError, toStoreError } from './errors.js';
import { createLeasesRepo, type LeasesRepo } from './leases.js';
import { postgresLocation } from './location.js';
import { createSqliteMaintenance, type Maintenance } from './maintenance.js';
import { SCHEMA_VERSION, migrate, schemaVersion } from './migrations.js';
import { createMinutesRepo, type MinutesRepo } from './minutes.js';
import { createNotificationsRepo, type NotificationsRepo } from './notifications.js';
import { postgresDriver } from './pg-driver.js';
import { createPostgresMaintenance } from './pg-maintenance.js';
import { migratePostgres, postgresSchemaVersion } from './pg-migrations.js';
import { createPlansRepo, type PlansRepo } from './plans.js';
import { createSessionsRepo, type SessionsRepo } from './sessions.js';
import { createShareLinksRepo, type ShareLinksRepo } from './share-links.js';
import { sqliteDriver } from './sqlite-driver.js';
import { createTransferRepo, type TransferRepo } from './transfer.js';
import { createUpdateLog, type UpdateLog } from './updates.js';
import { createUsersRepo, type UsersRepo } from './users.js';

/** Where the data lives: a SQLite file, or a PostgreSQL database. */
export type OpenStoreOptions = (
	| { path: string; url?: undefined }
	| {
			/**
			 * `postgres://user:password@host:port/database`: PostgreSQL instead of a SQLite file
			 * (pg-driver.ts). The store stays synchronous; each statement costs a round trip.
			 */
			url: string;
			path?: undefined;
	  }
) &
	StoreSettings;

interface StoreSettings {
	/** Opens without writing anything: no directory creation, no migration, writes fail. */
	readonly?: boolean;
	/**
	 * How long a write waits for another connection's lock before failing with LOCKED (SQLite's
	 * busy timeout, PostgreSQL's lock_timeout).
	 */
	busyTimeoutMs?: number;
	/** Clock for the timestamps the store writes itself (createdAt, log `at`); for tests. */
	now?: () => number;
	/**
	 * SQLite's `synchronous` setting. `full` (the default) syncs the WAL to disk at every commit,
	 * so a committed (and acknowledged) update survives a power loss; `normal` syncs only at
	 * checkpoints, which survives a crash of the process but may lose the last commits on power
	 * loss. `normal` is kept for the benchmark's baseline, not for deployments. SQLite only:
	 * PostgreSQL's durability is the server's `synchronous_commit`.
	 */
	synchronous?: 'full' | 'normal';
	/**
	 * PostgreSQL only: the longest the event loop waits (blocked, see pg-driver.ts) for a
	 * connection (default 2 s) and for the answer to one statement (default 5 s) when the server
	 * stops answering. After such a timeout the store reconnects in the background and fails every
	 * statement at once with IO until it is back, so an outage costs the process one timeout, not
	 * one per statement. A refused connection fails at once anyway.
	 */
	connectTimeoutMs?: number;
	statementTimeoutMs?: number;
}

/**
 * An open database with its repositories. One Store per process and file: better-sqlite3 is
 * synchronous, and every statement is prepared once here and reused.
 */
export interface Store {
	/**
	 * Where the data lives, safe to print: the absolute path of the SQLite file, or the
	 * PostgreSQL URL without its password.
	 */
	readonly path: string;
	readonly users: UsersRepo;
	readonly sessions: SessionsRepo;
	readonly plans: PlansRepo;
	readonly updates: UpdateLog;
	readonly shareLinks: ShareLinksRepo;
	readonly audit: AuditLog;
	/** The installation's agency directory (see agencies.ts); `toDirectory()` feeds the importer. */
	readonly agencies: AgenciesRepo;
	/** Minutes of the meetings held on each board (minutes.ts). */
	readonly minutes: MinutesRepo;
	/** Each user's secret calendar address, as a hash (calendar-feeds.ts). */
	readonly calendarFeeds: CalendarFeedsRepo;
	/** Read marks of the computed notifications, and the email digests sent (notifications.ts). */
	readonly notifications: NotificationsRepo;
	/** Work one process at a time does while several share the file (leases.ts). */
	readonly leases: LeasesRepo;
	/** Health, integrity and the page limit; the raw connection never leaves the store. */
	readonly maintenance: Maintenance;
	/** Every table's rows as stored, for moving an installation to the other backend (copy.ts). */
	readonly transfer: TransferRepo;
	/**
	 * Runs `fn` in one SQLite transaction: every repository write inside it is stored, or none
	 * is (a throw rolls back and rethrows). Nested calls become savepoints. `fn` must be
	 * synchronous: an await inside would end the transaction early.
	 */
	transaction<T>(fn: () => T): T;
	close(): void;
}

const DEFAULT_BUSY_TIMEOUT_MS = 2000;

/**
 * Opens (creating if needed) and migrates the database. Fails fast with a StoreError whose code
 * says why (READ_ONLY, LOCKED, CORRUPT, DISK_FULL, SCHEMA, IO), so a misconfigured deployment
 * stops at startup rather than on the first edit.
 */
export function openStore(options: OpenStoreOptions): Store {
	if (options.url !== undefined) return openPostgresStore({ ...options, url: options.url });
	const path = resolve(options.path);
	const readonly = options.readonly ?? false;
	const timeout = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
	if (readonly && !existsSync(path)) {
		throw new StoreError({ code: 'IO', path, message: `The database ${path} does not exist` });
	}
	let db: Database.Database;
	try {
		if (!readonly) mkdirSync(dirname(path), { recursive: true });
		db = new Database(path, { readonly, fileMustExist: readonly, timeout });
	} catch (error) {
		throw toStoreError({ error, path });
	}
	try {
		db.pragma(`busy_timeout = ${timeout}`);
		if (!readonly) db.pragma('journal_mode = WAL');
		db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
		db.pragma('foreign_keys = ON');
		const version = schemaVersion(db);
		if (version > SCHEMA_VERSION || (readonly && version !== SCHEMA_VERSION)) {
			throw new StoreError({
				code: 'SCHEMA',
				path,
				message:
					`The database ${path} has schema version ${version} but this Planboard expects ` +
					`${SCHEMA_VERSION}. ${version > SCHEMA_VERSION ? 'Upgrade Planboard.' : 'Open it read-write once to migrate it.'}`
			});
		}
		if (!readonly) migrate({ db });
	} catch (error) {
		db.close();
		throw toStoreError({ error, path });
	}
	const driver = sqliteDriver(db);
	const ctx: RepoContext = { db: driver, path, now: options.now ?? Date.now };
	return assembleStore({ ctx, maintenance: createSqliteMaintenance(ctx, db) });
}

const CONNECT_TIMEOUT_MS = 2000;
const STATEMENT_TIMEOUT_MS = 5000;

function openPostgresStore(options: StoreSettings & { url: string }): Store {
	const location = postgresLocation(options.url);
	const readonly = options.readonly ?? false;
	const db = postgresDriver({
		url: options.url,
		location,
		readonly,
		lockTimeoutMs: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
		connectTimeoutMs: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
		statementTimeoutMs: options.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS
	});
	try {
		const version = postgresSchemaVersion(db);
		if (version > SCHEMA_VERSION || (readonly && version !== SCHEMA_VERSION)) {
			throw new StoreError({
				code: 'SCHEMA',
				path: location,
				message:
					`The database ${location} has schema version ${version} but this Planboard expects ` +
					`${SCHEMA_VERSION}. ${version > SCHEMA_VERSION ? 'Upgrade Planboard.' : 'Open it read-write once to migrate it.'}`
			});
		}
		if (!readonly && version < SCHEMA_VERSION) migratePostgres(db);
	} catch (error) {
		try {
			db.close();
		} catch {
			// The failure that stopped the opening is the one to report.
		}
		throw toStoreError({ error, path: location });
	}
	const ctx: RepoContext = { db, path: location, now: options.now ?? Date.now };
	return assembleStore({ ctx, maintenance: createPostgresMaintenance(ctx) });
}

/** The repositories over one connection, whichever backend it is. */
function assembleStore(options: { ctx: RepoContext; maintenance: Maintenance }): Store {
	const { ctx, maintenance } = options;
	return {
		path: ctx.path,
		users: createUsersRepo(ctx),
		sessions: createSessionsRepo(ctx),
		plans: createPlansRepo(ctx),
		updates: createUpdateLog(ctx),
		shareLinks: createShareLinksRepo(ctx),
		audit: createAuditLog(ctx),
		agencies: createAgenciesRepo(ctx),
		minutes: createMinutesRepo(ctx),
		calendarFeeds: createCalendarFeedsRepo(ctx),
		notifications: createNotificationsRepo(ctx),
		leases: createLeasesRepo(ctx),
		maintenance,
		transfer: createTransferRepo(ctx),
		transaction: (fn) => guarded(ctx, () => ctx.db.transaction(fn)),
		close: () => ctx.db.close()
	};
}

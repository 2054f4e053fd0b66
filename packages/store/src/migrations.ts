import type { Database } from 'better-sqlite3';
import { SCHEMA_V1 } from './schema-v1.js';
import { SCHEMA_MINUTES } from './schema-minutes.js';
import { SCHEMA_V2 } from './schema-v2.js';
import { SCHEMA_NOTIFICATIONS } from './schema-notifications.js';

/**
 * One step of the schema. Versions are consecutive from 1 and a released step never changes:
 * an existing database has already run it, so a fix is a new step.
 */
export interface Migration {
	version: number;
	description: string;
	up(db: Database): void;
}

export const migrations: readonly Migration[] = [
	{
		version: 1,
		description: 'users, sessions, plans, update log, snapshots, share links, audit log',
		up(db) {
			db.exec(SCHEMA_V1);
		}
	},
	{
		version: 2,
		description: 'the agency directory: agencies with validity dates and successors, groups',
		up(db) {
			db.exec(SCHEMA_V2);
		}
	},
	{
		version: 3,
		description: 'meeting minutes stored with their board',
		up(db) {
			db.exec(SCHEMA_MINUTES);
		}
	},
	{
		version: 4,
		description:
			'the update log and snapshots indexed by time, for reading a document at an instant',
		up(db) {
			// Covering: "the last row (snapshot) written by then" reads the index alone, not the
			// rows, whose update data or snapshot state comes before their time.
			db.exec(`
				CREATE INDEX doc_updates_document_created_at ON doc_updates(document, created_at, seq);
				CREATE INDEX doc_snapshots_document_created_at
					ON doc_snapshots(document, created_at, upto_seq);
			`);
		}
	},
	{
		version: 5,
		description: "each user's calendar feed: the hash of its secret address",
		up(db) {
			// Removed with its user; the token's hash is unique, as a lookup key must be.
			db.exec(`
				CREATE TABLE calendar_feeds (
					user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
					token_hash BLOB NOT NULL UNIQUE,
					created_at INTEGER NOT NULL,
					last_used_at INTEGER
				) STRICT;
			`);
		}
	},
	{
		version: 6,
		description:
			"notifications read by each user, each user's email and digest choice, digests sent per day",
		up(db) {
			db.exec(SCHEMA_NOTIFICATIONS);
		}
	},
	{
		version: 7,
		description: 'leases: work one server at a time does while several share the database',
		up(db) {
			// expires_at in the store's milliseconds, as every other time here.
			db.exec(`
				CREATE TABLE leases (
					name TEXT PRIMARY KEY,
					holder TEXT NOT NULL,
					expires_at INTEGER NOT NULL
				) STRICT;
			`);
		}
	}
];

export const SCHEMA_VERSION = migrations[migrations.length - 1].version;

export function schemaVersion(db: Database): number {
	return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Runs every pending step inside one IMMEDIATE transaction, so a failure anywhere leaves the file
 * exactly as it was (user_version lives in the same transaction), and so opening a store always
 * takes the write lock once: a read-only file or a lock held elsewhere fails here, at startup.
 * Throws a plain Error when the file was written by a newer schema than this code knows.
 */
export function migrate(options: { db: Database; migrations?: readonly Migration[] }): {
	from: number;
	to: number;
} {
	const { db } = options;
	const steps = options.migrations ?? migrations;
	steps.forEach((step, index) => {
		if (step.version !== index + 1) {
			throw new Error(`Migration versions must run 1, 2, 3...; found ${step.version} at ${index}`);
		}
	});
	const latest = steps.length;
	return db
		.transaction(() => {
			const from = schemaVersion(db);
			if (from > latest) {
				throw new Error(
					`The database has schema version ${from}, newer than this Planboard (${latest}); ` +
						'upgrade Planboard instead of opening it with an older version'
				);
			}
			for (const step of steps.slice(from)) {
				step.up(db);
				db.pragma(`user_version = ${step.version}`);
			}
			return { from, to: latest };
		})
		.immediate();
}

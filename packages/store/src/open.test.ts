import {
	chmodSync,
	closeSync,
	mkdtempSync,
	openSync,
	rmSync,
	unlinkSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from './errors.js';
import { SCHEMA_VERSION, migrate, type Migration } from './migrations.js';
import { openStore } from './open.js';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'planboard-store-'));
});
afterEach(() => {
	chmodSync(dir, 0o755);
	rmSync(dir, { recursive: true, force: true });
});

function storeError(fn: () => unknown): StoreError {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(StoreError);
		return error as StoreError;
	}
	throw new Error('expected a StoreError, nothing was thrown');
}

function tables(db: Database.Database): string[] {
	return db
		.prepare<[], { name: string }>(
			"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
		)
		.all()
		.map((row) => row.name);
}

/** Runs `fn` on a connection of its own to the file: the store keeps its connection private. */
function onFile<T>(path: string, fn: (db: Database.Database) => T): T {
	const db = new Database(path);
	try {
		return fn(db);
	} finally {
		db.close();
	}
}

describe('openStore', () => {
	it('creates the parent directory and sets WAL, FULL sync and foreign keys', () => {
		const path = join(dir, 'nested', 'deeper', 'board.db');
		const store = openStore({ path });
		expect(store.path).toBe(path);
		expect(store.maintenance.settings()).toEqual({
			journalMode: 'wal',
			synchronous: 2,
			foreignKeys: true
		});
		store.close();
		// NORMAL only when asked for (the benchmark's baseline): every commit then skips its fsync.
		const normal = openStore({ path, synchronous: 'normal' });
		expect(normal.maintenance.settings().synchronous).toBe(1);
		normal.close();
		const db = new Database(path, { readonly: true });
		expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
		db.close();
	});

	it('re-opening is idempotent and keeps data', () => {
		const path = join(dir, 'board.db');
		const first = openStore({ path });
		const before = onFile(path, tables);
		first.users.create({
			username: 'an',
			displayName: 'An',
			role: 'admin',
			agencyId: null,
			passwordHash: 'h'
		});
		first.close();
		const second = openStore({ path });
		expect(onFile(path, tables)).toEqual(before);
		expect(second.users.count()).toBe(1);
		second.close();
		expect(onFile(path, (db) => migrate({ db }))).toEqual({
			from: SCHEMA_VERSION,
			to: SCHEMA_VERSION
		});
	});

	it('runs each migration once', () => {
		const db = new Database(join(dir, 'm.db'));
		let runs = 0;
		const steps: Migration[] = [{ version: 1, description: 'count', up: () => void runs++ }];
		expect(migrate({ db, migrations: steps })).toEqual({ from: 0, to: 1 });
		expect(migrate({ db, migrations: steps })).toEqual({ from: 1, to: 1 });
		expect(runs).toBe(1);
		db.close();
	});

	it('rolls back every step when a later one fails', () => {
		const db = new Database(join(dir, 'half.db'));
		const steps: Migration[] = [
			{ version: 1, description: 'a', up: (d) => d.exec('CREATE TABLE a (x)') },
			{
				version: 2,
				description: 'b fails',
				up: (d) => {
					d.exec('CREATE TABLE b (x)');
					throw new Error('boom');
				}
			}
		];
		expect(() => migrate({ db, migrations: steps })).toThrow('boom');
		expect(db.pragma('user_version', { simple: true })).toBe(0);
		expect(tables(db)).toEqual([]);
		db.close();
	});

	it('refuses a database written by a newer schema', () => {
		const path = join(dir, 'future.db');
		const raw = new Database(path);
		raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
		raw.close();
		const error = storeError(() => openStore({ path }));
		expect(error.code).toBe('SCHEMA');
		expect(error.message).toContain(path);
	});

	it('reports READ_ONLY for a directory it cannot write', () => {
		chmodSync(dir, 0o555);
		let writable = true;
		try {
			closeSync(openSync(join(dir, 'probe2'), 'wx'));
			unlinkSync(join(dir, 'probe2'));
		} catch {
			writable = false;
		}
		// root ignores file modes; /sys refuses new files even to root.
		const parent = writable ? '/sys' : dir;
		for (const path of [join(parent, 'board.db'), join(parent, 'sub', 'board.db')]) {
			const error = storeError(() => openStore({ path }));
			expect(error.code).toBe('READ_ONLY');
			expect(error.message).toContain(path);
		}
	});

	it('reports LOCKED while another connection holds an exclusive lock', () => {
		const path = join(dir, 'board.db');
		openStore({ path }).close();
		const other = new Database(path);
		other.exec('BEGIN EXCLUSIVE');
		const error = storeError(() => openStore({ path, busyTimeoutMs: 50 }));
		expect(error.code).toBe('LOCKED');
		expect(error.message).toContain(path);
		other.exec('ROLLBACK');
		other.close();
		openStore({ path }).close();
	});

	it('reports CORRUPT for a file that is not SQLite', () => {
		const path = join(dir, 'notes.db');
		writeFileSync(path, 'this is a plain text file, not a database\n'.repeat(50));
		const error = storeError(() => openStore({ path }));
		expect(error.code).toBe('CORRUPT');
		expect(error.message).toContain(path);
	});

	it('opens read-only without writing, and rejects writes with READ_ONLY', () => {
		const path = join(dir, 'board.db');
		const writer = openStore({ path });
		writer.updates.append({ document: 'plan/p1', update: new Uint8Array([1]), userId: null });
		const reader = openStore({ path, readonly: true });
		expect(reader.updates.load('plan/p1').updates).toEqual([new Uint8Array([1])]);
		const error = storeError(() =>
			reader.updates.append({ document: 'plan/p1', update: new Uint8Array([2]), userId: null })
		);
		expect(error.code).toBe('READ_ONLY');
		reader.close();
		writer.close();
	});

	it('refuses to open a missing file read-only', () => {
		const error = storeError(() => openStore({ path: join(dir, 'missing.db'), readonly: true }));
		expect(error.code).toBe('IO');
		expect(error.message).toContain('does not exist');
	});
});

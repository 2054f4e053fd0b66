import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresHarness } from '../../../tests/support/postgres.js';
import { copyStore } from './copy.js';
import { openStore, type Store } from './open.js';
import { TABLES } from './tables.js';
import { fillEveryTable } from './test-fill.js';
import type { Row } from './transfer.js';

let harness: PostgresHarness;
const dir = mkdtempSync(join(tmpdir(), 'planboard-copy-'));
beforeAll(async () => {
	harness = await startPostgres();
});
afterAll(() => {
	harness?.close();
	rmSync(dir, { recursive: true, force: true });
});

/** Every row of every table, as stored, in key order. */
function everyRow(store: Store): Record<string, Row[]> {
	return Object.fromEntries(
		TABLES.map(({ name }) => [name, [...store.transfer.pages(name, 3)].flat()])
	);
}

function withStores<T>(locations: ({ path: string } | { url: string })[], fn: (s: Store[]) => T) {
	const stores = locations.map((location) => openStore(location));
	try {
		return fn(stores);
	} finally {
		for (const store of stores) store.close();
	}
}

describe('copyStore: a whole installation to the other backend and back', () => {
	it('lists every table of the schema, on both backends', async () => {
		const path = join(dir, 'schema.db');
		const url = harness.createDatabase();
		withStores([{ path }, { url }], () => {});
		const sqlite = new Database(path, { readonly: true });
		const sqliteTables = sqlite
			.prepare<[], { name: string }>(
				"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
			)
			.all()
			.map((r) => r.name);
		sqlite.close();
		const client = new pg.Client({ connectionString: url });
		await client.connect();
		const pgTables = (
			await client.query<{ name: string }>(
				"SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'planboard_schema'"
			)
		).rows.map((r) => r.name);
		await client.end();
		const listed = TABLES.map((t) => t.name).sort();
		expect(sqliteTables.sort()).toEqual(listed);
		expect(pgTables.sort()).toEqual(listed);
	});

	it('copies every row of every table SQLite -> PostgreSQL -> SQLite, byte for byte', () => {
		const source = { path: join(dir, 'source.db') };
		const middle = { url: harness.createDatabase() };
		const back = { path: join(dir, 'back.db') };
		const original = withStores([source], ([store]) => {
			fillEveryTable(store);
			return everyRow(store);
		});
		// Every table holds rows, so the comparison below covers each one.
		for (const { name } of TABLES) expect(original[name].length, name).toBeGreaterThan(0);
		const counts = withStores([source, middle], ([from, to]) => copyStore({ from, to }));
		expect(counts).toEqual(
			Object.fromEntries(TABLES.map(({ name }) => [name, original[name].length]))
		);
		withStores([middle], ([store]) => expect(everyRow(store)).toEqual(original));
		withStores([middle, back], ([from, to]) => copyStore({ from, to }));
		withStores([back], ([store]) => expect(everyRow(store)).toEqual(original));
	});

	it('continues the copied seqs and ids on PostgreSQL, and refuses a target holding data', () => {
		const source = { path: join(dir, 'seq.db') };
		const target = { url: harness.createDatabase() };
		const highest = withStores([source], ([store]) => {
			fillEveryTable(store);
			return store.updates.load('probe/ke-hoach-thu').lastSeq;
		});
		withStores([source, target], ([from, to]) => copyStore({ from, to }));
		withStores([source, target], ([from, to]) => {
			const next = to.updates.append({
				document: 'probe/ke-hoach-thu',
				update: Uint8Array.from([9]),
				userId: null
			});
			expect(next).toBe(highest + 1);
			to.audit.log({ userId: null, action: 'after.copy' });
			expect(() => copyStore({ from, to })).toThrow(/is not empty \(users: 1, sessions: 1/);
		});
	});
});

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '@planboard/store';
import * as Y from 'yjs';
import {
	connect,
	insertPlan,
	sleep,
	startSyncServer,
	tempDir,
	userWithToken,
	waitFor,
	type Client,
	type TestServer
} from './support/harness.js';
import { storedDoc } from './support/stored.js';
import { ON_POSTGRES } from './support/test-database.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const tmp = tempDir('planboard-storage-');
const cleanups: (() => void)[] = [];

afterAll(() => {
	for (const c of cleanups.reverse()) c();
	tmp.cleanup();
});

/** Runs the built standalone server to its exit; it must fail at startup, so it never listens. */
function startServer(dataDir: string): { status: number | null; output: string } {
	const r = spawnSync(process.execPath, [`${root}apps/sync/dist/main.js`], {
		cwd: root,
		env: { ...process.env, PLANBOARD_DATA: dataDir, HOST: '127.0.0.1', PORT: '0' },
		encoding: 'utf8',
		timeout: 20_000
	});
	return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** One clear line naming the path, and no stack trace. */
function expectClearFailure(
	result: { status: number | null; output: string },
	path: string,
	what: RegExp
): void {
	expect(result.status).not.toBe(0);
	expect(result.status).not.toBeNull();
	const lines = result.output.trim().split('\n');
	expect(lines).toHaveLength(1);
	expect(lines[0]).toContain(path);
	expect(lines[0]).toMatch(what);
	expect(result.output).not.toMatch(/^\s+at /m);
}

/**
 * A read-only directory even for root: a read-only tmpfs when mounting works, else /sys (EPERM).
 * Not /proc: Node's recursive mkdir under /proc loops forever instead of failing.
 */
function readOnlyDir(): string {
	const mountPoint = `${tmp.dir}/ro`;
	mkdirSync(mountPoint);
	const mounted =
		spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', mountPoint]).status === 0;
	if (!mounted) return '/sys/planboard-data';
	cleanups.push(() => spawnSync('umount', [mountPoint]));
	return `${mountPoint}/data`;
}

// Faults of the SQLite file itself: a read-only data directory, another process holding the file's
// lock, the file not allowed to grow a page. They run on every SQLite pass; PostgreSQL has none of
// them, and its own outage (server stopped, frozen, back) is tests/pg-outage.test.ts.
describe.skipIf(ON_POSTGRES)('storage faults (SQLite file)', () => {
	it('refuses to start on a read-only data directory, with one clear line', () => {
		const dir = readOnlyDir();
		expectClearFailure(startServer(dir), dir, /read-only|not writable/);
	});

	it('refuses to start while another process holds the database lock, and damages nothing', async () => {
		const dataDir = `${tmp.dir}/locked`;
		const path = `${dataDir}/planboard.db`;
		const setup = openStore({ path });
		insertPlan(setup, 'p1', ['a1']);
		setup.updates.append({ document: 'plan/p1', update: docUpdate('before'), userId: null });
		setup.close();
		// Another process in the middle of a write transaction, as a backup or a stuck CLI would be.
		const holder: ChildProcess = spawn(
			process.execPath,
			[
				'-e',
				`const db = require('better-sqlite3')(${JSON.stringify(path)}); db.exec('BEGIN EXCLUSIVE'); console.log('locked'); setInterval(() => {}, 1000);`
			],
			{ cwd: root, stdio: ['ignore', 'pipe', 'inherit'] }
		);
		cleanups.push(() => holder.kill('SIGKILL'));
		await new Promise((resolve) => holder.stdout!.once('data', resolve));
		expectClearFailure(startServer(dataDir), path, /locked/);
		holder.kill('SIGKILL');
		await new Promise((resolve) => holder.once('exit', resolve));

		const check = openStore({ path });
		expect(check.maintenance.integrityCheck()).toBe('ok');
		expect(check.plans.get('p1')?.title).toBe('Plan p1');
		expect(storedDoc(check, 'plan/p1').getMap('meta').get('note')).toBe('before');
		check.close();
	});

	it('refuses an update when the disk is full, tells its client, keeps earlier data, and recovers', async () => {
		const path = `${tmp.dir}/full/db.sqlite`;
		const server: TestServer = await startSyncServer({ databasePath: path });
		cleanups.push(() => void server.close());
		insertPlan(server.store, 'p1', ['a1']);
		const { token } = await userWithToken(server.store, { username: 'coord', role: 'coordinator' });
		const writer: Client = connect({ url: server.url, document: 'plan/p1', token });
		const reader: Client = connect({ url: server.url, document: 'plan/p1', token });
		cleanups.push(
			() => writer.destroy(),
			() => reader.destroy()
		);
		await Promise.all([writer.ready, reader.ready]);
		for (let i = 0; i < 20; i++) writer.doc.getMap('meta').set(`k${i}`, i);
		await writer.flushed();
		const before = storedDoc(server.store, 'plan/p1');

		// The file may not grow by a single page: any update needing a new page fails with SQLITE_FULL.
		server.store.maintenance.setMaxPageCount(server.store.maintenance.pageCount());
		const closed = new Promise<number>((resolve) =>
			writer.socket.on('close', ({ event }: { event: { code: number } }) => resolve(event.code))
		);
		writer.doc.getText('big').insert(0, 'x'.repeat(60_000));
		expect(await closed).toBe(4507);
		// Not acknowledged: the provider still holds the change as unsynced, and keeps it while full.
		expect(writer.provider.hasUnsyncedChanges).toBe(true);
		await sleep(1500);
		expect(writer.provider.hasUnsyncedChanges).toBe(true);
		const during = storedDoc(server.store, 'plan/p1');
		expect(during.getText('big').length).toBe(0);
		// (A reload may add the server's own small schemaVersion write, which fits in a free page.)
		const userKeys = (doc: Y.Doc) =>
			Object.entries(doc.getMap('meta').toJSON()).filter(([k]) => k !== 'schemaVersion');
		expect(userKeys(during)).toEqual(userKeys(before));
		expect(userKeys(before)).toHaveLength(20);
		expect(Y.decodeStateVector(Y.encodeStateVector(during)).get(writer.doc.clientID)).toBe(20);

		// Space again: the provider's retry is stored, and everyone converges on it.
		server.store.maintenance.setMaxPageCount(undefined);
		await waitFor(
			() => writer.provider.isSynced && !writer.provider.hasUnsyncedChanges,
			30_000,
			'the refused change to be stored on retry'
		);
		await waitFor(
			() => reader.doc.getText('big').length === 60_000,
			10_000,
			'reader to get the change'
		);
		expect(server.store.maintenance.integrityCheck()).toBe('ok');
		await server.close();
		// Reopened from the file: the earlier data and the retried change, nothing damaged.
		const reopened = openStore({ path });
		const stored = storedDoc(reopened, 'plan/p1');
		expect(stored.getMap('meta').get('k19')).toBe(19);
		expect(stored.getText('big').length).toBe(60_000);
		reopened.close();
	}, 60_000);
});

function docUpdate(note: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getMap('meta').set('note', note);
	return Y.encodeStateAsUpdate(doc);
}

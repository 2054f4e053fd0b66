// PostgreSQL unreachable under a running sync server (issue 19, Failure): a real server on a real
// PostgreSQL 15 that the test freezes (SIGSTOP: the port still accepts, nothing answers) or stops,
// then brings back on the same port. Writes are refused and never acknowledged, as with a full
// disk; a loaded document goes on being read; the event loop is held for one bounded wait, not
// one per statement; and once the database answers again, the refused writes are stored from the
// clients' own resends, with no restart.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openStore } from '@planboard/store';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
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
import { startPostgres, type PostgresHarness } from './support/postgres.js';
import { storedDoc } from './support/stored.js';

const WRITTEN = 'plan/p1';
const READ = 'plan/p1/agency/a1';
const STATEMENT_TIMEOUT_MS = 1000;
const tmp = tempDir('planboard-pg-outage-');
let pg: PostgresHarness;
let server: TestServer | null = null;
const clients: Client[] = [];

beforeAll(async () => {
	pg = await startPostgres();
});
afterEach(async () => {
	for (const c of clients.splice(0)) c.destroy();
	pg.resume();
	pg.start();
	await server?.close();
	server = null;
});
afterAll(() => {
	pg?.close();
	tmp.cleanup();
});

async function setUp() {
	const url = pg.createDatabase();
	server = await startSyncServer({
		databasePath: `${tmp.dir}/unused.db`,
		databaseUrl: url,
		databaseTimeouts: {
			statementTimeoutMs: STATEMENT_TIMEOUT_MS,
			connectTimeoutMs: STATEMENT_TIMEOUT_MS
		},
		// The sweep of sessions runs through the outage: it must neither crash nor close sockets.
		sessionCheckIntervalMs: 200
	});
	insertPlan(server.store, 'p1', ['a1']);
	const role = 'coordinator' as const;
	const writer = await userWithToken(server.store, { username: 'writer', role });
	const reader = await userWithToken(server.store, { username: 'reader', role });
	const absent = await userWithToken(server.store, { username: 'absent', role });
	return { url, server, writer, reader, absent };
}

function open(url: string, document: string, token: string): Client {
	const c = connect({ url, document, token });
	clients.push(c);
	return c;
}

async function health(port: number) {
	const res = await fetch(`http://127.0.0.1:${port}/healthz`);
	return { status: res.status, body: (await res.json()) as { dependencies?: object } };
}

function closeCode(c: Client): Promise<number> {
	return new Promise((resolve) =>
		c.socket.on('close', ({ event }: { event: { code: number } }) => resolve(event.code))
	);
}

describe('PostgreSQL unreachable under the sync server', () => {
	it('refuses writes unacknowledged, serves loaded documents, holds the event loop once, and stores the resends when it answers again', async () => {
		const { url, server, writer, reader, absent } = await setUp();
		const w = open(server.url, WRITTEN, writer.token);
		const r = open(server.url, WRITTEN, reader.token);
		const readOnly = open(server.url, READ, reader.token);
		await Promise.all([w.ready, r.ready, readOnly.ready]);
		for (let i = 0; i < 5; i++) w.doc.getMap('meta').set(`k${i}`, i);
		await w.flushed();
		const notes = open(server.url, READ, writer.token);
		await notes.ready;
		notes.doc.getMap('meta').set('note', 'before the outage');
		await notes.flushed();
		notes.destroy();
		await waitFor(() => readOnly.doc.getMap('meta').get('note') === 'before the outage');

		const delay = monitorEventLoopDelay({ resolution: 10 });
		delay.enable();
		pg.pause();

		// The first statement waits out its timeout; every later one fails at once, where trying to
		// connect again would wait out the connect timeout (as long) each time.
		let started = performance.now();
		expect(await health(server.port)).toEqual({
			status: 503,
			body: { ok: false, dependencies: { database: 'down' } }
		});
		expect(performance.now() - started).toBeLessThan(STATEMENT_TIMEOUT_MS + 1000);
		started = performance.now();
		expect((await health(server.port)).status).toBe(503);
		expect(performance.now() - started).toBeLessThan(STATEMENT_TIMEOUT_MS / 2);

		// A write: refused, its sender and the document's other sockets closed, nothing acknowledged.
		const wClosed = closeCode(w);
		const rClosed = closeCode(r);
		w.doc.getMap('meta').set('during', 'the outage');
		expect(await wClosed).toBe(4507);
		expect(await rClosed).toBe(4507);
		expect(w.provider.hasUnsyncedChanges).toBe(true);

		// Reads go on: a new socket of a session already connected here (a second tab) syncs the
		// loaded document; the first reader was left alone by the sweep.
		const secondTab = open(server.url, READ, reader.token);
		await secondTab.ready;
		expect(secondTab.doc.getMap('meta').get('note')).toBe('before the outage');
		expect(readOnly.provider.isSynced).toBe(true);
		// A session this server cannot check now is not refused (that would read as signed out):
		// its socket is closed, and its provider will come back.
		const stranger = open(server.url, READ, absent.token);
		let refused = false;
		stranger.ready.catch(() => (refused = true));
		expect(await closeCode(stranger)).toBe(4507);
		await sleep(1500);
		expect(refused).toBe(false);
		expect(w.provider.hasUnsyncedChanges).toBe(true);

		delay.disable();
		// Frozen for one statement's timeout at most, not once per statement (dozens ran meanwhile:
		// sweeps, commits, authentications, loads).
		expect(delay.max / 1e6).toBeLessThan(STATEMENT_TIMEOUT_MS + 700);

		pg.resume();
		await waitFor(
			() => w.provider.isSynced && !w.provider.hasUnsyncedChanges,
			40_000,
			'the refused write to be stored from its resend'
		);
		await waitFor(() => r.doc.getMap('meta').get('during') === 'the outage', 20_000, 'the reader');
		await waitFor(() => stranger.provider.isSynced, 20_000, 'the closed stranger to come back');
		expect((await health(server.port)).status).toBe(200);
		const check = openStore({ url });
		try {
			const stored = storedDoc(check, WRITTEN).getMap('meta').toJSON();
			expect(stored).toMatchObject({ k0: 0, k4: 4, during: 'the outage' });
		} finally {
			check.close();
		}
	});

	it('stores every writer’s refused edits once PostgreSQL, stopped, starts again on its port', async () => {
		const { url, server, writer, reader } = await setUp();
		const writers = [0, 1, 2].map(() => open(server.url, WRITTEN, writer.token));
		const r = open(server.url, WRITTEN, reader.token);
		await Promise.all([...writers, r].map((c) => c.ready));

		pg.stop();
		expect((await health(server.port)).body).toEqual({
			ok: false,
			dependencies: { database: 'down' }
		});
		const closed = writers.map(closeCode);
		writers.forEach((w, i) => w.doc.getMap('meta').set(`w${i}`, `refused ${i}`));
		expect(await Promise.all(closed)).toEqual([4507, 4507, 4507]);
		await sleep(1000);
		for (const w of writers) expect(w.provider.hasUnsyncedChanges).toBe(true);

		pg.start();
		for (const w of writers)
			await waitFor(
				() => w.provider.isSynced && !w.provider.hasUnsyncedChanges,
				40_000,
				'a refused edit to be stored from its resend'
			);
		const all = { w0: 'refused 0', w1: 'refused 1', w2: 'refused 2' };
		// (The server's own schemaVersion sits beside them in meta.)
		const edits = (doc: Y.Doc) =>
			Object.fromEntries(
				Object.entries(doc.getMap('meta').toJSON())
					.filter(([k]) => k in all)
					.sort(([a], [b]) => a.localeCompare(b))
			);
		await waitFor(
			() => JSON.stringify(edits(r.doc)) === JSON.stringify(all),
			20_000,
			'the reader to converge'
		);
		const check = openStore({ url });
		try {
			expect(edits(storedDoc(check, WRITTEN))).toEqual(all);
		} finally {
			check.close();
		}
	});
});

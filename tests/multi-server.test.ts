// Several sync servers behind one address (issue 19): two real servers over one database (two
// connections: a SQLite file in WAL mode, or PostgreSQL on the suite's PostgreSQL pass), relaying through a real redis-server that the harness starts and stops.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { agencyDocName, planDocName } from '@planboard/model';
import * as Y from 'yjs';
import {
	connect,
	startSyncServer,
	tempDir,
	userWithToken,
	sleep,
	waitFor,
	type Client,
	type TestServer
} from './support/harness.js';
import { startRedis, type RedisHarness } from './support/redis.js';
import { storedDoc } from './support/stored.js';
import { storeTestBoard, twoLaneBoard } from './support/sync-board.js';
import { openTestStore } from './support/test-database.js';

const DOC = planDocName('p1');
let redis: RedisHarness;
let a: TestServer;
let b: TestServer;
let cleanup = () => {};
/** The database both servers share; a third server opens it by this path too. */
let databasePath = '';
let closed = false;
let coordinator = { token: '', userId: '', sessionId: '' };
const clients: Client[] = [];

const open = (server: TestServer, token = coordinator.token) => {
	const c = connect({ url: server.url, document: DOC, token });
	clients.push(c);
	return c;
};
const year = (c: Client) => c.doc.getMap('plan').get('year');
const title = (c: Client) => c.doc.getMap('plan').get('title');
const loggedRows = (server: TestServer) =>
	server.store.updates.history({ document: DOC, limit: 100_000 }).length;
const health = async (server: TestServer) => {
	const res = await fetch(`http://127.0.0.1:${server.port}/healthz`);
	return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

beforeAll(async () => {
	redis = await startRedis();
});
afterAll(async () => {
	await redis.close();
});

beforeEach(async () => {
	const tmp = tempDir();
	cleanup = tmp.cleanup;
	databasePath = `${tmp.dir}/planboard.db`;
	// The sweep of the shared database would also close revoked sockets, in its own time: at ten
	// minutes here, only Redis can close them within the test.
	// Snapshots after every update, stored 50 ms after a change: a snapshot of one server's memory
	// that claimed rows it has not seen (the other server's) would hide them from every load.
	const options = {
		databasePath,
		redisUrl: redis.url,
		sessionCheckIntervalMs: 600_000,
		durableLog: { snapshotAfter: 1 },
		hocuspocus: { debounce: 50, maxDebounce: 200 }
	};
	closed = false;
	a = await startSyncServer(options);
	b = await startSyncServer(options);
	storeTestBoard(a.store, twoLaneBoard('p1'));
	coordinator = await userWithToken(a.store, { username: 'coord', role: 'coordinator' });
});

afterEach(async () => {
	for (const c of clients.splice(0)) c.destroy();
	if (!closed) await Promise.all([a.close(), b.close()]);
	cleanup();
});

describe('two sync servers with Redis', () => {
	it('relays updates both ways, and each server logs only its own clients’ updates', async () => {
		const onA = open(a);
		const onB = open(b);
		await Promise.all([onA.ready, onB.ready]);
		const before = loggedRows(a);

		for (let i = 1; i <= 10; i++) {
			onA.doc.getMap('plan').set('year', 2030 + i);
			await waitFor(() => year(onB) === 2030 + i, 5000, `year ${2030 + i} on server B`);
			onB.doc.getMap('plan').set('title', `KH ${i}`);
			await waitFor(() => title(onA) === `KH ${i}`, 5000, `title ${i} on server A`);
		}
		await Promise.all([onA.flushed(), onB.flushed()]);

		// 20 writes, 20 rows: neither server appended what Redis relayed to it.
		expect(loggedRows(a) - before).toBe(20);
		expect(loggedRows(b)).toBe(loggedRows(a));
		const stored = storedDoc(a.store, DOC).getMap('plan');
		expect(stored.get('year')).toBe(2040);
		expect(stored.get('title')).toBe('KH 10');
	});

	it('closes a logged-out session’s and a changed user’s sockets on the other server too', async () => {
		const officer = await userWithToken(a.store, {
			username: 'bdbp',
			role: 'officer',
			agencyId: 'bch-bdbp'
		});
		const coordOnB = open(b);
		const officerOnB = connect({
			url: b.url,
			document: agencyDocName({ planId: 'p1', agencyId: 'bch-bdbp' }),
			token: officer.token
		});
		clients.push(officerOnB);
		await Promise.all([coordOnB.ready, officerOnB.ready]);
		const closeCode = (c: Client) =>
			new Promise<number>((resolve) =>
				c.socket.on('close', ({ event }: { event: { code: number } }) => resolve(event.code))
			);
		const coordClosed = closeCode(coordOnB);
		const officerClosed = closeCode(officerOnB);

		// What logout and a role change call on the server the request reached: A, with no socket.
		expect(a.sync.revokeSession(coordinator.sessionId)).toBe(0);
		expect(await coordClosed).toBe(4401);
		expect(a.sync.revokeUser(officer.userId)).toBe(0);
		expect(await officerClosed).toBe(4401);
	});

	it('tells the other server a share link was revoked', async () => {
		const heard: string[] = [];
		const stop = b.sync.onShareLinkRevoked((id) => heard.push(id));
		const ownHeard: string[] = [];
		a.sync.onShareLinkRevoked((id) => ownHeard.push(id));
		a.sync.revokeShareLink('link-1');
		await waitFor(() => heard.length === 1, 5000, 'the revocation on server B');
		expect(heard).toEqual(['link-1']);
		stop();
		a.sync.revokeShareLink('link-2');
		await new Promise((r) => setTimeout(r, 200));
		expect(heard).toEqual(['link-1']);
		// A server does not hear its own revocation back: it ended its own streams already.
		expect(ownHeard).toEqual([]);
	});

	it('counts login attempts once for every server', async () => {
		const limits = { maxAttempts: 3, windowMs: 60_000 };
		const [onA, onB] = [a.sync.cluster!.loginLimiter(limits), b.sync.cluster!.loginLimiter(limits)];
		const who = { username: 'Mallory', ip: '203.0.113.9' };
		expect(await onA.attempt(who)).toEqual({ allowed: true });
		expect(await onB.attempt({ ...who, username: 'mallory' })).toEqual({ allowed: true });
		expect(await onA.attempt(who)).toEqual({ allowed: true });
		const refused = await onB.attempt(who);
		expect(refused.allowed).toBe(false);
		expect(!refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(50);
		expect((await onA.attempt(who)).allowed).toBe(false);
		// Another name from the same address still passes; a success on B clears the name on A.
		expect(await onA.attempt({ username: 'alice', ip: who.ip })).toEqual({ allowed: true });
		await onB.recordSuccess({ username: 'alice', ip: who.ip });
		await onB.recordSuccess(who);
		expect(await onA.attempt(who)).toEqual({ allowed: true });
	});

	it('keeps serving its own clients while Redis is down, says so, and converges when it returns', async () => {
		expect(await health(a)).toEqual({
			status: 200,
			body: { ok: true, status: 'ok', dependencies: { database: 'up', redis: 'up' } }
		});
		const onA = open(a);
		const onB = open(b);
		const secondOnA = open(a);
		await Promise.all([onA.ready, onB.ready, secondOnA.ready]);
		const before = loggedRows(a);

		await redis.stop();
		await waitFor(() => !a.sync.cluster!.up && !b.sync.cluster!.up, 5000, 'both servers see it');
		expect(await health(a)).toEqual({
			status: 200,
			body: { ok: true, status: 'degraded', dependencies: { database: 'up', redis: 'down' } }
		});

		onB.doc.getMap('plan').set('title', 'KH trong lúc Redis dừng');
		await onB.flushed();
		onA.doc.getMap('plan').set('year', 2051);
		// Server A still serves its own clients; nothing crosses to B.
		await waitFor(() => year(secondOnA) === 2051, 5000, 'the update on A’s other client');
		await onA.flushed();
		expect(year(onB)).not.toBe(2051);
		expect(title(onA)).not.toBe('KH trong lúc Redis dừng');
		expect(loggedRows(a) - before).toBe(2);
		// Both are stored, and a load sees both: no snapshot of A's memory hid B's row meanwhile.
		await sleep(500);
		const meanwhile = storedDoc(a.store, DOC).getMap('plan');
		expect([meanwhile.get('year'), meanwhile.get('title')]).toEqual([
			2051,
			'KH trong lúc Redis dừng'
		]);

		await redis.restart();
		await waitFor(() => a.sync.cluster!.up && b.sync.cluster!.up, 10_000, 'Redis back');
		await waitFor(
			() => year(onB) === 2051 && title(onA) === 'KH trong lúc Redis dừng',
			10_000,
			'both servers exchanging what they missed'
		);
		expect(title(secondOnA)).toBe('KH trong lúc Redis dừng');
		expect((await health(b)).body.status).toBe('ok');

		// Fan-out goes on as before, and the log holds each update once.
		onB.doc.getMap('plan').set('year', 2052);
		await waitFor(() => year(onA) === 2052, 5000, 'a new update from B on A');
		await Promise.all([onA.flushed(), onB.flushed()]);
		expect(loggedRows(a) - before).toBe(3);
		const stored = storedDoc(b.store, DOC).getMap('plan');
		expect(stored.get('year')).toBe(2052);
		expect(stored.get('title')).toBe('KH trong lúc Redis dừng');
	});

	it('shuts down cleanly while Redis is down, with every update stored', async () => {
		const onA = open(a);
		await onA.ready;
		await redis.stop();
		onA.doc.getMap('plan').set('year', 2061);
		await onA.flushed();
		closed = true;
		const shutdown = Promise.all([a.close(), b.close()]);
		await Promise.race([
			shutdown,
			sleep(5000).then(() => {
				throw new Error('shutdown hung while Redis was down');
			})
		]);
		await redis.restart();
		const store = openTestStore({ path: databasePath });
		try {
			expect(storedDoc(store, DOC).getMap('plan').get('year')).toBe(2061);
		} finally {
			store.close();
		}
	});

	it('starts while Redis is down and joins the fan-out when it comes up', async () => {
		await redis.stop();
		const c = await startSyncServer({
			databasePath,
			redisUrl: redis.url,
			sessionCheckIntervalMs: 600_000
		});
		try {
			expect((await health(c)).body.status).toBe('degraded');
			// Loading a document does not wait for Redis.
			const onC = open(c);
			await onC.ready;
			expect(year(onC)).toBe(2024);
			await redis.restart();
			await waitFor(() => c.sync.cluster!.up && a.sync.cluster!.up, 10_000, 'Redis back');
			const onA = open(a);
			await onA.ready;
			onA.doc.getMap('plan').set('year', 2071);
			await waitFor(() => year(onC) === 2071, 5000, 'the update from A on the late server');
		} finally {
			for (const client of clients.splice(0)) client.destroy();
			await c.close();
		}
	});

	it('writes no snapshot that hides another server’s row not yet relayed to it', async () => {
		const onA = open(a);
		await onA.ready;
		onA.doc.getMap('plan').set('year', 2081);
		await onA.flushed();
		// Server B's client wrote this and B logged it; Redis has not brought it to A yet.
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(onA.doc));
		const before = Y.encodeStateVector(other);
		other.getMap('plan').set('title', 'KH từ máy chủ B');
		b.store.updates.append({
			document: DOC,
			update: Y.encodeStateAsUpdate(other, before),
			userId: null
		});
		// A's own next update is logged after it; then A stores a snapshot (after every update here).
		onA.doc.getMap('plan').set('year', 2082);
		await onA.flushed();
		await sleep(500);
		const loaded = storedDoc(a.store, DOC).getMap('plan');
		expect([loaded.get('year'), loaded.get('title')]).toEqual([2082, 'KH từ máy chủ B']);
	});

	it('writes one snapshot per round under the database lease, with Redis stopped', async () => {
		// Two more servers that store only when told: both then snapshot the same rows at once.
		const errors: string[] = [];
		const log = {
			info: () => {},
			warn: () => {},
			error: (event: string) => errors.push(event)
		};
		// Each server counts its finished stores, so a round waits for both.
		const stores = { c: 0, d: 0 };
		const options = (name: keyof typeof stores) => ({
			databasePath,
			redisUrl: redis.url,
			sessionCheckIntervalMs: 600_000,
			log,
			durableLog: { snapshotAfter: 1 },
			hocuspocus: {
				debounce: 600_000,
				maxDebounce: 600_000,
				extensions: [{ afterStoreDocument: async () => void stores[name]++ }]
			}
		});
		const c = await startSyncServer(options('c'));
		const d = await startSyncServer(options('d'));
		// The stored snapshot rows as they are, on either backend (no repository lists them).
		const snapshots = () =>
			[...a.store.transfer.pages('doc_snapshots')]
				.flat()
				.filter((row) => row.document === DOC)
				.map((row) => Number(row.upto_seq))
				.sort((x, y) => x - y);
		const lastSeq = () => a.store.updates.history({ document: DOC, limit: 1 })[0].seq;
		try {
			const onC = open(c);
			const onD = open(d);
			await Promise.all([onC.ready, onD.ready]);
			await redis.stop();
			await waitFor(() => !c.sync.cluster!.up && !d.sync.cluster!.up, 5000, 'Redis down');
			const before = snapshots().length;
			const round = async (n: number) => {
				onC.doc.getMap('plan').set('year', 2090 + n);
				onD.doc.getMap('plan').set('title', `KH vòng ${n}`);
				await Promise.all([onC.flushed(), onD.flushed()]);
				const stored = { ...stores };
				c.sync.hocuspocus.flushPendingStores();
				d.sync.hocuspocus.flushPendingStores();
				await waitFor(
					() => stores.c === stored.c + 1 && stores.d === stored.d + 1,
					5000,
					`both servers to store round ${n}`
				);
			};

			for (let n = 1; n <= 3; n++) {
				await round(n);
				// One snapshot, by whichever server took the lease, covering both servers' rows.
				expect(snapshots().length).toBe(before + n);
				expect(snapshots().at(-1)).toBe(lastSeq());
			}

			// Held by someone else (a server killed mid-snapshot), the lease keeps both servers off.
			const held = { name: `snapshot:${DOC}`, holder: 'a-killed-server' };
			expect(a.store.leases.acquire({ ...held, ttlMs: 60_000 })).toBe(true);
			await round(4);
			expect(snapshots().length).toBe(before + 3);
			expect(a.store.leases.release(held)).toBe(true);
			await round(5);
			expect(snapshots().length).toBe(before + 4);
			expect(snapshots().at(-1)).toBe(lastSeq());
			expect(errors).toEqual([]);

			// Every row of every round is in a load, the snapshots hid none.
			const loaded = storedDoc(a.store, DOC).getMap('plan');
			expect([loaded.get('year'), loaded.get('title')]).toEqual([2095, 'KH vòng 5']);
		} finally {
			for (const client of clients.splice(0)) client.destroy();
			await Promise.all([c.close(), d.close()]);
			await redis.restart();
			// Back up, ioredis resubscribes A's and B's channels unawaited: closing them before the
			// answer rejects that SUBSCRIBE ("Connection is closed") with no one to catch it.
			await waitFor(() => a.sync.cluster!.up && b.sync.cluster!.up, 10_000, 'Redis back');
			await sleep(200);
		}
	});
});

import type { Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
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

const CLIENTS = 100;
const ROUNDS = 3;
const DOCUMENT = 'plan/p1';
const tmp = tempDir('planboard-storm-');
const clients: Client[] = [];
let server: TestServer | null = null;

afterAll(async () => {
	for (const c of clients) c.destroy();
	await server?.close();
	tmp.cleanup();
});

describe('reconnect storm', () => {
	it('loses nothing when 100 editing clients lose their sockets at once, three times', async () => {
		server = await startSyncServer({ databasePath: `${tmp.dir}/db.sqlite` });
		insertPlan(server.store, 'p1', ['so-tttt']);
		const { token } = await userWithToken(server.store, { username: 'coord', role: 'coordinator' });
		// Every accepted TCP socket, so the test can cut them all at once like a dropped network.
		const sockets = new Set<Socket>();
		server.http.on('connection', (socket: Socket) => {
			sockets.add(socket);
			socket.once('close', () => sockets.delete(socket));
		});
		for (let i = 0; i < CLIENTS; i++)
			clients.push(connect({ url: server.url, document: DOCUMENT, token }));
		await Promise.all(clients.map((c) => c.ready));

		// Each client appends 0, 1, 2, ... to its own array, online or not.
		let writing = true;
		const writers = clients.map(async (c, i) => {
			const list = c.doc.getArray<number>(`client-${i}`);
			while (writing) {
				list.push([list.length]);
				// About 120 updates/s in all; each is delivered to the 99 others in this same process.
				await sleep(700 + (i % 5) * 100);
			}
		});
		for (let round = 0; round < ROUNDS; round++) {
			await sleep(400);
			const cut = sockets.size;
			for (const s of sockets) s.destroy();
			// 'close' arrives a tick later; until then the old sockets would count as reconnected.
			sockets.clear();
			expect(cut).toBe(CLIENTS);
			// Providers notice the drop and come back by themselves (with backoff and jitter).
			await waitFor(
				() => sockets.size === CLIENTS && clients.every((c) => c.provider.isSynced),
				30_000,
				`round ${round}: all reconnected`
			);
		}
		writing = false;
		await Promise.all(writers);
		await waitFor(
			() => clients.every((c) => c.provider.isSynced && !c.provider.hasUnsyncedChanges),
			30_000,
			'every change acknowledged'
		);

		const expected = clients.map((c, i) => c.doc.getArray<number>(`client-${i}`).length);
		const stateOf = (doc: Y.Doc) =>
			JSON.stringify(expected.map((_, i) => doc.getArray(`client-${i}`).toArray()));
		const want = JSON.stringify(expected.map((n) => [...Array(n).keys()]));
		await waitFor(
			() => clients.every((c) => stateOf(c.doc) === want),
			30_000,
			'every client to converge'
		);
		expect(expected.every((n) => n >= ROUNDS)).toBe(true);
		expect(clients.every((c) => stateOf(c.doc) === want)).toBe(true);
		// The database, exactly as a restart would load it.
		expect(stateOf(storedDoc(server.store, DOCUMENT))).toBe(want);
	}, 60_000);
});

import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '@planboard/store';
import {
	connect,
	insertPlan,
	tempDir,
	userWithToken,
	waitFor,
	type Client
} from './support/harness.js';
import { freePort, startChildServer, type ChildServer } from './support/child-server.js';
import { storedDoc } from './support/stored.js';

const CLIENTS = 20;
/** Clients spread over three documents, so the server's group commits span documents. */
const DOCUMENTS = ['plan/p1', 'plan/p1/agency/so-tttt', 'plan/p1/agency/bdbp'];
const documentOf = (i: number) => DOCUMENTS[i % DOCUMENTS.length];
const tmp = tempDir('planboard-kill9-');
const clients: Client[] = [];
let server: ChildServer | null = null;

afterAll(() => {
	for (const c of clients) c.destroy();
	server?.process.kill('SIGKILL');
	tmp.cleanup();
});

describe('durability', () => {
	it('keeps every acknowledged change across kill -9, and all clients converge', async () => {
		const databasePath = `${tmp.dir}/planboard.db`;
		const setup = openStore({ path: databasePath });
		insertPlan(setup, 'p1', ['so-tttt', 'bdbp']);
		const { token } = await userWithToken(setup, { username: 'coord', role: 'coordinator' });
		setup.close();

		const port = await freePort();
		const env = { PLANBOARD_DATA: tmp.dir };
		server = await startChildServer({ entry: 'apps/sync/dist/main.js', env, port });
		const url = `ws://127.0.0.1:${port}/collab`;

		// Each client appends 0, 1, 2, ... to its own array; `confirmed[i]` is how many of those
		// the server had acknowledged (the provider's unsynced counter back at zero).
		const confirmed = new Array<number>(CLIENTS).fill(0);
		for (let i = 0; i < CLIENTS; i++) {
			const c = connect({ url, document: documentOf(i), token });
			const list = c.doc.getArray<number>(`client-${i}`);
			c.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
				if (number === 0) confirmed[i] = list.length;
			});
			clients.push(c);
		}
		await Promise.all(clients.map((c) => c.ready));

		let writing = true;
		const bursts = clients.map(async (c, i) => {
			const list = c.doc.getArray<number>(`client-${i}`);
			while (writing) {
				// One to three updates at once (each its own message), so many land in one server turn.
				for (let k = 0; k <= i % 3; k++) list.push([list.length]);
				// Short pauses let acknowledgements catch up, so each client sees its unsynced count reach zero.
				await new Promise((r) => setTimeout(r, 5 + (i % 5)));
			}
		});
		await waitFor(
			() => confirmed.every((n) => n >= 5),
			15_000,
			'every client to have acknowledged writes'
		);
		server.process.kill('SIGKILL');
		await server.exited;
		const confirmedAtKill = [...confirmed];
		writing = false;
		await Promise.all(bursts);

		// Straight from the database, before anyone reconnects.
		const check = openStore({ path: databasePath });
		const stored = DOCUMENTS.map((document) => storedDoc(check, document));
		check.close();
		for (let i = 0; i < CLIENTS; i++) {
			const list = stored[i % DOCUMENTS.length].getArray<number>(`client-${i}`).toArray();
			expect(list.length).toBeGreaterThanOrEqual(confirmedAtKill[i]);
			expect(list.slice(0, confirmedAtKill[i])).toEqual([...Array(confirmedAtKill[i]).keys()]);
		}

		// The same address again: the providers reconnect by themselves and send what was not acknowledged.
		server = await startChildServer({ entry: 'apps/sync/dist/main.js', env, port });
		await waitFor(
			() => clients.every((c) => c.provider.isSynced && !c.provider.hasUnsyncedChanges),
			20_000,
			'clients to resync'
		);
		const readers = DOCUMENTS.map((document) => connect({ url, document, token }));
		const writers = [...clients];
		clients.push(...readers);
		await Promise.all(readers.map((r) => r.ready));
		const readerOf = (i: number) => readers[i % DOCUMENTS.length];
		await waitFor(
			() => writers.every((c, i) => snapshotOf(c) === snapshotOf(readerOf(i))),
			20_000,
			'every client to converge'
		);
		for (let i = 0; i < CLIENTS; i++) {
			const own = writers[i].doc.getArray<number>(`client-${i}`).toArray();
			expect(readerOf(i).doc.getArray<number>(`client-${i}`).toArray()).toEqual([
				...Array(own.length).keys()
			]);
		}
	}, 90_000);
});

function snapshotOf(c: Client): string {
	return JSON.stringify(
		Array.from({ length: CLIENTS }, (_, i) => c.doc.getArray(`client-${i}`).toArray())
	);
}

import { afterAll, describe, expect, it } from 'vitest';
import {
	connect,
	insertPlan,
	tempDir,
	userWithToken,
	waitFor,
	type Client
} from './support/harness.js';
import {
	expectAcknowledgedStored,
	startBurst,
	storedWrites,
	writesSeenBy
} from './support/burst.js';
import { freePort, startChildServer, type ChildServer } from './support/child-server.js';
import { openTestStore } from './support/test-database.js';

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
		const setup = openTestStore({ path: databasePath });
		insertPlan(setup, 'p1', ['so-tttt', 'bdbp']);
		const { token } = await userWithToken(setup, { username: 'coord', role: 'coordinator' });
		setup.close();

		const port = await freePort();
		const env = { PLANBOARD_DATA: tmp.dir };
		server = await startChildServer({ entry: 'apps/sync/dist/main.js', env, port });
		const url = `ws://127.0.0.1:${port}/collab`;

		for (let i = 0; i < CLIENTS; i++)
			clients.push(connect({ url, document: documentOf(i), token }));
		await Promise.all(clients.map((c) => c.ready));

		const burst = startBurst(clients);
		await waitFor(
			() => burst.confirmed.every((n) => n >= 5),
			15_000,
			'every client to have acknowledged writes'
		);
		server.process.kill('SIGKILL');
		await server.exited;
		const confirmedAtKill = [...burst.confirmed];
		await burst.stop();

		// Straight from the database, before anyone reconnects.
		const check = openTestStore({ path: databasePath });
		const stored = storedWrites({ store: check, clients: CLIENTS, documentOf });
		check.close();
		expectAcknowledgedStored(stored, confirmedAtKill);

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
			() =>
				writers.every((c, i) => writesSeenBy(c, CLIENTS) === writesSeenBy(readerOf(i), CLIENTS)),
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

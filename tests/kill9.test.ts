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
const DOCUMENT = 'plan/p1';
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
		insertPlan(setup, 'p1', ['so-tttt']);
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
			const c = connect({ url, document: DOCUMENT, token });
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
				list.push([list.length]);
				// Short pauses let acknowledgements catch up, so each client sees its unsynced count reach zero.
				await new Promise((r) => setTimeout(r, 10 + (i % 5)));
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
		const stored = storedDoc(check, DOCUMENT);
		check.close();
		for (let i = 0; i < CLIENTS; i++) {
			const list = stored.getArray<number>(`client-${i}`).toArray();
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
		const reader = connect({ url, document: DOCUMENT, token });
		clients.push(reader);
		await reader.ready;
		await waitFor(
			() => clients.every((c) => snapshotOf(c) === snapshotOf(reader)),
			20_000,
			'every client to converge'
		);
		for (let i = 0; i < CLIENTS; i++) {
			const own = clients[i].doc.getArray<number>(`client-${i}`).toArray();
			expect(reader.doc.getArray<number>(`client-${i}`).toArray()).toEqual([
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

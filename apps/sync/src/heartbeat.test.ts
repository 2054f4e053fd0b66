import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
} from '../../../tests/support/harness.js';

// Hocuspocus closes a socket that sent nothing for `timeout`; shortened here from 60 s.
const TIMEOUT_MS = 600;

const tmp = tempDir();
const servers: TestServer[] = [];
const clients: Client[] = [];
const tokens = new Map<TestServer, string>();

async function serve(heartbeatMs: number): Promise<TestServer> {
	const server = await startSyncServer({
		databasePath: `${tmp.dir}/heartbeat-${heartbeatMs}.db`,
		heartbeatMs,
		hocuspocus: { timeout: TIMEOUT_MS }
	});
	insertPlan(server.store, 'p1', ['a1']);
	const { token } = await userWithToken(server.store, { username: 'coord', role: 'coordinator' });
	tokens.set(server, token);
	servers.push(server);
	return server;
}

/** A client that sends nothing once synced, as the progress board (no presence). */
async function quietClient(server: TestServer): Promise<{ client: Client; closes: number[] }> {
	const client = connect({ url: server.url, document: 'plan/p1', token: tokens.get(server)! });
	clients.push(client);
	await client.ready;
	client.provider.awareness!.setLocalState(null);
	const closes: number[] = [];
	client.provider.on('close', ({ event }: { event: { code: number } }) => closes.push(event.code));
	return { client, closes };
}

afterAll(async () => {
	for (const c of clients) c.destroy();
	for (const s of servers) await s.close();
	tmp.cleanup();
});

describe('heartbeat', () => {
	let on: TestServer;
	let off: TestServer;
	beforeAll(async () => {
		on = await serve(150);
		off = await serve(0);
	});

	it("keeps a silent client connected through the server's ping; without it the client is cut off", async () => {
		const [kept, cut] = await Promise.all([quietClient(on), quietClient(off)]);
		// Without the ping, Hocuspocus closes the silent socket within two of its checks.
		// (Its provider hears the close twice: for the document, then 4408 for the socket.)
		await waitFor(() => cut.closes.includes(4408), 4 * TIMEOUT_MS, 'the silent client cut off');
		// With it, the same client stays through several timeouts and still gets the others' edits.
		await sleep(4 * TIMEOUT_MS);
		expect(kept.closes).toEqual([]);
		const writer = connect({ url: on.url, document: 'plan/p1', token: tokens.get(on)! });
		clients.push(writer);
		await writer.ready;
		writer.doc.getMap('plan').set('year', 2031);
		await waitFor(
			() => kept.client.doc.getMap('plan').get('year') === 2031,
			5_000,
			'the edit reaches the silent client'
		);
		expect(kept.closes).toEqual([]);
	});
});

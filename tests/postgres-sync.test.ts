import { openStore } from '@planboard/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	connect,
	insertPlan,
	startSyncServer,
	tempDir,
	userWithToken,
	waitFor,
	type Client,
	type TestServer
} from './support/harness.js';
import { startPostgres, type PostgresHarness } from './support/postgres.js';
import { storedDoc } from './support/stored.js';

const DOC = 'plan/p1/agency/a1';
const tmp = tempDir('planboard-pg-sync-');
let pg: PostgresHarness;
let url = '';
let server: TestServer;
let token = '';
const clients: Client[] = [];

beforeAll(async () => {
	pg = await startPostgres();
	url = pg.createDatabase();
	server = await startSyncServer({ databasePath: `${tmp.dir}/unused.db`, databaseUrl: url });
	insertPlan(server.store, 'p1', ['a1']);
	({ token } = await userWithToken(server.store, { username: 'coord', role: 'coordinator' }));
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await server?.close();
	pg?.close();
	tmp.cleanup();
});

function open(): Client {
	const c = connect({ url: server.url, document: DOC, token });
	clients.push(c);
	return c;
}

describe('the sync server on PostgreSQL', () => {
	it('stores every acknowledged update in PostgreSQL, where another server reads it', async () => {
		expect(server.store.path).toBe(url);
		const [writer, reader] = [open(), open()];
		await Promise.all([writer.ready, reader.ready]);
		for (let i = 0; i < 20; i++) writer.doc.getMap('meta').set(`k${i}`, i);
		await writer.flushed();
		await waitFor(
			() => reader.doc.getMap('meta').get('k19') === 19,
			10_000,
			'the reader to see the last edit'
		);
		// Acknowledged means committed: every edit is in the log now, through the group commit.
		expect(storedDoc(server.store, DOC).getMap('meta').toJSON()).toEqual(
			writer.doc.getMap('meta').toJSON()
		);
		const other = openStore({ url });
		try {
			expect(storedDoc(other, DOC).getMap('meta').get('k19')).toBe(19);
			expect(other.updates.history({ document: DOC, limit: 100 }).length).toBeGreaterThan(0);
		} finally {
			other.close();
		}
	});
});

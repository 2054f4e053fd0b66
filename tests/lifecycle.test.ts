import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { CURRENT_SCHEMA_VERSION } from '@planboard/model';
import { afterAll, describe, expect, it } from 'vitest';
import { ClientWebSocket } from './support/client-websocket.js';
import * as Y from 'yjs';
import {
	connect,
	insertPlan,
	startSyncServer,
	tempDir,
	userWithToken,
	type Client
} from './support/harness.js';
import { startChildServer } from './support/child-server.js';
import { storedDoc } from './support/stored.js';
import { openTestStore } from './support/test-database.js';

const tmp = tempDir('planboard-lifecycle-');
const clients: Client[] = [];

afterAll(() => {
	for (const c of clients) c.destroy();
	tmp.cleanup();
});

describe('server lifecycle', () => {
	it('answers /healthz when ready, and on SIGTERM closes cleanly with everything stored', async () => {
		const dataDir = `${tmp.dir}/term`;
		const setup = openTestStore({ path: `${dataDir}/planboard.db` });
		insertPlan(setup, 'p1', ['a1']);
		const { token } = await userWithToken(setup, { username: 'coord', role: 'coordinator' });
		setup.close();
		const server = await startChildServer({
			entry: 'apps/sync/dist/main.js',
			env: { PLANBOARD_DATA: dataDir }
		});
		const health = await fetch(`http://127.0.0.1:${server.port}/healthz`);
		expect(health.status).toBe(200);
		expect(await health.json()).toEqual({ ok: true, dependencies: { database: 'up' } });

		const client = connect({
			url: `ws://127.0.0.1:${server.port}/collab`,
			document: 'plan/p1',
			token
		});
		clients.push(client);
		await client.ready;
		client.doc.getText('notes').insert(0, 'Báo cáo trước ngày 10/11/2024');
		await client.flushed();
		server.process.kill('SIGTERM');
		expect(await server.exited).toBe(0);
		const lines = server.output
			.join('')
			.split('\n')
			.filter(Boolean)
			.map((l) => JSON.parse(l) as { event: string });
		expect(lines.map((l) => l.event)).toEqual(
			expect.arrayContaining(['server.stopping', 'server.stopped'])
		);
		const store = openTestStore({ path: `${dataDir}/planboard.db` });
		expect(storedDoc(store, 'plan/p1').getText('notes').toString()).toBe(
			'Báo cáo trước ngày 10/11/2024'
		);
		store.close();
	});

	it('refuses to load a document written by a newer schema, and keeps serving the others', async () => {
		const server = await startSyncServer({ databasePath: `${tmp.dir}/schema/planboard.db` });
		insertPlan(server.store, 'p1', ['a1']);
		const future = new Y.Doc();
		future.getMap('meta').set('schemaVersion', CURRENT_SCHEMA_VERSION + 1);
		future.getMap('meta').set('kind', 'plan');
		server.store.updates.append({
			document: 'plan/p1',
			update: Y.encodeStateAsUpdate(future),
			userId: null
		});
		const { token } = await userWithToken(server.store, { username: 'coord', role: 'coordinator' });
		// Both documents over one socket, as the board opens them.
		const socket = new HocuspocusProviderWebsocket({
			url: server.url,
			WebSocketPolyfill: ClientWebSocket
		});
		const closes: number[] = [];
		socket.on('close', ({ event }: { event: { code: number } }) => closes.push(event.code));
		const refusedDoc = new Y.Doc();
		const refused = new HocuspocusProvider({
			name: 'plan/p1',
			document: refusedDoc,
			token,
			websocketProvider: socket
		});
		const reason = new Promise<string>((resolve) =>
			refused.on('authenticationFailed', ({ reason }: { reason: string }) => resolve(reason))
		);
		refused.attach();
		const fine = connect({ url: server.url, document: 'plan/p1/agency/a1', token });
		clients.push(fine);
		await fine.ready;

		expect(await reason).toBe('newer-schema');
		expect(refused.isSynced).toBe(false);
		expect(refusedDoc.getMap('meta').get('schemaVersion')).toBeUndefined();
		// The refusal is of that document only: the socket stays open...
		expect(socket.status).toBe('connected');
		expect(closes).toEqual([]);
		// ...and the other document is written and stored as usual, the refused one untouched.
		fine.doc.getMap('meta').set('alive', true);
		await fine.flushed();
		expect(storedDoc(server.store, 'plan/p1/agency/a1').getMap('meta').get('alive')).toBe(true);
		expect(server.store.updates.load('plan/p1').updates).toHaveLength(1);
		refused.destroy();
		socket.destroy();
		await server.close();
	});
});

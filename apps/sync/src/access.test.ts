import { MessageType } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
	connect,
	insertPlan,
	startSyncServer,
	tempDir,
	userWithToken,
	waitFor,
	type Client,
	type TestServer
} from '../../../tests/support/harness.js';
import { storedDoc } from '../../../tests/support/stored.js';

const PLAN = 'p1';
const planDoc = `plan/${PLAN}`;
const agencyDoc = (id: string) => `plan/${PLAN}/agency/${id}`;

let server: TestServer;
let cleanup: () => void;
const clients: Client[] = [];
const open = (url: string, document: string, token: string) => {
	const c = connect({ url, document, token });
	clients.push(c);
	return c;
};

/**
 * Resolves when the server answers an update of this client with "not applied" (Hocuspocus's
 * SyncStatus 0, its reply to every update on a read-only connection): proof that the server
 * received the write and refused it, rather than that it has not arrived yet.
 */
function refusal(client: Client): Promise<void> {
	return new Promise((resolve) => {
		const onMessage = ({ event }: { event: MessageEvent }) => {
			const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
			decoding.readVarString(decoder);
			if (decoding.readVarUint(decoder) !== MessageType.SyncStatus) return;
			if (decoding.readVarInt(decoder) !== 0) return;
			client.provider.off('message', onMessage);
			resolve();
		};
		client.provider.on('message', onMessage);
	});
}

beforeEach(async () => {
	const tmp = tempDir();
	cleanup = tmp.cleanup;
	server = await startSyncServer({ databasePath: `${tmp.dir}/db.sqlite` });
	insertPlan(server.store, PLAN, ['so-tttt', 'bch-bdbp']);
});

afterEach(async () => {
	for (const c of clients.splice(0)) c.destroy();
	await server.close();
	cleanup();
});

describe('sync server access control', () => {
	it('rejects a connection without a valid session', async () => {
		const c = open(server.url, planDoc, 'not-a-token.secret');
		await expect(c.ready).rejects.toThrow(/authentication failed/);
	});

	it('rejects a document of an unknown plan or agency', async () => {
		const { token } = await userWithToken(server.store, { username: 'coord', role: 'coordinator' });
		await expect(open(server.url, 'plan/nope', token).ready).rejects.toThrow(/forbidden/);
		await expect(open(server.url, agencyDoc('unknown'), token).ready).rejects.toThrow(/forbidden/);
	});

	it('stores a coordinator write and shows it to other clients', async () => {
		const { token } = await userWithToken(server.store, { username: 'coord', role: 'coordinator' });
		const a = open(server.url, planDoc, token);
		const b = open(server.url, planDoc, token);
		await Promise.all([a.ready, b.ready]);
		a.doc.getMap('meta').set('title', 'Kế hoạch');
		await a.flushed();
		await waitFor(() => b.doc.getMap('meta').get('title') === 'Kế hoạch');
		expect(storedDoc(server.store, planDoc).getMap('meta').get('title')).toBe('Kế hoạch');
	});

	it("never stores or relays a viewer's write", async () => {
		const viewer = await userWithToken(server.store, { username: 'leader', role: 'viewer' });
		const coord = await userWithToken(server.store, { username: 'coord', role: 'coordinator' });
		const v = open(server.url, planDoc, viewer.token);
		const c = open(server.url, planDoc, coord.token);
		await Promise.all([v.ready, c.ready]);
		expect(v.provider.authorizedScope).toBe('readonly');
		const refused = refusal(v);
		v.doc.getMap('meta').set('title', 'hacked');
		await refused;
		// Refused, not merely slow: the coordinator's later write is stored and relayed...
		c.doc.getMap('meta').set('note', 'after');
		await c.flushed();
		await waitFor(() => v.doc.getMap('meta').get('note') === 'after');
		expect(storedDoc(server.store, planDoc).getMap('meta').get('note')).toBe('after');
		// ...and the viewer's, handled before it, is neither.
		expect(c.doc.getMap('meta').get('title')).toBeUndefined();
		expect(storedDoc(server.store, planDoc).getMap('meta').get('title')).toBeUndefined();
	});

	it("stores an officer's write to its own agency and never to another agency's", async () => {
		const officer = await userWithToken(server.store, {
			username: 'bdbp',
			role: 'officer',
			agencyId: 'bch-bdbp'
		});
		const own = open(server.url, agencyDoc('bch-bdbp'), officer.token);
		const other = open(server.url, agencyDoc('so-tttt'), officer.token);
		const plan = open(server.url, planDoc, officer.token);
		await Promise.all([own.ready, other.ready, plan.ready]);
		expect(own.provider.authorizedScope).toBe('read-write');
		expect(other.provider.authorizedScope).toBe('readonly');
		expect(plan.provider.authorizedScope).toBe('readonly');
		const refused = [refusal(other), refusal(plan)];
		own.doc.getMap('cards').set('t1', 'mine');
		other.doc.getMap('cards').set('t1', 'theirs');
		plan.doc.getMap('meta').set('title', 'changed');
		await own.flushed();
		await Promise.all(refused);
		expect(storedDoc(server.store, agencyDoc('bch-bdbp')).getMap('cards').get('t1')).toBe('mine');
		expect(storedDoc(server.store, agencyDoc('so-tttt')).getMap('cards').get('t1')).toBeUndefined();
		expect(storedDoc(server.store, planDoc).getMap('meta').get('title')).toBeUndefined();
	});

	it('rejects a foreign Origin at the upgrade', async () => {
		const status = await new Promise<number>((resolve) => {
			const ws = new WebSocket(server.url, { origin: 'http://evil.example' });
			ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
			ws.on('open', () => resolve(101));
		});
		expect(status).toBe(403);
	});

	it("closes a disabled user's open connection within seconds", async () => {
		const officer = await userWithToken(server.store, {
			username: 'ducco',
			role: 'officer',
			agencyId: 'so-tttt'
		});
		const c = open(server.url, agencyDoc('so-tttt'), officer.token);
		await c.ready;
		const closed = new Promise<number>((resolve) =>
			c.socket.on('close', ({ event }: { event: { code: number } }) => resolve(event.code))
		);
		server.store.users.update({ id: officer.userId, disabled: true });
		expect(await closed).toBe(4401);
	});

	it('makes a logged-out token useless and closes its socket', async () => {
		const coord = await userWithToken(server.store, { username: 'coord', role: 'coordinator' });
		const c = open(server.url, planDoc, coord.token);
		await c.ready;
		const closed = new Promise<number>((resolve) =>
			c.socket.on('close', ({ event }: { event: { code: number } }) => resolve(event.code))
		);
		server.store.sessions.delete(coord.sessionId);
		expect(server.sync.revokeSession(coord.sessionId)).toBe(1);
		expect(await closed).toBe(4401);
		await expect(open(server.url, planDoc, coord.token).ready).rejects.toThrow(
			/authentication failed/
		);
	});
});

describe('sync server input bounds', () => {
	it('closes only the socket that sends an oversized frame, storing nothing of it', async () => {
		await server.close();
		const tmp = tempDir();
		server = await startSyncServer({
			databasePath: `${tmp.dir}/db.sqlite`,
			maxPayloadBytes: 64 * 1024
		});
		insertPlan(server.store, PLAN, ['so-tttt']);
		const { token } = await userWithToken(server.store, { username: 'coord', role: 'coordinator' });
		const big = open(server.url, planDoc, token);
		const bystander = open(server.url, planDoc, token);
		await Promise.all([big.ready, bystander.ready]);
		const closed = new Promise<number>((resolve) =>
			big.socket.on('close', ({ event }: { event: { code: number } }) => resolve(event.code))
		);
		big.doc.getText('huge').insert(0, 'x'.repeat(200 * 1024));
		expect(await closed).toBe(1009);
		bystander.doc.getMap('meta').set('alive', true);
		await bystander.flushed();
		const stored = storedDoc(server.store, planDoc);
		expect(stored.getMap('meta').get('alive')).toBe(true);
		expect(stored.getText('huge').length).toBe(0);
		tmp.cleanup();
	});

	it('survives garbage frames and keeps serving others', async () => {
		const { token } = await userWithToken(server.store, { username: 'coord', role: 'coordinator' });
		const good = open(server.url, planDoc, token);
		await good.ready;
		const raw = new WebSocket(server.url);
		await new Promise((r) => raw.on('open', r));
		const closed = new Promise<[number, string]>((resolve) =>
			raw.on('close', (code, reason) => resolve([code, reason.toString()]))
		);
		for (let i = 0; i < 50; i++)
			raw.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, i, 0x00, 0x07]));
		raw.send(Buffer.from('plan/p1'));
		// The server closes the garbage socket itself: Hocuspocus answers a frame it cannot even
		// address to a document with its own 4401 "Unauthorized"...
		expect(await closed).toEqual([4401, 'Unauthorized']);
		// ...and keeps serving the good one.
		good.doc.getMap('meta').set('after', 1);
		await good.flushed();
		expect(storedDoc(server.store, planDoc).getMap('meta').get('after')).toBe(1);
	});
});

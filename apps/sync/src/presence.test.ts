import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	connect,
	insertPlan,
	sleep,
	startSyncServer,
	tempDir,
	userWithToken,
	type Client,
	type TestServer
} from '../../../tests/support/harness.js';

const PLAN_DOC = 'plan/p1';

let server: TestServer;
let cleanup: () => void;
const clients: Client[] = [];
const open = (token: string, doc?: Y.Doc) => {
	const c = connect({ url: server.url, document: PLAN_DOC, token, doc });
	clients.push(c);
	return c;
};
const awarenessOf = (c: Client) => {
	const a = c.provider.awareness;
	if (!a) throw new Error('the provider carries no awareness');
	return a;
};

beforeEach(async () => {
	const tmp = tempDir();
	cleanup = tmp.cleanup;
	server = await startSyncServer({ databasePath: `${tmp.dir}/db.sqlite` });
	insertPlan(server.store, 'p1', ['so-tttt', 'bch-bdbp']);
});

afterEach(async () => {
	for (const c of clients.splice(0)) c.destroy();
	await server.close();
	cleanup();
});

describe('presence on the sync server', () => {
	it("relays a viewer's presence under its own session identity, never the forged one", async () => {
		const coord = await userWithToken(server.store, {
			username: 'sotttt',
			role: 'coordinator',
			agencyId: 'so-tttt'
		});
		const viewer = await userWithToken(server.store, { username: 'lanhdao', role: 'viewer' });
		const c = open(coord.token);
		const v = open(viewer.token);
		await Promise.all([c.ready, v.ready]);

		awarenessOf(v).setLocalState({
			user: { id: coord.userId, name: 42, agencyId: 'so-tttt', color: 'url(https://evil)' },
			card: { agencyId: 'bch-bdbp', taskId: 't1' },
			typing: { agencyId: 'bch-bdbp', taskId: { $gt: '' }, field: 'notes' },
			style: 'background:url(https://evil)'
		});
		const vid = awarenessOf(v).clientID;
		await expect.poll(() => awarenessOf(c).getStates().get(vid), { timeout: 5000 }).toBeTruthy();
		expect(awarenessOf(c).getStates().get(vid)).toEqual({
			user: { id: viewer.userId, name: 'lanhdao', agencyId: null },
			card: { agencyId: 'bch-bdbp', taskId: 't1' },
			typing: null
		});
		const relayed = JSON.stringify([...awarenessOf(c).getStates()]);
		expect(relayed).not.toContain('evil');
		expect(relayed).not.toContain('"name":42');

		// The server is still serving both: a later edit from the coordinator reaches the viewer.
		c.doc.getMap('meta').set('probe', 'still-live');
		await c.flushed();
		await expect.poll(() => v.doc.getMap('meta').get('probe')).toBe('still-live');
	});

	it("drops an update that claims another connection's client id", async () => {
		const coord = await userWithToken(server.store, { username: 'sotttt', role: 'coordinator' });
		const viewer = await userWithToken(server.store, { username: 'lanhdao', role: 'viewer' });
		const officer = await userWithToken(server.store, {
			username: 'bdbp',
			role: 'officer',
			agencyId: 'bch-bdbp'
		});
		const c = open(coord.token);
		const o = open(officer.token);
		await Promise.all([c.ready, o.ready]);
		awarenessOf(c).setLocalStateField('card', { agencyId: 'so-tttt', taskId: 't9' });
		const cid = awarenessOf(c).clientID;
		await expect
			.poll(() => awarenessOf(o).getStates().get(cid)?.card?.taskId, { timeout: 5000 })
			.toBe('t9');

		// A document sharing the coordinator's client id: its awareness announces that id.
		const forgedDoc = new Y.Doc();
		forgedDoc.clientID = cid;
		const v = open(viewer.token, forgedDoc);
		await v.ready;
		// A higher clock than the coordinator's, so only the server's refusal keeps it out.
		for (let i = 0; i < 10; i++) {
			awarenessOf(v).setLocalState({ user: { id: coord.userId, name: 'x' }, card: null, i });
		}
		await sleep(400);
		const seen = awarenessOf(o).getStates().get(cid);
		expect(seen?.user).toEqual({ id: coord.userId, name: 'sotttt', agencyId: null });
		expect(seen?.card).toEqual({ agencyId: 'so-tttt', taskId: 't9' });
	});
});

import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	connect,
	insertPlan,
	startSyncServer,
	tempDir,
	userWithToken,
	type Client,
	type TestServer
} from '../../../tests/support/harness.js';

const PLAN = 'p1';
const planDoc = `plan/${PLAN}`;
const agencyDoc = (id: string) => `plan/${PLAN}/agency/${id}`;

let server: TestServer;
let cleanup: () => void;
const clients: Client[] = [];
const open = (document: string, token: string) => {
	const c = connect({ url: server.url, document, token });
	clients.push(c);
	return c;
};

/** A share link as the web app creates it: only the SHA-256 of the token is stored. */
function shareLink() {
	const token = randomBytes(24).toString('base64url');
	server.store.shareLinks.create({
		planId: PLAN,
		tokenHash: new Uint8Array(createHash('sha256').update(token).digest()),
		label: 'Họp giao ban',
		expiresAt: null,
		createdBy: null
	});
	return `share:${token}`;
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

describe('share links on the sync server', () => {
	it('refuses an active link every document of its own plan, and sends it nothing', async () => {
		const token = shareLink();
		const coord = await userWithToken(server.store, { username: 'coord', role: 'coordinator' });
		const c = open(agencyDoc('so-tttt'), coord.token);
		await c.ready;
		c.doc.getMap('cards').set('t1', 'ghi chú riêng của sở');
		await c.flushed();
		for (const document of [planDoc, agencyDoc('so-tttt'), agencyDoc('bch-bdbp')]) {
			const s = open(document, token);
			await expect(s.ready).rejects.toThrow(/forbidden/);
			expect(s.doc.getMap('cards').size).toBe(0);
		}
		await expect(open(planDoc, 'share:not-a-real-token').ready).rejects.toThrow(/forbidden/);
	});
});

import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
import { storedDoc } from '../../../tests/support/stored.js';

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
function shareLink(options: { planId?: string; expiresAt?: Date | null } = {}) {
	const token = randomBytes(24).toString('base64url');
	const id = server.store.shareLinks.create({
		planId: options.planId ?? PLAN,
		tokenHash: new Uint8Array(createHash('sha256').update(token).digest()),
		label: 'Họp giao ban',
		expiresAt: options.expiresAt ?? null,
		createdBy: null
	});
	return { id, token: `share:${token}` };
}

const closeCode = (c: Client) =>
	new Promise<number>((resolve) =>
		c.socket.on('close', ({ event }: { event: { code: number } }) => resolve(event.code))
	);

beforeEach(async () => {
	const tmp = tempDir();
	cleanup = tmp.cleanup;
	server = await startSyncServer({ databasePath: `${tmp.dir}/db.sqlite` });
	insertPlan(server.store, PLAN, ['so-tttt', 'bch-bdbp']);
	insertPlan(server.store, 'p2', ['so-tttt']);
});

afterEach(async () => {
	for (const c of clients.splice(0)) c.destroy();
	await server.close();
	cleanup();
});

describe('share links on the sync server', () => {
	it("reads the link's plan read-only, never stores its writes, and records the use", async () => {
		const link = shareLink();
		const coord = await userWithToken(server.store, { username: 'coord', role: 'coordinator' });
		const s = open(agencyDoc('so-tttt'), link.token);
		const c = open(agencyDoc('so-tttt'), coord.token);
		await Promise.all([s.ready, c.ready]);
		expect(s.provider.authorizedScope).toBe('readonly');
		s.doc.getMap('cards').set('t1', 'hacked');
		c.doc.getMap('cards').set('t2', 'live');
		await c.flushed();
		await expect.poll(() => s.doc.getMap('cards').get('t2')).toBe('live');
		await sleep(150);
		expect(storedDoc(server.store, agencyDoc('so-tttt')).getMap('cards').get('t1')).toBeUndefined();
		expect(server.store.shareLinks.list(PLAN)[0]?.lastUsedAt).not.toBeNull();
	});

	it('refuses other plans, unknown tokens and expired links', async () => {
		const link = shareLink();
		await expect(open('plan/p2', link.token).ready).rejects.toThrow(/forbidden/);
		await expect(open(planDoc, 'share:not-a-real-token').ready).rejects.toThrow(
			/authentication failed/
		);
		const expired = shareLink({ expiresAt: new Date(Date.now() - 1000) });
		await expect(open(planDoc, expired.token).ready).rejects.toThrow(/authentication failed/);
	});

	it('closes the open connections of a revoked link at once, and refuses it afterwards', async () => {
		const link = shareLink();
		const s = open(planDoc, link.token);
		await s.ready;
		const closed = closeCode(s);
		server.store.shareLinks.revoke(link.id);
		expect(server.sync.revokeSession(`share:${link.id}`)).toBe(1);
		expect(await closed).toBe(4401);
		await expect(open(planDoc, link.token).ready).rejects.toThrow(/authentication failed/);
	});

	it('closes a link revoked elsewhere within one sweep', async () => {
		const link = shareLink();
		const s = open(planDoc, link.token);
		await s.ready;
		const closed = closeCode(s);
		const started = Date.now();
		server.store.shareLinks.revoke(link.id);
		expect(await closed).toBe(4401);
		expect(Date.now() - started).toBeLessThan(2000);
	});
});

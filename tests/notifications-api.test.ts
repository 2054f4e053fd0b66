import { join } from 'node:path';
import { hashSecretToken, newSecretToken } from '@planboard/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startAppServer, type AppServer } from './support/app-server.js';
import { openTestStore } from './support/test-database.js';

let app: AppServer;
const tokens: Record<string, string> = {};

interface Listed {
	unread: number;
	items: {
		key: string;
		kind: string;
		read: boolean;
		coordinating?: boolean;
		agencies: { id: string }[];
	}[];
}

beforeAll(async () => {
	app = await startAppServer();
	for (const username of ['sotttt', 'bdbp']) {
		const res = await fetch(`${app.baseUrl}/api/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ username, password: DEMO_PASSWORD })
		});
		tokens[username] = ((await res.json()) as { token: string }).token;
	}
});

afterAll(async () => {
	await app?.stop();
});

const list = async (username: string): Promise<Listed> => {
	const res = await fetch(`${app.baseUrl}/api/notifications`, {
		headers: { authorization: `Bearer ${tokens[username]}` }
	});
	expect(res.status).toBe(200);
	return (await res.json()) as Listed;
};

const markRead = (username: string, body: unknown, contentType = 'application/json') =>
	fetch(`${app.baseUrl}/api/notifications/read`, {
		method: 'POST',
		headers: { authorization: `Bearer ${tokens[username]}`, 'content-type': contentType },
		body: JSON.stringify(body)
	});

describe('notifications API', () => {
	it("lists an officer's agency's overdue tasks (the 2024 plan is past) and a coordinator's for everyone", async () => {
		const officer = await list('bdbp');
		expect(officer.unread).toBeGreaterThan(0);
		expect(officer.unread).toBe(officer.items.length);
		for (const n of officer.items) {
			expect(n.kind).toBe('overdue');
			// Its own tasks name its agency; a task it coordinates names the leads still open.
			if (!n.coordinating) expect(n.agencies.map((a) => a.id)).toEqual(['bch-bdbp']);
			else expect(n.agencies.map((a) => a.id)).not.toContain('bch-bdbp');
		}
		expect(officer.items.some((n) => !n.coordinating)).toBe(true);
		const coordinator = await list('sotttt');
		expect(coordinator.items.length).toBeGreaterThan(officer.items.length);
		const keys = new Set(coordinator.items.map((n) => n.key));
		for (const n of officer.items) expect(keys).toContain(n.key);
		expect((await fetch(`${app.baseUrl}/api/notifications`)).status).toBe(401);
	});

	it('marks one read, then all, for that user only; refuses bad bodies', async () => {
		const before = await list('bdbp');
		const first = before.items[0].key;
		expect(await (await markRead('bdbp', { keys: [first, 'made-up:key'] })).json()).toEqual({
			marked: 1
		});
		const after = await list('bdbp');
		expect(after.unread).toBe(before.unread - 1);
		expect(after.items.find((n) => n.key === first)?.read).toBe(true);
		// Read marks are per user: the coordinator's same notification is still unread.
		expect((await list('sotttt')).items.find((n) => n.key === first)?.read).toBe(false);

		expect((await markRead('bdbp', { keys: 'all' })).status).toBe(400);
		expect((await markRead('bdbp', { all: true }, 'text/plain')).status).toBe(415);
		expect((await markRead('bdbp', { all: true })).status).toBe(200);
		expect((await list('bdbp')).unread).toBe(0);
	});

	it('serves the unsubscribe page without a session and says an unknown link is not valid', async () => {
		const url = `${app.baseUrl}/unsubscribe/${'A'.repeat(43)}`;
		const page = await fetch(url);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Ngừng nhận thư nhắc việc');
		const res = await fetch(url, {
			method: 'POST',
			headers: {
				origin: app.baseUrl,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: ''
		});
		expect(res.status).toBe(404);
		expect(await res.text()).toContain('Liên kết này không hợp lệ.');
	});

	it('unsubscribes by RFC 8058 one-click: a POST without session, Origin or form of ours; a GET only asks', async () => {
		// A digest as the scheduler records it, with its unsubscribe token, in the server's database.
		const store = openTestStore({ path: join(app.dataDir, 'planboard.db') });
		const officer = store.users.list().find((u) => u.username === 'bdbp')!;
		const reader = () => store.users.get(officer.id)!;
		const token = newSecretToken();
		try {
			store.users.update({ id: officer.id, email: 'bdbp@bienphong.gialai.gov.vn' });
			expect(
				store.notifications.claimDigest({
					userId: officer.id,
					day: '2024-12-01',
					unsubscribeHash: hashSecretToken(token)
				})
			).toBe(true);
			expect(reader().emailDigest).toBe(true);
			const url = `${app.baseUrl}/unsubscribe/${token}`;
			// A link scanner's GET shows the question and changes nothing.
			const page = await fetch(url);
			expect(page.status).toBe(200);
			expect(await page.text()).toContain('Ngừng nhận thư nhắc việc');
			expect(reader().emailDigest).toBe(true);
			// The mail provider's one-click POST, from its own servers.
			const oneClick = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: 'List-Unsubscribe=One-Click'
			});
			expect(oneClick.status).toBe(200);
			expect(reader().emailDigest).toBe(false);
			// The same exemption for no other page: a cross-site form elsewhere is still refused.
			const forged = await fetch(`${app.baseUrl}/logout`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: ''
			});
			expect(forged.status).toBe(403);
		} finally {
			store.close();
		}
	});
});

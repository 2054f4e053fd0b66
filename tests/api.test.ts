import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connect, type Client } from './support/harness.js';
import { DEMO_PASSWORD, startAppServer, type AppServer } from './support/app-server.js';

let app: AppServer;
const bodies: string[] = [];
const clients: Client[] = [];

beforeAll(async () => {
	app = await startAppServer();
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await app?.stop();
});

async function call(path: string, init: RequestInit & { token?: string } = {}) {
	const headers = new Headers(init.headers);
	if (init.token) headers.set('authorization', `Bearer ${init.token}`);
	if (init.body) headers.set('content-type', 'application/json');
	const res = await fetch(`${app.baseUrl}${path}`, { ...init, headers });
	const text = await res.text();
	bodies.push(text);
	return { res, text, json: () => JSON.parse(text) };
}

const login = (username: string, password: string) =>
	call('/api/login', { method: 'POST', body: JSON.stringify({ username, password }) });

describe('the HTTP API', () => {
	it('logs in with JSON and answers the documented shape with a session cookie', async () => {
		const { res, json } = await login('bdbp', DEMO_PASSWORD);
		expect(res.status).toBe(200);
		const body = json();
		expect(body.token).toMatch(/^[a-z0-9]+\.[a-z0-9]+$/);
		expect(body.user).toEqual({
			id: expect.any(String),
			username: 'bdbp',
			displayName: 'Cán bộ Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
			role: 'officer',
			agencyId: 'bch-bdbp'
		});
		const cookie = res.headers.get('set-cookie') ?? '';
		expect(cookie).toMatch(/^planboard_session=/);
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).toMatch(/Path=\//);
		expect(cookie).not.toMatch(/Secure/i);
	});

	it('gives a new token at every login', async () => {
		const a = (await login('lanhdao', DEMO_PASSWORD)).json().token;
		const b = (await login('lanhdao', DEMO_PASSWORD)).json().token;
		expect(a).not.toBe(b);
	});

	it('answers any wrong username or password with the same generic 401', async () => {
		const wrong = await login('sotttt', 'not-the-password');
		const unknown = await login('nobody-here', 'not-the-password');
		expect(wrong.res.status).toBe(401);
		expect(unknown.res.status).toBe(401);
		expect(wrong.json().message).toBe(unknown.json().message);
	});

	it('rate-limits after the documented 5 attempts with 429, a Vietnamese message and a retry time', async () => {
		// Attempts 1-5 are checked (and wrong); the 6th is refused before any check.
		for (let i = 1; i <= 5; i++)
			expect((await login('ducco', `wrong-password-${i}`)).res.status).toBe(401);
		const last = await login('ducco', 'wrong-password-6');
		expect(last.res.status).toBe(429);
		const retryAfter = Number(last.res.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThan(0);
		expect(retryAfter).toBeLessThanOrEqual(15 * 60);
		expect(last.json().retryAfterSeconds).toBe(retryAfter);
		expect(last.json().message).toMatch(/thử lại sau \d+ phút/);
		// Even the right password waits out the limit.
		expect((await login('ducco', DEMO_PASSWORD)).res.status).toBe(429);
	});

	it('lists plans and describes a board for a bearer token, and refuses without one', async () => {
		expect((await call('/api/plans')).res.status).toBe(401);
		const { token } = (await login('sotttt', DEMO_PASSWORD)).json();
		const plans = (await call('/api/plans', { token })).json();
		expect(plans).toEqual([
			{ id: 'gia-lai-2024', title: expect.stringContaining('thông tin đối ngoại'), year: 2024 }
		]);
		const plan = (await call('/api/plans/gia-lai-2024', { token })).json();
		expect(plan.documents.plan).toBe('plan/gia-lai-2024');
		expect(plan.documents.agencies['so-tttt']).toBe('plan/gia-lai-2024/agency/so-tttt');
		expect(plan.agencies).toContainEqual({
			id: 'bch-bdbp',
			name: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
			shortName: expect.any(String),
			kind: 'armed'
		});
		expect((await call('/api/plans/nope', { token })).res.status).toBe(404);
	});

	it('makes the old token useless after logout, over HTTP and WebSocket', async () => {
		const { token } = (await login('sotttt', DEMO_PASSWORD)).json();
		const url = `ws://127.0.0.1:${new URL(app.baseUrl).port}/collab`;
		const live = connect({ url, document: 'plan/gia-lai-2024', token });
		clients.push(live);
		await live.ready;
		const closed = new Promise<number>((resolve) =>
			live.socket.on('close', ({ event }: { event: { code: number } }) => resolve(event.code))
		);
		const logout = { method: 'POST', token, headers: { 'content-type': 'application/json' } };
		expect((await call('/api/logout', logout)).res.status).toBe(200);
		expect(await closed).toBe(4401);
		expect((await call('/api/plans', { token })).res.status).toBe(401);
		const again = connect({ url, document: 'plan/gia-lai-2024', token });
		clients.push(again);
		await expect(again.ready).rejects.toThrow(/authentication failed/);
	});

	it('accepts the session cookie on a same-origin WebSocket and rejects a foreign Origin', async () => {
		const res = await login('lanhdao', DEMO_PASSWORD);
		const cookie = (res.res.headers.get('set-cookie') ?? '').split(';')[0];
		const port = new URL(app.baseUrl).port;
		const upgrade = (origin: string) =>
			new Promise<number>((resolve) => {
				const ws = new WebSocket(`ws://127.0.0.1:${port}/collab`, { origin, headers: { cookie } });
				ws.on('unexpected-response', (_req, r) => resolve(r.statusCode ?? 0));
				ws.on('open', () => {
					ws.close();
					resolve(101);
				});
			});
		expect(await upgrade(`http://127.0.0.1:${port}`)).toBe(101);
		expect(await upgrade('http://evil.example')).toBe(403);
	});

	it('never shows a password hash in any response or log line', async () => {
		// Its own calls, whatever ran before: every kind of answer that names a user.
		const { token } = (await login('admin', DEMO_PASSWORD)).json();
		await login('admin', 'wrong-password');
		await call('/api/plans', { token });
		await call('/api/plans/gia-lai-2024', { token });
		await call('/api/logout', {
			method: 'POST',
			token,
			headers: { 'content-type': 'application/json' }
		});
		expect(bodies.length).toBeGreaterThanOrEqual(5);
		for (const body of bodies) expect(body).not.toMatch(/\$argon2/);
		expect(app.server.output.join('')).not.toMatch(/\$argon2|planboard-demo/);
	});
});

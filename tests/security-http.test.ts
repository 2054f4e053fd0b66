import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEMO_PASSWORD, startAppServer, type AppServer } from './support/app-server.js';
import { ClientWebSocket } from './support/client-websocket.js';
import { authFrame } from './support/raw-session.js';
import { openTestStore } from './support/test-database.js';

/**
 * Issue 13, items 4, 5 and 8, against the server `npm start` runs (child process, real SQLite,
 * real Argon2): each test sends the attack the security review sent.
 */
let app: AppServer;

beforeAll(async () => {
	app = await startAppServer();
});

afterAll(async () => {
	await app?.stop();
});

const json = (body: unknown, headers: Record<string, string> = {}) => ({
	method: 'POST',
	headers: { 'content-type': 'application/json', ...headers },
	body: JSON.stringify(body)
});

async function apiLogin(username: string, password = DEMO_PASSWORD) {
	const res = await fetch(`${app.baseUrl}/api/login`, json({ username, password }));
	const body = (await res.json()) as { token?: string };
	const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
	return { status: res.status, token: body.token ?? '', cookie };
}

describe('login rate limit (item 4)', () => {
	it('checks at most 5 of 30 concurrent wrong passwords for one username; the rest get 429', async () => {
		const results = await Promise.all(
			Array.from({ length: 30 }, (_, i) =>
				fetch(`${app.baseUrl}/api/login`, json({ username: 'bdbp', password: `sai-mat-khau-${i}` }))
			)
		);
		const statuses = results.map((r) => r.status);
		expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25);
		expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
		const limited = results.find((r) => r.status === 429)!;
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		// The right password waits out the window too: the count was not lost in the race.
		expect((await apiLogin('bdbp')).status).toBe(429);
	});
});

describe('redirect after login (item 5)', () => {
	const loginForm = (next: string) =>
		fetch(`${app.baseUrl}/login?next=${encodeURIComponent(next)}`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html',
				origin: app.baseUrl
			},
			body: new URLSearchParams({ username: 'lanhdao', password: DEMO_PASSWORD }).toString()
		});

	it.each([
		'/\\evil.example',
		'//evil.example',
		'///evil.example',
		'https://evil.example',
		'/%5Cevil.example',
		'/./\\evil.example',
		'\\\\evil.example',
		'javascript:alert(document.cookie)',
		'data:text/html,<script>alert(1)</script>'
	])('%s: stays on this site', async (next) => {
		const res = await loginForm(next);
		expect(res.status).toBe(303);
		const location = res.headers.get('location') ?? '';
		expect(location.startsWith('/')).toBe(true);
		expect(location).not.toMatch(/^\/[/\\]/);
		expect(new URL(location, app.baseUrl).origin).toBe(app.baseUrl);
	});

	it('sends the language switch back only to a page of this site, whatever the Referer', async () => {
		for (const referer of [
			`${app.baseUrl}//evil.example/x`,
			`${app.baseUrl}/./\\evil.example`,
			'https://evil.example/'
		]) {
			const res = await fetch(`${app.baseUrl}/lang`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'text/html',
					origin: app.baseUrl,
					referer
				},
				body: 'lang=en'
			});
			expect(res.status, referer).toBe(303);
			const location = res.headers.get('location') ?? '';
			expect(location, referer).toMatch(/^\/(?![/\\])/);
		}
	});

	it('still follows a path of this site', async () => {
		const res = await loginForm('/plans/gia-lai-2024?agency=bch-bdbp');
		expect(res.headers.get('location')).toBe('/plans/gia-lai-2024?agency=bch-bdbp');
	});
});

describe('state-changing API calls (item 8)', () => {
	it('refuses a cross-site POST /api/logout without JSON, and the session survives', async () => {
		const { cookie } = await apiLogin('sotttt');
		const crossSite: Record<string, string>[] = [
			{ cookie, origin: 'http://evil.example' },
			{ cookie, origin: 'http://evil.example', 'content-type': 'text/plain' }
		];
		for (const headers of crossSite) {
			const res = await fetch(`${app.baseUrl}/api/logout`, { method: 'POST', headers });
			expect([403, 415]).toContain(res.status);
		}
		const noType = await fetch(`${app.baseUrl}/api/logout`, {
			method: 'POST',
			headers: { cookie }
		});
		expect(noType.status).toBe(415);
		expect((await fetch(`${app.baseUrl}/api/plans`, { headers: { cookie } })).status).toBe(200);
		const real = await fetch(`${app.baseUrl}/api/logout`, json({}, { cookie }));
		expect(real.status).toBe(200);
		expect((await fetch(`${app.baseUrl}/api/plans`, { headers: { cookie } })).status).toBe(401);
	});

	it('lets a multipart plan upload through only with a session and the same origin or a bearer token', async () => {
		const upload = (headers: Record<string, string>) => {
			const form = new FormData();
			form.set('file', new Blob(['KẾ HOẠCH\n'], { type: 'text/plain' }), 'ke-hoach.txt');
			return fetch(`${app.baseUrl}/api/plans?dryRun=1`, { method: 'POST', headers, body: form });
		};
		const { cookie, token } = await apiLogin('sotttt');
		expect((await upload({ origin: app.baseUrl })).status).toBe(401);
		expect((await upload({ authorization: 'Bearer not.a-token' })).status).toBe(401);
		expect((await upload({ cookie, origin: 'http://evil.example' })).status).toBe(403);
		expect((await upload({ cookie })).status).toBe(403);
		// Past the guard: whatever the route answers, it is not the guard's refusal.
		const allowed: Record<string, string>[] = [
			{ cookie, origin: app.baseUrl },
			{ authorization: `Bearer ${token}` }
		];
		for (const headers of allowed) {
			expect([401, 403, 415]).not.toContain((await upload(headers)).status);
		}
		// Any other /api route with a form body is refused.
		const other = new FormData();
		other.set('label', 'x');
		const res = await fetch(`${app.baseUrl}/api/plans/gia-lai-2024/links`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}` },
			body: other
		});
		expect(res.status).toBe(415);
	});

	it('ends a session at its absolute lifetime even while it is in use', async () => {
		const { token } = await apiLogin('lanhdao');
		const auth = { authorization: `Bearer ${token}` };
		expect((await fetch(`${app.baseUrl}/api/plans`, { headers: auth })).status).toBe(200);
		// As if the login had happened 31 days ago; the sliding expiry alone would keep it.
		const store = openTestStore({ path: `${app.dataDir}/planboard.db` });
		try {
			const session = store.sessions.get(token.split('.')[0])!;
			store.sessions.delete(session.id);
			store.sessions.insert({ ...session, createdAt: new Date(Date.now() - 31 * 86_400_000) });
		} finally {
			store.close();
		}
		expect((await fetch(`${app.baseUrl}/api/plans`, { headers: auth })).status).toBe(401);
	});
});

describe('the sync endpoint (item 8)', () => {
	const port = () => new URL(app.baseUrl).port;

	it('compares the scheme of a browser Origin, not only its host', async () => {
		const { cookie } = await apiLogin('lanhdao');
		const upgrade = (origin: string) =>
			new Promise<number>((resolve) => {
				const ws = new WebSocket(`ws://127.0.0.1:${port()}/collab`, {
					origin,
					headers: { cookie }
				});
				ws.on('unexpected-response', (_req, r) => resolve(r.statusCode ?? 0));
				ws.on('open', () => {
					ws.close();
					resolve(101);
				});
			});
		expect(await upgrade(`http://127.0.0.1:${port()}`)).toBe(101);
		expect(await upgrade(`https://127.0.0.1:${port()}`)).toBe(403);
	});

	it('logs a 2 MB document name in a short line', async () => {
		const name = `plan/${'x'.repeat(2 * 1024 * 1024)}`;
		const ws = new ClientWebSocket(`ws://127.0.0.1:${port()}/collab`);
		await new Promise((resolve) => ws.once('open', resolve));
		ws.send(authFrame(name, 'not-a-token'));
		const logged = () =>
			app.server.output
				.join('')
				.split('\n')
				.filter((l) => l.includes('ws.auth_failed'));
		const deadline = Date.now() + 5000;
		while (logged().length === 0 && Date.now() < deadline)
			await new Promise((r) => setTimeout(r, 50));
		ws.close();
		expect(logged().length).toBeGreaterThan(0);
		const longest = Math.max(
			...app.server.output
				.join('')
				.split('\n')
				.map((l) => l.length)
		);
		expect(longest).toBeLessThan(8 * 1024);
	});
});

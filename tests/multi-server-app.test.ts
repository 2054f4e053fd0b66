// Two built web servers (what `npm start` runs) on one data directory, relaying through a real
// redis-server (issue 19): one SQLite file opened by two processes, the login limit counted once
// for both, a logout and a share-link revocation through one server reaching the other's sockets
// and streams.
import { readCards, setStatus, type TaskId } from '@planboard/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Client } from './support/harness.js';
import {
	login,
	startAppServer,
	startAppServerBeside,
	type AppServer
} from './support/app-server.js';
import { startRedis, type RedisHarness } from './support/redis.js';
import { sseReader, statusOf } from './support/sse.js';

const PLAN = 'gia-lai-2024';
let redis: RedisHarness;
let a: AppServer;
let b: AppServer;
const clients: Client[] = [];

beforeAll(async () => {
	redis = await startRedis();
	const env = { PLANBOARD_REDIS_URL: redis.url, PLANBOARD_LOGIN_MAX_ATTEMPTS: '3' };
	a = await startAppServer(env);
	b = await startAppServerBeside(a, env);
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await b?.stop();
	await a?.stop();
	await redis?.close();
});

const wsUrl = (app: AppServer) => `ws://127.0.0.1:${new URL(app.baseUrl).port}/collab`;
const attempt = (app: AppServer, password: string) =>
	fetch(`${app.baseUrl}/api/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username: 'ducco', password })
	}).then((res) => res.status);

describe('two web servers on one database and one Redis', () => {
	it('both open the one SQLite file and report Redis up', async () => {
		for (const app of [a, b]) {
			const res = await fetch(`${app.baseUrl}/healthz`);
			expect(res.status).toBe(200);
			expect(await res.json()).toEqual({
				ok: true,
				status: 'ok',
				dependencies: { database: 'up', redis: 'up' }
			});
		}
		// A board seeded by A's `planboard init` is listed by B.
		const { token } = await login(b, 'sotttt');
		const plans = await fetch(`${b.baseUrl}/api/plans`, {
			headers: { authorization: `Bearer ${token}` }
		});
		expect(JSON.stringify(await plans.json())).toContain(PLAN);
	});

	it('counts failed logins once for both servers', async () => {
		expect(await attempt(a, 'wrong-1')).toBe(401);
		expect(await attempt(b, 'wrong-2')).toBe(401);
		expect(await attempt(a, 'wrong-3')).toBe(401);
		// Three attempts were used up across both: the fourth is refused on either server.
		expect(await attempt(b, 'wrong-4')).toBe(429);
		expect(await attempt(a, 'planboard-demo')).toBe(429);
	});

	it('a logout through A closes the session’s socket on B', async () => {
		const coord = await login(a, 'sotttt');
		const onB = connect({ url: wsUrl(b), document: `plan/${PLAN}`, token: coord.token });
		clients.push(onB);
		await onB.ready;
		const closed = new Promise<number>((resolve) =>
			onB.socket.on('close', ({ event }: { event: { code: number } }) => resolve(event.code))
		);
		const res = await fetch(`${a.baseUrl}/api/logout`, {
			method: 'POST',
			headers: { authorization: `Bearer ${coord.token}`, 'content-type': 'application/json' }
		});
		expect(res.status).toBeLessThan(300);
		expect(await closed).toBe(4401);
	});

	it('a share stream on B follows edits made through A, where B has no document open', async () => {
		const coord = await login(a, 'sotttt');
		const officer = await login(a, 'bdbp');
		const created = await fetch(`${a.baseUrl}/api/plans/${PLAN}/links`, {
			method: 'POST',
			headers: { authorization: `Bearer ${coord.token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ label: 'Màn hình phòng họp' })
		});
		const link = (await created.json()) as { id: string; token: string };
		const stream = await fetch(`${b.baseUrl}/share/${link.token}/events`);
		const events = sseReader(stream.body as ReadableStream<Uint8Array>);
		expect((await events.next())?.event).toBe('progress');

		const writer = connect({
			url: wsUrl(a),
			document: `plan/${PLAN}/agency/bch-bdbp`,
			token: officer.token
		});
		clients.push(writer);
		await writer.ready;
		const taskId = readCards(writer.doc)[0]?.taskId as TaskId;
		expect(taskId).toBeTruthy();
		setStatus(writer.doc, { taskId, status: 'done', by: officer.user.id });
		await writer.flushed();
		let live = await events.next();
		while (live?.event === 'progress' && statusOf(live.data, taskId) !== 'done') {
			live = await events.next();
		}
		expect(live?.event).toBe('progress');
		await events.cancel();
	});

	it('a share link revoked through A ends its stream on B', async () => {
		const coord = await login(a, 'sotttt');
		const created = await fetch(`${a.baseUrl}/api/plans/${PLAN}/links`, {
			method: 'POST',
			headers: { authorization: `Bearer ${coord.token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ label: 'Họp giao ban' })
		});
		expect(created.status).toBe(201);
		const link = (await created.json()) as { id: string; token: string };
		const stream = await fetch(`${b.baseUrl}/share/${link.token}/events`);
		expect(stream.status).toBe(200);
		const events = sseReader(stream.body as ReadableStream<Uint8Array>);
		expect((await events.next())?.event).toBe('progress');

		const revoked = await fetch(`${a.baseUrl}/api/plans/${PLAN}/links/${link.id}`, {
			method: 'DELETE',
			headers: { authorization: `Bearer ${coord.token}`, 'content-type': 'application/json' }
		});
		expect(revoked.status).toBe(204);
		let last = await events.next();
		while (last?.event === 'progress') last = await events.next();
		expect(last?.event).toBe('ended');
		expect(await events.next()).toBeNull();
	});
});

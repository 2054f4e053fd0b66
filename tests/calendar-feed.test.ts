import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startAppServer, type AppServer } from './support/app-server.js';

let app: AppServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
	app = await startAppServer();
	for (const username of ['sotttt', 'bdbp']) tokens[username] = (await login(app, username)).token;
});

afterAll(async () => {
	await app?.stop();
});

const api = (username: string | null, method = 'GET') =>
	fetch(`${app.baseUrl}/api/calendar`, {
		method,
		headers: {
			...(username ? { authorization: `Bearer ${tokens[username]}` } : {}),
			...(method === 'POST' ? { 'content-type': 'application/json' } : {})
		},
		body: method === 'POST' ? '{}' : undefined
	});

async function newFeed(username: string): Promise<string> {
	const res = await api(username, 'POST');
	expect(res.status).toBe(201);
	const { url } = (await res.json()) as { url: string };
	expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
	return url;
}

/** The feed as Thunderbird's parser (ical.js) reads it: uid, summary and day of each event. */
async function read(url: string) {
	const res = await fetch(url);
	expect(res.status).toBe(200);
	expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
	const root = new ICAL.Component(ICAL.parse(await res.text()));
	expect(root.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Ho_Chi_Minh');
	return root.getAllSubcomponents('vevent').map((v) => {
		const e = new ICAL.Event(v);
		expect(e.startDate.isDate).toBe(true);
		return { uid: e.uid, summary: e.summary, day: e.startDate.toString() };
	});
}

describe('the calendar feed', () => {
	it("gives an officer their agency's deadlines and a coordinator everyone's, with the reporting deadlines", async () => {
		const all = await read(await newFeed('sotttt'));
		const own = await read(await newFeed('bdbp'));
		const tasks = (events: typeof all) => events.filter((e) => e.summary.startsWith('Hạn: '));
		const reports = (events: typeof all) => events.filter((e) => e.summary.startsWith('Báo cáo: '));
		expect(tasks(own).length).toBeGreaterThan(0);
		expect(tasks(own).length).toBeLessThan(tasks(all).length);
		for (const e of tasks(own)) expect(tasks(all).map((a) => a.uid)).toContain(e.uid);
		expect(reports(own)).toEqual(reports(all));
		// The Gia Lai plan asks every agency to report to Sở TT&TT before 10/11/2024.
		expect(reports(all).map((e) => e.day)).toContain('2024-11-10');
	});

	it('stops the old address on reset and the feed when turned off; a session is needed to manage it', async () => {
		const first = await newFeed('bdbp');
		await read(first);
		const second = await newFeed('bdbp');
		expect((await fetch(first)).status).toBe(404);
		await read(second);
		expect(await (await api('bdbp')).json()).toMatchObject({ active: true });
		expect((await api('bdbp', 'DELETE')).status).toBe(204);
		expect((await fetch(second)).status).toBe(404);
		expect(await (await api('bdbp')).json()).toMatchObject({ active: false });
		expect((await api(null, 'POST')).status).toBe(401);
		expect((await fetch(`${app.baseUrl}/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
		expect((await fetch(`${app.baseUrl}/calendar/not-a-token.ics`)).status).toBe(404);
	});
});

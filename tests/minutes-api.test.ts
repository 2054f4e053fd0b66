import { newAgendaItem, readMeeting, readTasks, startMeeting, updateTask } from '@planboard/model';
import { readPackageParts } from '@planboard/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login as signIn, startAppServer, type AppServer } from './support/app-server.js';
import { connect, type Client } from './support/harness.js';

const PLAN = 'gia-lai-2024';
let app: AppServer;

beforeAll(async () => {
	app = await startAppServer();
});

afterAll(async () => {
	await app?.stop();
});

const login = (username: string) => signIn(app, username);

const api = (path: string, token?: string, body?: unknown) =>
	fetch(`${app.baseUrl}/api/plans/${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: {
			...(token ? { authorization: `Bearer ${token}` } : {}),
			...(body === undefined ? {} : { 'content-type': 'application/json' })
		},
		...(body === undefined ? {} : { body: JSON.stringify(body) })
	});

describe('/api/plans/<id>/minutes', () => {
	it('issues the minutes of the meeting on the board once, from its stored history, and serves them to those who may export', async () => {
		const coord = await login('sotttt');
		const viewer = await login('lanhdao');
		const officer = await login('bdbp');
		let client: Client | null = null;
		try {
			client = connect({
				url: `${app.baseUrl.replace(/^http/, 'ws')}/collab`,
				document: `plan/${PLAN}`,
				token: coord.token
			});
			await client.ready;
			const doc = client.doc;
			const task = readTasks(doc)[0];
			const meetingId = startMeeting(doc, {
				place: 'Hội trường Sở',
				agenda: [newAgendaItem('task', task.id)],
				presenter: { id: coord.user.id, name: 'Chủ trì' },
				by: coord.user.id
			});
			updateTask(doc, { taskId: task.id, timeframe: 'Quý IV/2024', by: coord.user.id });
			await client.flushed();

			// Only a writer of the plan document ends a meeting; nothing is stored otherwise.
			expect((await api(`${PLAN}/minutes`, officer.token, { meetingId })).status).toBe(403);
			expect((await api(`${PLAN}/minutes`, viewer.token, { meetingId })).status).toBe(403);
			expect((await api(`${PLAN}/minutes`, coord.token, { meetingId: 'other' })).status).toBe(409);
			expect((await api(`${PLAN}/minutes`, coord.token, {})).status).toBe(400);
			expect(await (await api(`${PLAN}/minutes`, viewer.token)).json()).toEqual([]);

			const issued = await api(`${PLAN}/minutes`, coord.token, { meetingId });
			expect(issued.status).toBe(201);
			const minutes = (await issued.json()) as { id: string; meetingId: string };
			expect(minutes.meetingId).toBe(meetingId);
			// Ending it again (a second coordinator's tab) returns the same minutes.
			const again = await api(`${PLAN}/minutes`, coord.token, { meetingId });
			expect(again.status).toBe(200);
			expect(((await again.json()) as { id: string }).id).toBe(minutes.id);
			expect(readMeeting(doc)?.id).toBe(meetingId);

			const list = (await (await api(`${PLAN}/minutes`, viewer.token)).json()) as { id: string }[];
			expect(list.map((m) => m.id)).toEqual([minutes.id]);
			const file = await api(`${PLAN}/minutes/${minutes.id}`, viewer.token);
			expect(file.status).toBe(200);
			expect(file.headers.get('content-type')).toBe(
				'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
			);
			const xml = readPackageParts(new Uint8Array(await file.arrayBuffer()))['word/document.xml'];
			expect(xml).toContain('BIÊN BẢN');
			expect(xml).toContain('Hội trường Sở');
			expect(xml).toContain('thành “Quý IV/2024”');

			// Refused as the exports are: officers and anonymous callers; unknown ids are not found.
			expect((await api(`${PLAN}/minutes`, officer.token)).status).toBe(403);
			expect((await api(`${PLAN}/minutes/${minutes.id}`, officer.token)).status).toBe(403);
			expect((await api(`${PLAN}/minutes`)).status).toBe(401);
			expect((await api(`${PLAN}/minutes/nope`, viewer.token)).status).toBe(404);
			expect((await api(`no-such-plan/minutes/${minutes.id}`, viewer.token)).status).toBe(404);
		} finally {
			client?.destroy();
		}
	});
});

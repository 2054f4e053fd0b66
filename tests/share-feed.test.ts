import { addUpdateEntry, cardNotesText, readCards, setStatus, type TaskId } from '@planboard/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Client } from './support/harness.js';
import { login as signIn, startAppServer, type AppServer } from './support/app-server.js';
import { sseReader, statusOf } from './support/sse.js';

const PLAN = 'gia-lai-2024';
const BDBP_DOC = `plan/${PLAN}/agency/bch-bdbp`;
/** Written into the officer's agency document; none of it may reach a share link. */
const NOTE = 'GHI-CHU-NOI-BO-7f3a: số liệu chưa công bố';
const UPDATE = 'CAP-NHAT-NOI-BO-91c2: đã gặp đối tác';
const AUTHOR = 'Tác Giả Bí Mật Zx9';
const SECRETS = [NOTE, UPDATE, AUTHOR, 'GHI-CHU-NOI-BO', 'CAP-NHAT-NOI-BO', 'Bí Mật Zx9'];

let app: AppServer;
const clients: Client[] = [];
const wsUrl = () => `ws://127.0.0.1:${new URL(app.baseUrl).port}/collab`;

beforeAll(async () => {
	app = await startAppServer();
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await app?.stop();
});

const login = (username: string) => signIn(app, username);

describe('a share link reads only what the progress board shows', () => {
	it('gets no document over /collab, and no notes, update entries or authors over HTTP', async () => {
		const coord = await login('sotttt');
		const officer = await login('bdbp');
		const created = await fetch(`${app.baseUrl}/api/plans/${PLAN}/links`, {
			method: 'POST',
			headers: { authorization: `Bearer ${coord.token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ label: 'Họp giao ban' })
		});
		expect(created.status).toBe(201);
		const link = (await created.json()) as { id: string; token: string };

		// The officer writes private notes and an update entry into its own agency document.
		const writer = connect({ url: wsUrl(), document: BDBP_DOC, token: officer.token });
		clients.push(writer);
		await writer.ready;
		const taskId = readCards(writer.doc)[0]?.taskId as TaskId;
		expect(taskId).toBeTruthy();
		cardNotesText(writer.doc, taskId).insert(0, NOTE);
		addUpdateEntry(writer.doc, {
			taskId,
			text: UPDATE,
			authorId: officer.user.id,
			authorName: AUTHOR
		});
		await writer.flushed();

		// Over /collab the link opens neither the plan document nor any agency document.
		for (const document of [`plan/${PLAN}`, BDBP_DOC, `plan/${PLAN}/agency/so-tttt`]) {
			const s = connect({ url: wsUrl(), document, token: `share:${link.token}` });
			clients.push(s);
			await expect(s.ready).rejects.toThrow(/forbidden/);
			expect(JSON.stringify(s.doc.toJSON())).not.toContain('GHI-CHU');
		}

		// The page and its live stream carry the figures, and none of the private text.
		const page = await fetch(`${app.baseUrl}/share/${link.token}`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('data-testid="progress-page"');
		for (const s of SECRETS) expect(html).not.toContain(s);

		const stream = await fetch(`${app.baseUrl}/share/${link.token}/events`);
		expect(stream.status).toBe(200);
		expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
		const events = sseReader(stream.body as ReadableStream<Uint8Array>);
		const first = await events.next();
		expect(first?.event).toBe('progress');
		expect(statusOf(first?.data ?? '{}', taskId)).not.toBe('done');

		// An officer's status change reaches the stream as a new snapshot.
		setStatus(writer.doc, { taskId, status: 'done', by: officer.user.id });
		cardNotesText(writer.doc, taskId).insert(0, 'GHI-CHU-NOI-BO thêm ');
		await writer.flushed();
		let live = await events.next();
		while (live?.event === 'progress' && statusOf(live.data, taskId) !== 'done') {
			live = await events.next();
		}
		expect(live?.event).toBe('progress');
		const everything = events.raw.join('');
		for (const s of SECRETS) expect(everything).not.toContain(s);
		expect(everything).not.toMatch(/"(notes|updates|authorName|authorId|updatedBy)"/);

		// Revoking the link ends the open stream at once, and a reconnect is refused.
		const revoked = await fetch(`${app.baseUrl}/api/plans/${PLAN}/links/${link.id}`, {
			method: 'DELETE',
			headers: { authorization: `Bearer ${coord.token}`, 'content-type': 'application/json' }
		});
		expect(revoked.status).toBe(204);
		let last = await events.next();
		while (last?.event === 'progress') last = await events.next();
		expect(last?.event).toBe('ended');
		expect(await events.next()).toBeNull();
		expect((await fetch(`${app.baseUrl}/share/${link.token}/events`)).status).toBe(410);
	});
});

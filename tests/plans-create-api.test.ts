import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { readCards } from '@planboard/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Client } from './support/harness.js';
import { DEMO_PASSWORD, login, startAppServer, type AppServer } from './support/app-server.js';
import { storedRows } from './support/stored.js';
import { openTestStore } from './support/test-database.js';

const PLAN_FILE = readFileSync(
	new URL('../packages/boards/src/fixtures/bien-gioi-2025.txt', import.meta.url)
);
const ID = 'tuyen-truyen-ve-chu-quyen-bien-gioi-quoc-gia-2025';
const LE_THANH = 'Đồn Biên phòng Cửa khẩu quốc tế Lệ Thanh';
const MiB = 1024 * 1024;

let app: AppServer;
const tokens: Record<string, string> = {};
const clients: Client[] = [];

beforeAll(async () => {
	app = await startAppServer();
	for (const username of ['sotttt', 'admin', 'bdbp', 'lanhdao'])
		tokens[username] = (await login(app, username)).token;
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await app?.stop();
});

function upload(options: {
	file?: Uint8Array;
	name?: string;
	token?: string;
	query?: string;
	mappings?: object;
	headers?: Record<string, string>;
}) {
	const form = new FormData();
	form.set(
		'file',
		new Blob([new Uint8Array(options.file ?? PLAN_FILE)]),
		options.name ?? 'ke-hoach.txt'
	);
	if (options.mappings) form.set('mappings', JSON.stringify(options.mappings));
	const headers = new Headers(options.headers);
	if (options.token) headers.set('authorization', `Bearer ${options.token}`);
	return fetch(`${app.baseUrl}/api/plans${options.query ?? ''}`, {
		method: 'POST',
		body: form,
		headers
	});
}

const api = (path: string, token: string) =>
	fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });

/** Boards, their agencies, every document's log and snapshots, the users and the directory. */
function storedState(): string {
	const store = openTestStore({ path: join(app.dataDir, 'planboard.db'), readonly: true });
	try {
		// Sessions and the audit log change with every request; everything else must not.
		const state = storedRows(store, ['sessions', 'audit_log']);
		const tables = (JSON.parse(state) as [string, unknown[]][]).map(([name]) => name);
		expect(tables).toEqual(expect.arrayContaining(['plans', 'doc_updates', 'users', 'agencies']));
		return state;
	} finally {
		store.close();
	}
}

describe('POST /api/plans', () => {
	it('answers 401 without a session and 403 to officers and viewers', async () => {
		const anonymous = await upload({ headers: { origin: app.baseUrl } });
		expect(anonymous.status).toBe(401);
		for (const who of ['bdbp', 'lanhdao']) {
			const refused = await upload({ token: tokens[who] });
			expect(refused.status).toBe(403);
			expect(((await refused.json()) as { message: string }).message).toMatch(/điều phối/);
		}
	});

	it('previews with ?dryRun=1 and stores nothing', async () => {
		const before = storedState();
		const res = await upload({ token: tokens.sotttt, query: '?dryRun=1' });
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(body).toMatchObject({
			id: ID,
			title: 'Kế hoạch tuyên truyền về chủ quyền biên giới quốc gia năm 2025',
			tasks: 3,
			agencies: expect.any(Number),
			warnings: [
				{ line: 13, message: expect.stringContaining(LE_THANH) },
				{ line: 14, message: expect.any(String) }
			]
		});
		expect(body.plan.tasks.map((t: { number: string }) => t.number)).toEqual([
			'II.1',
			'II.2',
			'II.3'
		]);
		expect(body.plan.tasks[0]).toMatchObject({
			lead: ['Bộ Chỉ huy Bộ đội Biên phòng tỉnh'],
			due: '2025-06-30',
			line: 12
		});
		expect(body.mentions).toContainEqual({
			text: LE_THANH,
			match: { kind: 'unknown' },
			lines: [13]
		});
		expect(storedState()).toBe(before);
		const plans = await (await api('/api/plans', tokens.sotttt)).json();
		expect(plans.map((p: { id: string }) => p.id)).toEqual(['gia-lai-2024']);
	});

	it('refuses a file that is not a plan with 400 and the importer’s one-line message', async () => {
		const before = storedState();
		const binary = await upload({
			token: tokens.sotttt,
			file: new Uint8Array([0, 159, 146, 150, 0])
		});
		expect(binary.status).toBe(400);
		const message = ((await binary.json()) as { message: string }).message;
		expect(message).toMatch(/\S/);
		expect(message).not.toContain('\n');
		const prose = await upload({
			token: tokens.sotttt,
			file: new TextEncoder().encode('Danh sách đi chợ\n- rau\n- cá\n')
		});
		expect(prose.status).toBe(400);
		const badMapping = await upload({
			token: tokens.sotttt,
			mappings: { [LE_THANH]: { agencyId: 'khong-co' } }
		});
		expect(badMapping.status).toBe(400);
		expect(storedState()).toBe(before);
	});

	it('answers 413 above 10 MiB, by the declared length and by the bytes that arrive', async () => {
		const before = storedState();
		const big = new Uint8Array(10 * MiB + 1).fill(0x61);
		const tooBig = await upload({ token: tokens.sotttt, file: big });
		expect(tooBig.status).toBe(413);
		expect(((await tooBig.json()) as { message: string }).message).toMatch(/10 MiB/);
		// A client that declares a length above the limit is refused before it sends the body.
		const declared = await new Promise<number>((resolve, reject) => {
			const req = httpRequest(`${app.baseUrl}/api/plans`, {
				method: 'POST',
				headers: {
					authorization: `Bearer ${tokens.sotttt}`,
					'content-type': 'multipart/form-data; boundary=x',
					'content-length': String(64 * MiB)
				}
			});
			req.on('response', (res) => {
				res.resume();
				resolve(res.statusCode ?? 0);
				req.destroy();
			});
			req.on('error', reject);
			req.write('--x\r\n');
		});
		expect(declared).toBe(413);
		// Streamed without a length, the body is cut off at the limit.
		const chunk = new Uint8Array(MiB).fill(0x61);
		let sent = 0;
		const stream = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (sent === 0)
					controller.enqueue(
						new TextEncoder().encode(
							'--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n'
						)
					);
				if (sent++ < 14) controller.enqueue(chunk);
				else controller.close();
			}
		});
		const streamed = await fetch(`${app.baseUrl}/api/plans`, {
			method: 'POST',
			body: stream,
			duplex: 'half',
			headers: {
				authorization: `Bearer ${tokens.sotttt}`,
				'content-type': 'multipart/form-data; boundary=x'
			}
		} as RequestInit);
		expect(streamed.status).toBe(413);
		expect(storedState()).toBe(before);
	});

	it('refuses a cross-site form post that rides on the session cookie', async () => {
		const login = await fetch(`${app.baseUrl}/api/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ username: 'sotttt', password: DEMO_PASSWORD })
		});
		const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
		const forged = await upload({ headers: { cookie, origin: 'http://evil.example' } });
		expect(forged.status).toBe(403);
		const sameSite = await upload({ headers: { cookie, origin: app.baseUrl }, query: '?dryRun=1' });
		expect(sameSite.status).toBe(200);
	});

	it('creates the board (201), lists and describes it, and serves its documents', async () => {
		const res = await upload({
			token: tokens.sotttt,
			mappings: {
				[LE_THANH]: { agencyId: 'bch-bdbp' },
				'Trung tâm Văn hóa cộng đồng biên giới': { newAgency: 'Trung tâm Văn hóa biên giới' }
			}
		});
		expect(res.status).toBe(201);
		const body = await res.json();
		expect(body).toEqual({
			id: ID,
			title: 'Kế hoạch tuyên truyền về chủ quyền biên giới quốc gia năm 2025',
			tasks: 3,
			agencies: expect.any(Number),
			warnings: expect.any(Array)
		});
		const plans = await (await api('/api/plans', tokens.bdbp)).json();
		expect(plans).toContainEqual({ id: ID, title: body.title, year: 2025 });
		const described = await (await api(`/api/plans/${ID}`, tokens.lanhdao)).json();
		expect(described.documents.plan).toBe(`plan/${ID}`);
		expect(described.documents.agencies['bch-bdbp']).toBe(`plan/${ID}/agency/bch-bdbp`);
		expect(described.agencies).toHaveLength(body.agencies);
		expect(described.agencies).toContainEqual({
			id: 'trung-tam-van-hoa-bien-gioi',
			name: 'Trung tâm Văn hóa biên giới',
			shortName: 'Trung tâm Văn hóa biên giới',
			kind: 'other'
		});
		expect(described.agencies.map((a: { name: string }) => a.name)).not.toContain(LE_THANH);
		// The officer of the lead agency opens its lane over the sync server: both its cards.
		const url = `ws://127.0.0.1:${new URL(app.baseUrl).port}/collab`;
		const lane = connect({ url, document: `plan/${ID}/agency/bch-bdbp`, token: tokens.bdbp });
		clients.push(lane);
		await lane.ready;
		expect(readCards(lane.doc).map((c) => c.taskId)).toEqual(['ii-1', 'ii-2']);
		// The admin may create boards too; the same file gets the next free id.
		const again = await upload({ token: tokens.admin });
		expect(again.status).toBe(201);
		expect(((await again.json()) as { id: string }).id).toBe(`${ID}-2`);
	});
});

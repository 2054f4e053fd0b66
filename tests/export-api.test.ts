import { readPackageParts } from '@planboard/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startAppServer, type AppServer } from './support/app-server.js';

let app: AppServer;

beforeAll(async () => {
	app = await startAppServer();
});

afterAll(async () => {
	await app?.stop();
});

async function tokenOf(username: string): Promise<string> {
	const res = await fetch(`${app.baseUrl}/api/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: DEMO_PASSWORD })
	});
	return ((await res.json()) as { token: string }).token;
}

const exportOf = (path: string, token?: string) =>
	fetch(`${app.baseUrl}/api/plans/gia-lai-2024/export${path}`, {
		headers: token ? { authorization: `Bearer ${token}` } : {}
	});

describe('GET /api/plans/<id>/export', () => {
	it('serves the DOCX report to a viewer with its type and file name', async () => {
		const res = await exportOf('?format=docx&asOf=2024-11-05', await tokenOf('lanhdao'));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe(
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
		);
		expect(res.headers.get('content-disposition')).toBe(
			'attachment; filename="gia-lai-2024-bao-cao-2024-11-05.docx"'
		);
		const xml = readPackageParts(new Uint8Array(await res.arrayBuffer()))['word/document.xml'];
		expect(xml).toContain('Gia Lai, ngày 05 tháng 11 năm 2024');
	});

	it('serves CSV, XLSX and the JSON backup to a coordinator', async () => {
		const token = await tokenOf('sotttt');
		// No asOf: the board as it stands (a past asOf reads the board as it stood then, and the
		// demo board did not exist on the plan's 2024 dates).
		const csv = await exportOf('?format=csv', token);
		expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect((await csv.text()).split('\r\n').length).toBeGreaterThan(100);
		const xlsx = await exportOf('?format=xlsx', token);
		expect(xlsx.status).toBe(200);
		const json = await exportOf('?format=json', token);
		expect(json.headers.get('content-disposition')).toMatch(
			/gia-lai-2024-backup-\d{4}-\d{2}-\d{2}\.json/
		);
		expect(((await json.json()) as { format: string }).format).toBe('planboard-backup');
	});

	it('refuses officers, anonymous callers and bad parameters', async () => {
		expect((await exportOf('?format=csv')).status).toBe(401);
		expect((await exportOf('?format=csv', await tokenOf('bdbp'))).status).toBe(403);
		const admin = await tokenOf('admin');
		expect((await exportOf('?format=pdf', admin)).status).toBe(400);
		expect((await exportOf('?format=csv&asOf=2024-13-01', admin)).status).toBe(400);
		const missing = await fetch(`${app.baseUrl}/api/plans/nope/export?format=csv`, {
			headers: { authorization: `Bearer ${admin}` }
		});
		expect(missing.status).toBe(404);
	});
});

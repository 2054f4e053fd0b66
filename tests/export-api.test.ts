import { readPackageParts } from '@planboard/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../packages/report/src/test-board.js';
import { DEMO_PASSWORD, startAppServer, type AppServer } from './support/app-server.js';
import { officeConvert } from './support/office.js';

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

	it('serves CSV and the JSON backup to a coordinator', async () => {
		const token = await tokenOf('sotttt');
		// No asOf: the board as it stands (a past asOf reads the board as it stood then, and the
		// demo board did not exist on the plan's 2024 dates).
		const csv = await exportOf('?format=csv', token);
		expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect((await csv.text()).split('\r\n').length).toBeGreaterThan(100);
		const json = await exportOf('?format=json', token);
		expect(json.headers.get('content-disposition')).toMatch(
			/gia-lai-2024-backup-\d{4}-\d{2}-\d{2}\.json/
		);
		expect(((await json.json()) as { format: string }).format).toBe('planboard-backup');
	});

	it('serves an XLSX that Calc opens with the same cards as the CSV', async () => {
		const token = await tokenOf('sotttt');
		const csv = parseCsv(
			(await (await exportOf('?format=csv', token)).text()).replace(/^\uFEFF/, '')
		);
		const res = await exportOf('?format=xlsx', token);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		);
		expect(res.headers.get('content-disposition')).toMatch(
			/^attachment; filename="gia-lai-2024-.*\d{4}-\d{2}-\d{2}\.xlsx"$/
		);
		const bytes = new Uint8Array(await res.arrayBuffer());
		const workbook = readPackageParts(bytes)['xl/workbook.xml'];
		expect(workbook).toContain('<sheet name="Thẻ"');
		expect(workbook).toContain('<sheet name="Nhiệm vụ"');
		// The first sheet as LibreOffice Calc reads it (UTF-8, comma separated).
		const [text] = [
			...officeConvert(bytes, 'cards.xlsx', 'csv:Text - txt - csv (StarCalc):44,34,76,1').values()
		];
		// LibreOffice ran synchronously, blocking this process past the server's keep-alive
		// timeout: let fetch see the pooled sockets the server closed meanwhile before the next
		// request could pick one ("other side closed").
		await new Promise((r) => setTimeout(r, 100));
		const sheet = parseCsv(text!.toString('utf8').replace(/\r?\n/g, '\r\n')).filter(
			(r) => r.length > 1
		);
		const rows = csv.filter((r) => r.length > 1);
		expect(rows.length).toBeGreaterThan(100);
		expect(sheet[0]).toEqual(rows[0]);
		expect(sheet).toHaveLength(rows.length);
		// Each card by its task number, agency and status (dates and numbers are typed cells in
		// the workbook, so Calc writes them in its own format).
		const agency = rows[0]!.indexOf('Đơn vị');
		const status = rows[0]!.indexOf('Trạng thái');
		expect(Math.min(agency, status)).toBeGreaterThan(0);
		const cards = (table: string[][]) =>
			table
				.slice(1)
				.map((r) => `${r[0]}|${r[agency]}|${r[status]}`)
				.sort();
		expect(cards(sheet)).toEqual(cards(rows));
	}, 90_000);

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

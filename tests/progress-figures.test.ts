import { readFileSync } from 'node:fs';
import { boardDirectory, createBoard, readDocument } from '@planboard/boards';
import { computeProgress, type PlanProgress } from '@planboard/boards/progress';
import {
	TIMELINESS,
	agencyDocName,
	deleteCard,
	deleteTask,
	planDocName,
	readAgencies,
	readAssignments,
	readTasks,
	setProgress,
	setStatus,
	timelinessLabel,
	vietnamDate,
	type Task,
	type TaskId,
	type Timeliness
} from '@planboard/model';
import { parsePlan } from '@planboard/plan-import';
import { readPackageParts } from '@planboard/report';
import type { Store } from '@planboard/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseCsv } from '../packages/report/src/test-board.js';
import { login as signIn, startAppServer, type AppServer } from './support/app-server.js';
import { connect, type Client } from './support/harness.js';
import { editStored } from './support/stored-docs.js';
import { openTestStore } from './support/test-database.js';

/**
 * One board, every view: the progress page, the share page and its live snapshot, the
 * progress API and the three exports must show the same figures for it. The board is made to
 * hold every case the views used to disagree on.
 */
const PLAN = 'kho-khan-2024';
const TODAY = vietnamDate(Date.now());

let app: AppServer;
let store: Store;
const clients: Client[] = [];

/** What the test did to the board, to assert each rule on its own. */
interface Cases {
	groupTask: Task;
	groupMembers: string[];
	twoLeads: Task;
	late: { task: Task; agencyId: string };
	untouched: { task: Task; agencyId: string };
	orphan: { task: Task; agencyId: string };
}
let cases: Cases;

const login = (username: string) => signIn(app, username);

/** A direct Y edit appended to the update log, as the server would store it. */
beforeAll(async () => {
	app = await startAppServer();
	store = openTestStore({ path: `${app.dataDir}/planboard.db` });
	const directory = boardDirectory(store);
	const text = readFileSync(new URL('../plans/gia-lai-2024-ttdn.txt', import.meta.url), 'utf8');
	createBoard({ store, plan: parsePlan(text, { directory }), planId: PLAN, directory });

	const planDoc = readDocument(store, planDocName(PLAN));
	const agencies = readAgencies(planDoc);
	const groups = new Set(agencies.filter((a) => a.kind === 'group').map((a) => a.id as string));
	const assignments = readAssignments(planDoc) as Record<string, string[]>;
	const holders = (t: Task) =>
		Object.keys(assignments).filter((a) => assignments[a].includes(t.id));
	const tasks = readTasks(planDoc).filter((t) => t.due !== null && t.due < TODAY);
	const groupTask = tasks.find((t) => t.lead.some((id) => groups.has(id)) && holders(t).length > 2);
	const twoLeads = tasks.find(
		(t) => t.lead.length === 2 && t.lead.every((id) => !groups.has(id)) && holders(t).length === 2
	);
	if (!groupTask || !twoLeads)
		throw new Error('the reference plan lost its group or two-lead task');
	const single = tasks.filter((t) => t !== groupTask && t !== twoLeads && holders(t).length === 1);
	const [late, untouched, orphan] = single.map((task) => ({ task, agencyId: holders(task)[0] }));
	cases = { groupTask, groupMembers: holders(groupTask), twoLeads, late, untouched, orphan };

	// Direct Y edits: a seeded card that never existed for its agency, and a task deleted from
	// the plan after its agency reported on it.
	editStored(store, agencyDocName({ planId: PLAN, agencyId: untouched.agencyId }), (doc) =>
		deleteCard(doc, { taskId: untouched.task.id })
	);
	editStored(store, agencyDocName({ planId: PLAN, agencyId: orphan.agencyId }), (doc) =>
		setStatus(doc, { taskId: orphan.task.id, status: 'done' })
	);
	editStored(store, planDocName(PLAN), (doc) => deleteTask(doc, { taskId: orphan.task.id }));

	// Provider edits through the sync server: a card done after its (past) due date, part of
	// a group task, one lead of two done.
	const { token } = await login('admin');
	const edit = async (agencyId: string, change: (doc: Y.Doc) => void) => {
		const url = `ws://127.0.0.1:${new URL(app.baseUrl).port}/collab`;
		const c = connect({ url, document: agencyDocName({ planId: PLAN, agencyId }), token });
		clients.push(c);
		await c.ready;
		change(c.doc);
		await c.flushed();
	};
	const at = (taskId: TaskId) => ({ taskId });
	await edit(late.agencyId, (d) => setStatus(d, { ...at(late.task.id), status: 'done' }));
	const [m1, m2] = cases.groupMembers;
	await edit(m1, (d) => setStatus(d, { ...at(groupTask.id), status: 'done' }));
	await edit(m2, (d) => setProgress(d, { ...at(groupTask.id), progress: 40 }));
	const [l1, l2] = holders(twoLeads);
	await edit(l1, (d) => setStatus(d, { ...at(twoLeads.id), status: 'done' }));
	await edit(l2, (d) => setProgress(d, { ...at(twoLeads.id), progress: 30 }));
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	store?.close();
	await app?.stop();
});

interface ApiSlice {
	id: string;
	done: number;
	total: number;
	percent: number;
	byTimeliness: Record<Timeliness, number>;
}
interface ApiProgress {
	asOf: { instant: string; date: string };
	totals: { done: number; total: number; percent: number };
	byTimeliness: Record<Timeliness, number>;
	byAgency: (ApiSlice & { name: string })[];
	bySection: ApiSlice[];
	orphans: { agencyId: string; taskId: string; status: string }[];
	tasks?: {
		id: string;
		number: string;
		done: number;
		total: number;
		percent: number;
		timeliness: Timeliness;
		cards: { agencyId: string; missing: boolean; timeliness: Timeliness }[];
	}[];
}

async function apiProgress(query: string, token: string): Promise<ApiProgress> {
	const res = await fetch(`${app.baseUrl}/api/plans/${PLAN}/progress${query}`, {
		headers: { authorization: `Bearer ${token}` }
	});
	expect(res.status).toBe(200);
	return (await res.json()) as ApiProgress;
}

/** The figures a progress page shows, read from its server render. */
function renderedFigures(html: string) {
	const one = (re: RegExp) => re.exec(html)?.[1];
	const bars = (id: string) => {
		const chart = html.slice(html.indexOf(`data-testid="chart-${id}"`));
		const figure = chart.slice(0, chart.indexOf('</figure>'));
		return [
			...figure.matchAll(
				/data-key="([^"]+)" data-value="(\d+)"[^>]*>\s*<title>[^<]*\((\d+)\/(\d+)\)/g
			)
		].map((m) => ({ id: m[1], percent: Number(m[2]), done: Number(m[3]), total: Number(m[4]) }));
	};
	return {
		percent: Number(one(/data-testid="overall-percent"[^>]*>(\d+)%/)),
		detail: one(/data-testid="overall-detail">(\d+\/\d+)/),
		byTimeliness: Object.fromEntries(
			TIMELINESS.map((k) => [
				k,
				Number(
					one(new RegExp(`data-testid="count-${k}"[\\s\\S]*?data-testid="count-value">(\\d+)<`))
				)
			])
		),
		byAgency: bars('by-agency'),
		bySection: bars('by-section'),
		orphans: [...html.matchAll(/data-testid="orphan-card"/g)].length
	};
}

const slim = (s: ApiSlice) => ({ id: s.id, percent: s.percent, done: s.done, total: s.total });

describe('one progress computation behind every view', () => {
	it('applies the rules to the hard cases (through the API)', async () => {
		const { token } = await login('lanhdao');
		const p = await apiProgress(`?asOf=${TODAY}&tasks=1`, token);
		const task = (id: string) => p.tasks?.find((t) => t.id === id);
		// A group task fans out to its members; one done, one at 40 %, the rest untouched.
		const group = task(cases.groupTask.id);
		expect(group?.total).toBe(cases.groupMembers.length);
		expect(group?.done).toBe(1);
		expect(group?.percent).toBe(Math.round(140 / cases.groupMembers.length));
		// Two lead agencies: one card each, done only when both are.
		expect(task(cases.twoLeads.id)).toMatchObject({ done: 1, total: 2, percent: 65 });
		// Done today for a due date in 2024: done late.
		expect(task(cases.late.task.id)).toMatchObject({ done: 1, timeliness: 'done_late' });
		expect(p.byTimeliness.done_late).toBeGreaterThanOrEqual(2);
		// The seeded assignment without a card counts, as not started (and overdue by now).
		expect(task(cases.untouched.task.id)?.cards).toEqual([
			{
				agencyId: cases.untouched.agencyId,
				status: 'todo',
				progress: 0,
				missing: true,
				timeliness: 'overdue'
			}
		]);
		// The deleted task's done card is listed apart and counted nowhere.
		expect(task(cases.orphan.task.id)).toBeUndefined();
		expect(p.orphans).toMatchObject([
			{ agencyId: cases.orphan.agencyId, taskId: cases.orphan.task.id, status: 'done' }
		]);
		const total = TIMELINESS.reduce((n, k) => n + p.byTimeliness[k], 0);
		expect(total).toBe(p.totals.total);
		expect(p.tasks?.reduce((n, t) => n + t.total, 0)).toBe(p.totals.total);
		expect(p.byAgency.reduce((n, a) => n + a.total, 0)).toBe(p.totals.total);
	});

	it('gives the same figures on the progress page, the share page, the API and the exports', async () => {
		const admin = await login('admin');
		const api = await apiProgress(`?asOf=${TODAY}`, admin.token);
		// An ISO instant of now reads the same board.
		const now = await apiProgress(
			`?asOf=${encodeURIComponent(new Date().toISOString())}`,
			admin.token
		);
		expect(now.totals).toEqual(api.totals);
		expect(now.byTimeliness).toEqual(api.byTimeliness);

		const expected = {
			percent: api.totals.percent,
			detail: `${api.totals.done}/${api.totals.total}`,
			byTimeliness: api.byTimeliness,
			byAgency: api.byAgency.map(slim),
			bySection: api.bySection.map(slim),
			orphans: api.orphans.length
		};

		// The leaders' progress board, as the server renders it.
		const board = await fetch(`${app.baseUrl}/plans/${PLAN}/progress?asOf=${TODAY}`, {
			headers: { cookie: admin.cookie }
		});
		expect(board.status).toBe(200);
		expect(renderedFigures(await board.text())).toEqual(expected);

		// The share page and its live snapshot.
		const created = await fetch(`${app.baseUrl}/api/plans/${PLAN}/links`, {
			method: 'POST',
			headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ label: 'Đối chiếu số liệu' })
		});
		expect(created.status).toBe(201);
		const link = (await created.json()) as { token: string };
		const share = await fetch(`${app.baseUrl}/share/${link.token}?asOf=${TODAY}`);
		expect(share.status).toBe(200);
		expect(renderedFigures(await share.text())).toEqual(expected);
		const stream = await fetch(`${app.baseUrl}/share/${link.token}/events`);
		const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
		let text = '';
		while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
		await reader.cancel();
		const data = /data: (.*)\n/.exec(text)?.[1] ?? '{}';
		const snapshot = JSON.parse(data) as Parameters<typeof computeProgress>[0] & {
			cards: Record<string, never[]>;
		};
		const live: PlanProgress = computeProgress({
			...snapshot,
			cards: (id) => snapshot.cards[id] ?? [],
			asOf: TODAY
		});
		expect(live.totals).toEqual(api.totals);
		expect(live.byTimeliness).toEqual(api.byTimeliness);
		expect(live.orphans.length).toBe(api.orphans.length);

		// The exports.
		const exportOf = async (format: string) => {
			const res = await fetch(
				`${app.baseUrl}/api/plans/${PLAN}/export?format=${format}&asOf=${TODAY}`,
				{ headers: { authorization: `Bearer ${admin.token}` } }
			);
			expect(res.status).toBe(200);
			return res;
		};
		const csv = parseCsv((await (await exportOf('csv')).text()).replace(/^\uFEFF/, ''));
		const [header, ...rows] = csv.filter((r) => r.length > 1);
		const col = (label: string) => header.indexOf(label);
		const timelinessCol = col('Tình hình thời hạn');
		const counted = rows.filter((r) => r[timelinessCol] !== 'Không còn trong kế hoạch');
		expect(rows.length - counted.length).toBe(api.orphans.length);
		expect(
			Object.fromEntries(
				TIMELINESS.map((k) => [
					k,
					counted.filter((r) => r[timelinessCol] === timelinessLabel(k, 'vi')).length
				])
			)
		).toEqual(api.byTimeliness);
		const agencyCol = col('Đơn vị');
		expect(api.byAgency.map((a) => counted.filter((r) => r[agencyCol] === a.name).length)).toEqual(
			api.byAgency.map((a) => a.total)
		);
		const progressCol = col('Tiến độ (%)');
		const sum = counted.reduce((n, r) => n + Number(r[progressCol]), 0);
		expect(Math.round(sum / counted.length)).toBe(api.totals.percent);

		const withTasks = await apiProgress(`?asOf=${TODAY}&tasks=1`, admin.token);
		const xlsx = readPackageParts(new Uint8Array(await (await exportOf('xlsx')).arrayBuffer()));
		const sheet = xlsx['xl/worksheets/sheet2.xml'] ?? '';
		const xlsxTasks = new Map<string, number[]>();
		for (const row of sheet.match(/<row[^>]*>[\s\S]*?<\/row>/g) ?? []) {
			const cells = new Map(
				[
					...row.matchAll(
						/<c r="([A-Z]+)\d+"[^>]*>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g
					)
				].map((m) => [m[1], m[2] ?? m[3]])
			);
			const number = cells.get('A');
			if (number && cells.has('G')) {
				xlsxTasks.set(
					number,
					['G', 'H', 'I'].map((c) => Number(cells.get(c)))
				);
			}
		}
		for (const t of withTasks.tasks ?? []) {
			expect(xlsxTasks.get(t.number), t.number).toEqual([t.percent, t.done, t.total]);
		}

		const docx = readPackageParts(new Uint8Array(await (await exportOf('docx')).arrayBuffer()));
		const words = (docx['word/document.xml'] ?? '').replace(/<[^>]+>/g, '');
		expect(words).toContain(
			`Tiến độ chung: ${api.totals.percent}% (${api.totals.done}/${api.totals.total} lượt giao đã hoàn thành)`
		);
		expect(words).toContain(
			`Theo thời hạn (lượt giao): ${TIMELINESS.map((k) => `${timelinessLabel(k, 'vi')} ${api.byTimeliness[k]}`).join(', ')}`
		);
		expect(words).toContain(`Ngoài ra có ${api.orphans.length} báo cáo của nhiệm vụ không còn`);
	});

	it('reads a past day as the board stood then, on every view alike', async () => {
		// The board was created today, so on 01/10/2024 it held nothing yet.
		const admin = await login('admin');
		const api = await apiProgress('?asOf=2024-10-01', admin.token);
		expect(api.asOf).toEqual({ instant: '2024-10-01T16:59:59.999Z', date: '2024-10-01' });
		expect(api.totals).toEqual({ done: 0, total: 0, percent: 0 });
		const expected = {
			percent: 0,
			detail: '0/0',
			byTimeliness: api.byTimeliness,
			byAgency: [],
			bySection: [],
			orphans: 0
		};
		const board = await fetch(`${app.baseUrl}/plans/${PLAN}/progress?asOf=2024-10-01`, {
			headers: { cookie: admin.cookie }
		});
		expect(renderedFigures(await board.text())).toEqual(expected);
		const created = await fetch(`${app.baseUrl}/api/plans/${PLAN}/links`, {
			method: 'POST',
			headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ label: 'Ngày đã qua' })
		});
		const link = (await created.json()) as { token: string };
		const share = await fetch(`${app.baseUrl}/share/${link.token}?asOf=2024-10-01`);
		expect(renderedFigures(await share.text())).toEqual(expected);
		const csv = await fetch(`${app.baseUrl}/api/plans/${PLAN}/export?format=csv&asOf=2024-10-01`, {
			headers: { authorization: `Bearer ${admin.token}` }
		});
		const rows = parseCsv((await csv.text()).replace(/^\uFEFF/, '')).filter((r) => r.length > 1);
		expect(rows.length).toBe(1);
	});

	it('refuses a malformed asOf, a caller without a session, and an unknown plan', async () => {
		const { token } = await login('lanhdao');
		const get = (path: string, auth = true) =>
			fetch(`${app.baseUrl}/api/plans/${path}`, {
				headers: auth ? { authorization: `Bearer ${token}` } : {}
			});
		expect((await get(`${PLAN}/progress?asOf=2024-13-01`)).status).toBe(400);
		expect((await get(`${PLAN}/progress?asOf=yesterday`)).status).toBe(400);
		expect((await get(`${PLAN}/progress?asOf=2024-11-05T10:00`)).status).toBe(400);
		expect((await get(`${PLAN}/progress`, false)).status).toBe(401);
		expect((await get('nope/progress')).status).toBe(404);
	});
});

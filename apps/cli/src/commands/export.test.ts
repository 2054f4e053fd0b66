import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { agencyDocName, planDocName } from '@planboard/model';
import { createBoard, readDocument } from '@planboard/boards';
import { cardNotesText, readCards, readTasks, setFigure, setStatus } from '@planboard/model';
import { loadGiaLaiDirectory, parsePlan } from '@planboard/plan-import';
import { readPackageParts } from '@planboard/report';
import type { Store } from '@planboard/store';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { editStored } from '../../../../tests/support/stored-docs.js';
import * as Y from 'yjs';
import { UsageError } from '../args.js';
import type { CommandIo } from '../io.js';
import { runExport } from './export.js';
import { runRestore } from './restore.js';
import { openTestStore, setDataDir } from '../../../../tests/support/test-database.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const PLAN = 'gia-lai-2024';
let dir = '';
let store: Store;

function silentIo() {
	const out: string[] = [];
	const err: string[] = [];
	const io: CommandIo = { out: (t) => void out.push(t), err: (t) => void err.push(t) };
	return { io, out, err };
}

/** Applies one edit to a stored document the way the sync server would: appended to the log. */
function edit(document: string, change: (doc: Y.Doc) => void): void {
	editStored(store, document, change);
}

function docsOf(planId: string): Map<string, Y.Doc> {
	const names = [
		planDocName(planId),
		...store.plans.agencies(planId).map((a) => agencyDocName({ planId, agencyId: a.id }))
	];
	return new Map(names.map((n) => [n.slice(`plan/${planId}`.length), readDocument(store, n)]));
}

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'planboard-export-'));
	setDataDir(dir);
	store = openTestStore({ path: join(dir, 'planboard.db') });
	const directory = loadGiaLaiDirectory();
	const plan = parsePlan(readFileSync(join(root, 'plans/gia-lai-2024-ttdn.txt'), 'utf8'), {
		directory
	});
	createBoard({ store, plan, planId: PLAN, directory });
	const lane = agencyDocName({ planId: PLAN, agencyId: store.plans.agencies(PLAN)[0].id });
	edit(lane, (doc) => {
		const [first] = readCards(doc);
		setStatus(doc, {
			taskId: first.taskId,
			status: 'done',
			at: Date.parse('2024-06-01T03:00:00Z')
		});
		cardNotesText(doc, first.taskId).insert(0, 'Đã hoàn thành, "đúng" kế hoạch');
		setFigure(doc, {
			taskId: first.taskId,
			key: 'difficulties',
			label: 'Khó khăn',
			value: 'Thiếu người'
		});
	});
});

afterEach(() => {
	store.close();
	rmSync(dir, { recursive: true, force: true });
	setDataDir(undefined);
});

describe('planboard export', () => {
	it('writes a DOCX with one appendix row per task and duty', async () => {
		const out = join(dir, 'r.docx');
		const { io } = silentIo();
		expect(
			await runExport([PLAN, '--format', 'docx', '--out', out, '--as-of', '2030-11-05'], io)
		).toBe(0);
		const xml = readPackageParts(readFileSync(out))['word/document.xml'];
		const tasks = readTasks(docsOf(PLAN).get('')!);
		expect(tasks.filter((t) => t.kind === 'duty').length).toBeGreaterThan(0);
		const appendix = xml.slice(xml.lastIndexOf('<w:tbl>'));
		expect(appendix.match(/<w:tr>/g)).toHaveLength(1 + tasks.length);
		expect(xml).toContain('Gia Lai, ngày 05 tháng 11 năm 2030');
		expect(xml).toContain('Thiếu người');
	});

	it('reads the board as it stood at --as-of, as the web export does', async () => {
		const { io } = silentIo();
		const before = join(dir, 'before.csv');
		const now = join(dir, 'now.csv');
		await runExport(
			[PLAN, '--format', 'csv', '--out', before, '--as-of', '2025-01-01T00:00:00+07:00'],
			io
		);
		await runExport([PLAN, '--format', 'csv', '--out', now], io);
		expect(readFileSync(now, 'utf8')).toContain('Thiếu người');
		expect(readFileSync(before, 'utf8')).not.toContain('Thiếu người');
	});

	it('writes CSV and XLSX holding every card', async () => {
		const cards = [...docsOf(PLAN).values()].reduce((n, d) => n + readCards(d).length, 0);
		expect(cards).toBeGreaterThan(100);
		const { io } = silentIo();
		await runExport([PLAN, '--format', 'csv', '--out', join(dir, 'r.csv')], io);
		const csv = readFileSync(join(dir, 'r.csv'), 'utf8');
		expect(csv.startsWith('\uFEFFSố,')).toBe(true);
		expect(csv).toContain('"Đã hoàn thành, ""đúng"" kế hoạch"');
		// Every card row starts with a task number such as II.6.2 or III.3.
		expect(csv.match(/\r\n(I|II|III|IV|V)\.[\d.]+,/g)).toHaveLength(cards);
		await runExport([PLAN, '--format', 'xlsx', '--out', join(dir, 'r.xlsx')], io);
		const sheet = readPackageParts(readFileSync(join(dir, 'r.xlsx')))['xl/worksheets/sheet1.xml'];
		expect(sheet.match(/<row /g)).toHaveLength(1 + cards);
	});

	it('reports a bad call as a usage error', async () => {
		const { io } = silentIo();
		const out = join(dir, 'x');
		await expect(runExport(['nope', '--format', 'csv', '--out', out], io)).rejects.toThrow(
			/no board "nope"/
		);
		await expect(runExport([PLAN, '--format', 'pdf', '--out', out], io)).rejects.toThrow(
			UsageError
		);
		await expect(
			runExport([PLAN, '--format', 'csv', '--out', out, '--as-of', '2024-02-30'], io)
		).rejects.toThrow(/--as-of/);
		await expect(runExport([PLAN, '--format', 'csv'], io)).rejects.toThrow(/usage:/);
	});
});

describe('planboard restore', () => {
	it('restores a backup into a new board whose documents read identically', async () => {
		const file = join(dir, 'backup.json');
		const { io, out } = silentIo();
		expect(await runExport([PLAN, '--format', 'json', '--out', file], io)).toBe(0);
		expect(await runRestore([file, '--id', 'copy'], io)).toBe(0);
		expect(out.join('')).toBe('copy\n');
		expect(store.plans.get('copy')?.title).toBe(store.plans.get(PLAN)?.title);
		expect(store.plans.agencies('copy')).toEqual(store.plans.agencies(PLAN));
		const original = docsOf(PLAN);
		const copy = docsOf('copy');
		expect([...copy.keys()]).toEqual([...original.keys()]);
		for (const [suffix, doc] of original) {
			expect(readTasks(copy.get(suffix)!)).toEqual(readTasks(doc));
			expect(readCards(copy.get(suffix)!)).toEqual(readCards(doc));
		}
		expect(copy.get('')!.getMap('meta').get('planId')).toBe('copy');
		// Without --id the board gets a free id of its own.
		expect(await runRestore([file], io)).toBe(0);
		expect(out.at(-1)).toBe(`${PLAN}-restored\n`);
		await expect(runRestore([file, '--id', 'copy'], io)).rejects.toThrow(/already exists/);
	});

	it('refuses an unreadable or malformed file without writing anything', async () => {
		const { io } = silentIo();
		const before = store.plans.list().length;
		await expect(runRestore([join(dir, 'missing.json')], io)).rejects.toThrow(/no such file/);
		writeFileSync(join(dir, 'bad.json'), '{"format":"planboard-backup","version":1}');
		await expect(runRestore([join(dir, 'bad.json')], io)).rejects.toThrow(UsageError);
		const file = join(dir, 'backup.json');
		await runExport([PLAN, '--format', 'json', '--out', file], io);
		const data = JSON.parse(readFileSync(file, 'utf8'));
		const last = Object.keys(data.documents).at(-1)!;
		data.documents[last] = 'AAAA';
		writeFileSync(file, JSON.stringify(data));
		await expect(runRestore([file, '--id', 'copy'], io)).rejects.toThrow(
			/document "plan\/gia-lai-2024\/agency\//
		);
		expect(store.plans.list().length).toBe(before);
		expect(store.updates.documents('plan/copy')).toEqual([]);
	});
});

describe('the planboard command', () => {
	beforeAll(() => {
		// The spawned CLI resolves @planboard/report through its package exports, i.e. dist/.
		execFileSync(
			process.execPath,
			[`${root}node_modules/typescript/bin/tsc`, '-p', 'packages/report/tsconfig.build.json'],
			{ cwd: root }
		);
	}, 120_000);

	function planboard(...args: string[]) {
		const r = spawnSync(process.execPath, ['--import', 'tsx', 'apps/cli/src/main.ts', ...args], {
			cwd: root,
			encoding: 'utf8',
			timeout: 60_000,
			env: { ...process.env, PLANBOARD_DATA: dir }
		});
		return { code: r.status, stdout: r.stdout, stderr: r.stderr };
	}

	it('exports and restores end to end, failing with exit 2 and one line', () => {
		store.close();
		const file = join(dir, 'b.json');
		expect(planboard('export', PLAN, '--format', 'json', '--out', file).code).toBe(0);
		const restored = planboard('restore', file, '--id', 'again');
		expect(restored).toMatchObject({ code: 0, stdout: 'again\n' });
		const bad = planboard('export', 'nope', '--format', 'csv', '--out', join(dir, 'x.csv'));
		expect(bad.code).toBe(2);
		const lines = bad.stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^planboard export: no board "nope"; the boards are: .*again/);
		writeFileSync(join(dir, 'junk.json'), 'junk');
		const junk = planboard('restore', join(dir, 'junk.json'));
		expect(junk.code).toBe(2);
		expect(junk.stderr.trim().split('\n')).toHaveLength(1);
		store = openTestStore({ path: join(dir, 'planboard.db') });
	});
});

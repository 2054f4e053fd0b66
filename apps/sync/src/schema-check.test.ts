import {
	addChecklistItem,
	addEvidence,
	addMilestone,
	addSection,
	addTask,
	addUpdateEntry,
	asAgencyId,
	asTaskId,
	deleteCard,
	deleteTask,
	handOverTask,
	mergeTasks,
	moveCard,
	moveSection,
	moveTask,
	planUndoManager,
	readCardHandover,
	readSections,
	readTasks,
	renameSection,
	restoreCard,
	setContributionDone,
	setFigure,
	setProgress,
	splitTask,
	taskContentText,
	taskTitleText,
	toggleChecklistItem,
	updateTask,
	type TaskId
} from '@planboard/model';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	sleep,
	waitFor,
	userWithToken,
	type Client,
	type TestServer
} from '../../../tests/support/harness.js';
import { storeTestBoard, syncSuite } from '../../../tests/support/sync-board.js';
import { sendRawUpdate } from '../../../tests/support/raw-session.js';
import { storedDoc } from '../../../tests/support/stored.js';
import { CloseCodes } from './close-codes.js';

const PLAN = 'p1';
const AGENCY = 'bch-bdbp';
const planName = `plan/${PLAN}`;
const agencyName = `plan/${PLAN}/agency/${AGENCY}`;
/** A second agency, with no card yet: a task is handed over to it. */
const OTHER = 'so-tttt';
const otherName = `plan/${PLAN}/agency/${OTHER}`;
const TASKS = ['II.1', 'II.2', 'II.3'].map(asTaskId);

const suite = syncSuite();
let server: TestServer;
let officer: string;
let coordinator: string;
const open = (document: string, token: string) => suite.open(document, token);

beforeEach(async () => {
	server = suite.server;
	storeTestBoard(server.store, {
		planId: PLAN,
		agencies: [
			{ id: asAgencyId(AGENCY), name: 'BĐBP', shortName: 'BĐBP', kind: 'armed' },
			{ id: asAgencyId(OTHER), name: 'Sở TT&TT', shortName: 'Sở TT&TT', kind: 'department' }
		],
		tasks: TASKS.map((id) => ({
			id,
			number: id,
			sectionId: 'II',
			title: id,
			content: '',
			lead: [asAgencyId(AGENCY)],
			kind: 'task' as const
		})),
		cards: { [AGENCY]: TASKS, [OTHER]: [] },
		contributions: { [AGENCY]: [TASKS[2]] }
	});
	officer = (
		await userWithToken(server.store, { username: 'bdbp', role: 'officer', agencyId: AGENCY })
	).token;
	coordinator = (await userWithToken(server.store, { username: 'coord', role: 'coordinator' }))
		.token;
});

/** Resolves with the close code of the client's socket. */
const closeCode = (c: Client) =>
	new Promise<number>((resolve) =>
		c.socket.on('close', ({ event }: { event: { code: number } }) => resolve(event.code))
	);

const card = (doc: Y.Doc, id: TaskId) => doc.getMap('cards').get(id) as Y.Map<unknown>;

/** Each attack, written by a real provider into a document it may write. */
const ATTACKS: [string, (doc: Y.Doc) => void][] = [
	[
		'a null figure',
		(d) => (card(d, TASKS[0]).get('figures') as Y.Map<unknown>).set('articles', null)
	],
	['a card that is not a map', (d) => d.getMap('cards').set('II.9', 'không phải thẻ')],
	['progress as text', (d) => card(d, TASKS[0]).set('progress', 'một trăm')],
	['notes replaced by a number', (d) => card(d, TASKS[1]).set('notes', 12)],
	[
		'evidence entry without a url',
		(d) => (card(d, TASKS[0]).get('evidence') as Y.Array<unknown>).push([{ id: 'e' }])
	],
	[
		'an update entry with a text time',
		(d) =>
			(card(d, TASKS[0]).get('updates') as Y.Array<unknown>).push([
				{ id: 'u', at: 'hôm qua', authorId: 'x', authorName: 'x', text: 'x' }
			])
	],
	[
		'an unknown workflow status',
		(d) => card(d, TASKS[0]).set('workflow', { status: 'xong', completedAt: null })
	],
	['list items in the cards map', (d) => d.getArray('cards').push([1])],
	[
		'a card map under a key that is no task id',
		(d) => d.getMap('cards').set('thẻ lạ', new Y.Map())
	],
	['a contribution entry that is null', (d) => d.getMap('contributions').set('II.3', null)],
	[
		'a new card map with a bad field',
		(d) => {
			const m = new Y.Map<unknown>();
			m.set('figures', new Y.Array());
			d.getMap('cards').set('II.8', m);
		}
	]
];

describe('schema check on incoming updates', () => {
	it.each(ATTACKS)(
		'refuses %s: socket closed with 4422, nothing stored, nobody sees it',
		async (_, attack) => {
			const watcher = open(agencyName, coordinator);
			const attacker = open(agencyName, officer);
			await Promise.all([watcher.ready, attacker.ready]);
			const before = server.store.updates.load(agencyName).updates.length;
			const seen = Y.encodeStateVector(watcher.doc);
			const closed = closeCode(attacker);
			attack(attacker.doc);
			expect(await closed).toBe(CloseCodes.InvalidUpdate.code);
			attacker.destroy();
			await sleep(100);
			expect(server.store.updates.load(agencyName).updates.length).toBe(before);
			expect(Y.encodeStateVector(watcher.doc)).toEqual(seen);
			expect(Y.encodeStateVector(storedDoc(server.store, agencyName))).toEqual(seen);
		}
	);

	it('accepts every operation of the model on both kinds of document', async () => {
		const a = open(agencyName, officer);
		const p = open(planName, coordinator);
		const watcher = open(agencyName, coordinator);
		await Promise.all([a.ready, p.ready, watcher.ready]);
		const d = a.doc;
		const taskId = TASKS[0];
		setFigure(d, { taskId, key: 'articles', label: 'Số tin bài', value: 42 });
		setFigure(d, { taskId, key: 'note', label: 'Ghi chú', value: 'tốt' });
		addEvidence(d, { taskId, url: 'https://baogialai.com.vn/a', label: 'Bài báo' });
		addUpdateEntry(d, { taskId, text: 'Đã làm', authorId: 'u1', authorName: 'Cán bộ' });
		const item = addChecklistItem(d, { taskId, text: 'Bước 1' });
		toggleChecklistItem(d, { taskId, itemId: item, done: true });
		setProgress(d, { taskId, progress: 70 });
		moveCard(d, { taskId, toStatus: 'done' });
		moveCard(d, { taskId: TASKS[1], toStatus: 'done', before: taskId });
		deleteCard(d, { taskId: TASKS[2] });
		restoreCard(d, { taskId: TASKS[2] });
		setContributionDone(d, { taskId: TASKS[2], done: true });
		updateTask(p.doc, { taskId, title: 'Mới', due: '2024-12-31', lead: [asAgencyId(AGENCY)] });
		addMilestone(p.doc, { date: '2024-11-10', text: 'Báo cáo' });
		await Promise.all([a.flushed(), p.flushed()]);
		expect(Y.encodeStateVector(storedDoc(server.store, agencyName))).toEqual(
			Y.encodeStateVector(d)
		);
		expect(Y.encodeStateVector(storedDoc(server.store, planName))).toEqual(
			Y.encodeStateVector(p.doc)
		);
		expect(a.provider.isSynced).toBe(true);
	});

	it('refuses a plan-document update with a wrong-typed task field', async () => {
		const p = open(planName, coordinator);
		await p.ready;
		const closed = closeCode(p);
		(p.doc.getMap('tasks').get(TASKS[0]) as Y.Map<unknown>).set('lead', 'bch-bdbp');
		expect(await closed).toBe(CloseCodes.InvalidUpdate.code);
	});

	it('accepts every plan-editing operation from a coordinator; other coordinators see them', async () => {
		const p = open(planName, coordinator);
		const watcher = open(planName, coordinator);
		await Promise.all([p.ready, watcher.ready]);
		const d = p.doc;
		const me = Symbol('me');
		const undo = planUndoManager(d, { origin: me });
		d.transact(() => taskTitleText(d, TASKS[0]).insert(0, 'Sửa '), me);
		taskContentText(d, TASKS[0]).insert(0, 'Nội dung mới');
		updateTask(d, { taskId: TASKS[0], timeframe: 'Quý IV', due: '2024-12-01', origin: me });
		updateTask(d, { taskId: TASKS[1], coordinating: [asAgencyId(AGENCY)] });
		const added = addTask(d, { sectionId: 'II', title: 'Việc mới', lead: [asAgencyId(AGENCY)] });
		moveTask(d, { taskId: added, index: 0 });
		const section = addSection(d, { title: 'Phụ lục', number: 'IV' });
		renameSection(d, { sectionId: section, title: 'Phụ lục (sửa)' });
		moveSection(d, { sectionId: section, index: 0 });
		moveTask(d, { taskId: TASKS[2], sectionId: section, index: 0 });
		const split = splitTask(d, { taskId: TASKS[0], title: 'Tách', offset: 4 });
		mergeTasks(d, { keepId: TASKS[1], absorbId: split });
		deleteTask(d, { taskId: added, by: 'coord' });
		undo.undo();
		await p.flushed();
		expect(p.provider.isSynced).toBe(true);
		expect(Y.encodeStateVector(storedDoc(server.store, planName))).toEqual(Y.encodeStateVector(d));
		await waitFor(() => readTasks(watcher.doc).length === readTasks(d).length);
		expect(readTasks(watcher.doc)).toEqual(readTasks(d));
		expect(readSections(watcher.doc)).toEqual(readSections(d));
		expect(readTasks(storedDoc(server.store, planName))).toEqual(readTasks(d));
	});

	it('accepts a handover written by a coordinator to three documents', async () => {
		const p = open(planName, coordinator);
		const from = open(agencyName, coordinator);
		const to = open(otherName, coordinator);
		await Promise.all([p.ready, from.ready, to.ready]);
		setProgress(from.doc, { taskId: TASKS[0], progress: 30 });
		handOverTask({
			plan: p.doc,
			from: from.doc,
			to: to.doc,
			taskId: TASKS[0],
			by: 'coord',
			authorName: 'Điều phối'
		});
		await Promise.all([p.flushed(), from.flushed(), to.flushed()]);
		for (const c of [p, from, to]) {
			expect(c.provider.isSynced).toBe(true);
			expect(Y.encodeStateVector(storedDoc(server.store, c.provider.configuration.name))).toEqual(
				Y.encodeStateVector(c.doc)
			);
		}
		const stored = {
			plan: storedDoc(server.store, planName),
			to: storedDoc(server.store, otherName)
		};
		expect(
			readCardHandover({ plan: stored.plan, agency: stored.to, taskId: TASKS[0] })
		).toMatchObject({ open: true, leads: [OTHER] });
	});

	it("refuses an officer's plan edit: nothing stored, nobody sees it", async () => {
		const watcher = open(planName, coordinator);
		const o = open(planName, officer);
		await Promise.all([watcher.ready, o.ready]);
		expect(o.provider.authorizedScope).toBe('readonly');
		const before = readTasks(storedDoc(server.store, planName));
		const logged = server.store.updates.load(planName).updates.length;
		taskTitleText(o.doc, TASKS[0]).insert(0, 'Cán bộ sửa ');
		updateTask(o.doc, { taskId: TASKS[1], due: '2025-01-01' });
		addTask(o.doc, { sectionId: 'II', title: 'Việc lén', lead: [asAgencyId(AGENCY)] });
		deleteTask(o.doc, { taskId: TASKS[2] });
		// A coordinator's later write arrives, so the officer's would have too.
		updateTask(watcher.doc, { taskId: TASKS[2], timeframe: 'Cả năm' });
		await watcher.flushed();
		await sleep(300);
		const stored = readTasks(storedDoc(server.store, planName));
		expect(stored).toEqual(readTasks(watcher.doc));
		expect(stored.map(({ timeframe: _t, ...t }) => t)).toEqual(
			before.map(({ timeframe: _t, ...t }) => t)
		);
		expect(stored.find((t) => t.id === TASKS[2])?.timeframe).toBe('Cả năm');
		expect(server.store.updates.load(planName).updates.length).toBe(logged + 1);
	});
});

describe('schema check of updates built on items the server lacks', () => {
	const raw = (update: Uint8Array) =>
		sendRawUpdate({ url: server.url, document: agencyName, token: officer, update });
	const evidence = (doc: Y.Doc) =>
		(card(doc, TASKS[0]).get('evidence') as Y.Array<{ url?: string }>).toArray();

	it('refuses a bad value that a forged update places inside a map the same update creates', async () => {
		const base = storedDoc(server.store, agencyName);
		const baseState = Y.encodeStateVector(base);
		// Yjs lists higher client ids first: the bad value (client 300) comes before the map it
		// goes into (client 200) in the update.
		const creator = new Y.Doc();
		creator.clientID = 200;
		Y.applyUpdate(creator, Y.encodeStateAsUpdate(base));
		creator.getMap('cards').set('II.8', new Y.Map());
		const attacker = new Y.Doc();
		attacker.clientID = 300;
		Y.applyUpdate(attacker, Y.encodeStateAsUpdate(creator));
		(attacker.getMap('cards').get('II.8') as Y.Map<unknown>).set('progress', 'một trăm');
		const forged = Y.mergeUpdates([
			Y.encodeStateAsUpdate(creator, baseState),
			Y.encodeStateAsUpdate(attacker, Y.encodeStateVector(creator))
		]);
		const before = server.store.updates.load(agencyName).updates.length;
		expect(await raw(forged)).toEqual({ acked: false, code: CloseCodes.InvalidUpdate.code });
		expect(server.store.updates.load(agencyName).updates.length).toBe(before);
		expect(storedDoc(server.store, agencyName).getMap('cards').has('II.8')).toBe(false);
	});

	it('deletes a parked bad item when another update completes it, and serves that sender', async () => {
		const watcher = open(agencyName, coordinator);
		await watcher.ready;
		const copy = storedDoc(server.store, agencyName);
		const start = Y.encodeStateVector(copy);
		addEvidence(copy, { taskId: TASKS[0], url: 'https://baogialai.com.vn/a', label: 'Bài báo' });
		const first = Y.encodeStateAsUpdate(copy, start);
		const middle = Y.encodeStateVector(copy);
		// Built on `first`, which the server does not have: it cannot be placed, so it is parked.
		(card(copy, TASKS[0]).get('evidence') as Y.Array<unknown>).push([{ id: 'không có url' }]);
		const bad = Y.encodeStateAsUpdate(copy, middle);

		expect(await raw(bad)).toEqual({ acked: true, code: null });
		expect(evidence(storedDoc(server.store, agencyName))).toEqual([]);
		// The update that completes it is valid: its sender is served, not disconnected.
		expect(await raw(first)).toEqual({ acked: true, code: null });
		const onlyValid = (doc: Y.Doc) => {
			const entries = evidence(doc);
			return entries.length === 1 && entries[0].url === 'https://baogialai.com.vn/a';
		};
		await waitFor(() => onlyValid(storedDoc(server.store, agencyName)));
		await waitFor(() => onlyValid(watcher.doc));
		expect(evidence(storedDoc(server.store, agencyName))).toMatchObject([
			{ url: 'https://baogialai.com.vn/a' }
		]);
	});

	it('refuses a bad item of the arriving update that only the parked part places', async () => {
		// Parked parts live in memory only: someone keeps the document open meanwhile.
		const watcher = open(agencyName, coordinator);
		await watcher.ready;
		const copy = storedDoc(server.store, agencyName);
		const start = Y.encodeStateVector(copy);
		setProgress(copy, { taskId: TASKS[1], progress: 10 });
		const first = Y.encodeStateAsUpdate(copy, start);
		const afterFirst = Y.encodeStateVector(copy);
		addEvidence(copy, { taskId: TASKS[0], url: 'https://baogialai.com.vn/b', label: 'Bài' });
		const parked = Y.encodeStateAsUpdate(copy, afterFirst);
		const afterParked = Y.encodeStateVector(copy);
		(card(copy, TASKS[0]).get('evidence') as Y.Array<unknown>).push([{ id: 'x' }]);
		const bad = Y.encodeStateAsUpdate(copy, afterParked);

		expect(await raw(parked)).toEqual({ acked: true, code: null });
		expect(await raw(bad)).toEqual({ acked: false, code: CloseCodes.InvalidUpdate.code });
		expect(await raw(first)).toEqual({ acked: true, code: null });
		const stored = () => storedDoc(server.store, agencyName);
		await waitFor(() => evidence(stored()).length === 1);
		expect(evidence(stored())).toMatchObject([{ url: 'https://baogialai.com.vn/b' }]);
		expect(card(stored(), TASKS[1]).get('progress')).toBe(10);
	});
});

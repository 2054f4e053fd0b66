import {
	agencyDocName,
	asAgencyId,
	asPlanId,
	asTaskId,
	initAgencyDoc,
	initPlanDoc,
	planDocName,
	type AgencyInfo,
	type BoardSeed,
	type TaskId
} from '@planboard/model';
import type { Store } from '@planboard/store';
import { afterEach, beforeEach } from 'vitest';
import * as Y from 'yjs';
import {
	connect,
	insertPlan,
	startSyncServer,
	userWithToken,
	tempDir,
	type Client,
	type TestServer
} from './harness.js';

/**
 * A real sync server on a fresh SQLite file for each test, and the clients a test opens on it,
 * destroyed after the test. Register it before the file's own `beforeEach` that seeds the board.
 */
export function syncSuite(): {
	readonly server: TestServer;
	open(document: string, token: string): Client;
} {
	let server: TestServer | undefined;
	let cleanup = () => {};
	const clients: Client[] = [];
	beforeEach(async () => {
		const tmp = tempDir();
		cleanup = tmp.cleanup;
		server = await startSyncServer({ databasePath: `${tmp.dir}/db.sqlite` });
	});
	afterEach(async () => {
		for (const c of clients.splice(0)) c.destroy();
		await server?.close();
		cleanup();
	});
	return {
		get server() {
			return server!;
		},
		open(document, token) {
			const c = connect({ url: server!.url, document, token });
			clients.push(c);
			return c;
		}
	};
}

/** The tasks, agencies and cards of a small test board; the rest of the seed is fixed. */
export interface TestBoard {
	planId: string;
	agencies: AgencyInfo[];
	tasks: BoardSeed['tasks'];
	/** Per agency, the tasks it has a card for; also its document's contributions when given. */
	cards: Record<string, TaskId[]>;
	contributions?: Record<string, TaskId[]>;
	sections?: BoardSeed['sections'];
}

/** Stores a board's plan document and one document per agency in `cards`, as createBoard would. */
export function storeTestBoard(store: Store, board: TestBoard): void {
	const planId = asPlanId(board.planId);
	insertPlan(store, board.planId, Object.keys(board.cards));
	const plan = new Y.Doc();
	initPlanDoc(plan, {
		planId,
		meta: {
			title: 'KH',
			issuer: 'UBND',
			number: '1/KH',
			date: '2024-01-20',
			year: 2024,
			reportDue: null
		},
		sections: board.sections ?? [{ id: 'II', number: 'II', title: 'Nội dung' }],
		agencies: board.agencies,
		tasks: board.tasks,
		milestones: [],
		cards: board.cards as BoardSeed['cards']
	});
	const rows = [
		{ document: planDocName(board.planId), update: Y.encodeStateAsUpdate(plan), userId: null }
	];
	for (const [agencyId, taskIds] of Object.entries(board.cards)) {
		const doc = new Y.Doc();
		initAgencyDoc(doc, {
			agencyId: agencyId as AgencyInfo['id'],
			planId,
			taskIds,
			contributionTaskIds: board.contributions?.[agencyId] ?? []
		});
		rows.push({
			document: agencyDocName({ planId: board.planId, agencyId }),
			update: Y.encodeStateAsUpdate(doc),
			userId: null
		});
	}
	store.updates.appendMany(rows);
}

/**
 * Two lanes: the border guard (`bch-bdbp`) leads II.1 (due 10/11/2024), Sở TT&TT (`so-tttt`)
 * leads II.2 (due 01/10/2024); each has the card of its own task.
 */
export function twoLaneBoard(planId: string): TestBoard {
	const [bdbp, stttt] = [asAgencyId('bch-bdbp'), asAgencyId('so-tttt')];
	const task = (id: string, title: string, lead: AgencyInfo['id'], due: string) => ({
		id: asTaskId(id),
		number: id,
		sectionId: 'II',
		title,
		content: '',
		lead: [lead],
		kind: 'task' as const,
		due
	});
	return {
		planId,
		agencies: [
			{ id: bdbp, name: 'BĐBP', shortName: 'BĐBP', kind: 'armed' },
			{ id: stttt, name: 'Sở TT&TT', shortName: 'Sở TT&TT', kind: 'department' }
		],
		tasks: [
			task('II.1', 'Biên giới', bdbp, '2024-11-10'),
			task('II.2', 'Báo chí', stttt, '2024-10-01')
		],
		cards: { [bdbp]: [asTaskId('II.1')], [stttt]: [asTaskId('II.2')] }
	};
}

/**
 * `syncSuite` with `twoLaneBoard` stored before each test, an officer of the border guard and a
 * coordinator signed in: the setting of the proposal and reporting-round server tests.
 */
export function twoLaneSuite(planId: string): {
	readonly server: TestServer;
	readonly officer: string;
	readonly coordinator: string;
	open(document: string, token: string): Client;
} {
	const suite = syncSuite();
	let officer = '';
	let coordinator = '';
	beforeEach(async () => {
		const { store } = suite.server;
		storeTestBoard(store, twoLaneBoard(planId));
		officer = (
			await userWithToken(store, { username: 'bdbp', role: 'officer', agencyId: 'bch-bdbp' })
		).token;
		coordinator = (await userWithToken(store, { username: 'coord', role: 'coordinator' })).token;
	});
	return {
		get server() {
			return suite.server;
		},
		get officer() {
			return officer;
		},
		get coordinator() {
			return coordinator;
		},
		open: (document, token) => suite.open(document, token)
	};
}

// Cold load: an agency board of 2,000 cards whose document has 50,000 logged updates (one
// initial state, then card edits as single updates, as users make them). Times the raw SQLite
// read, the DocumentStore's load, the sync server's own load (DurableLog.onLoadDocument, as its
// `doc.loaded` log line reports it) and a provider's connect-to-synced against a freshly started
// server process, each run from a copy of the file so no run sees a snapshot written by an
// earlier one. Then the same with a snapshot. Last, a whole board (plan + 45 agency documents,
// 2,000 cards) opened by one client over one websocket right after the server process started.
import { copyFileSync } from 'node:fs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { ClientWebSocket } from '../tests/support/client-websocket.js';
import * as Y from 'yjs';
import { createBoard } from '@planboard/boards';
import { sqliteDocumentStore } from '@planboard/boards/documents';
import { asAgencyId, asTaskId, initAgencyDoc, type TaskId } from '@planboard/model';
import { loadGiaLaiDirectory } from '@planboard/plan-import';
import type { AppendUpdateInput } from '@planboard/store';
import { recordAgencyEdits } from './agency-log.js';
import { BIG_PLAN, syntheticPlan } from './board-render-seed.js';
import { hocuspocusClient } from './clients.js';
import { benchResults, type Cell } from './results.js';
import {
	coordinatorToken,
	openStore,
	seedBoard,
	spawnServer,
	startPlanboard,
	tempDir
} from './servers.js';

const CARDS = 2000;
const UPDATES = Number(process.env.COLD_UPDATES ?? 50_000);
const DIRECT_RUNS = Number(process.env.COLD_RUNS ?? 7);
const SERVER_RUNS = Number(process.env.COLD_SERVER_RUNS ?? 5);
const PROVIDER_RUNS = Number(process.env.COLD_PROVIDER_RUNS ?? 3);
const BOARD_RUNS = Number(process.env.COLD_BOARD_RUNS ?? 7);
const BOARD_LANES = 45;
const DOCUMENT = 'plan/cold/agency/a1';

const results = benchResults('cold-load');

function buildLog(): { updates: Uint8Array[]; state: Uint8Array } {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	const taskIds: TaskId[] = Array.from({ length: CARDS }, (_, i) => asTaskId(`t${i}`));
	recordAgencyEdits({
		doc,
		taskIds,
		total: UPDATES,
		onUpdate: (u) => updates.push(u),
		init: (d) => initAgencyDoc(d, { agencyId: asAgencyId('a1'), taskIds })
	});
	return { updates, state: Y.encodeStateAsUpdate(doc) };
}

/** The server's own load time of one document, from its `doc.loaded` log line. */
async function serverLoad(path: string, token: string): Promise<number> {
	let loadedMs: number | null = null;
	const server = await startPlanboard({
		databasePath: path,
		log: {
			info: (event: string, fields?: { document?: string; ms?: number }) => {
				if (event === 'doc.loaded' && fields?.document === DOCUMENT) loadedMs = fields.ms ?? null;
			},
			warn: () => {},
			error: (event: string, fields?: object) => console.error(event, fields)
		}
	});
	const client = hocuspocusClient({ url: server.url, document: DOCUMENT, token });
	await client.synced;
	client.destroy();
	await server.close();
	if (loadedMs === null) throw new Error('the server did not log doc.loaded');
	return loadedMs;
}

async function agencyDocument(tmpDir: string): Promise<{
	token: string;
	logBytes: number;
	stateBytes: number;
}> {
	const prepared = `${tmpDir}/prepared.db`;
	const built = performance.now();
	const { updates, state } = buildLog();
	const store = openStore({ path: prepared });
	const token = await seedBoard({ store, planId: 'cold', agencyIds: ['a1'] });
	const rows: AppendUpdateInput[] = updates.map((update) => ({
		document: DOCUMENT,
		update,
		userId: null
	}));
	for (let i = 0; i < rows.length; i += 5000) store.updates.appendMany(rows.slice(i, i + 5000));
	const logBytes = updates.reduce((n, u) => n + u.byteLength, 0);
	store.close();
	console.error(
		`cold-load: prepared ${updates.length} updates (${(logBytes / 1e6).toFixed(1)} MB) in ${Math.round(performance.now() - built)} ms`
	);

	for (const mode of ['log', 'snapshot'] as const) {
		const path = `${tmpDir}/${mode}.db`;
		copyFileSync(prepared, path);
		if (mode === 'snapshot') {
			const s = openStore({ path });
			s.updates.writeSnapshot({
				document: DOCUMENT,
				state,
				uptoSeq: s.updates.load(DOCUMENT).lastSeq
			});
			s.close();
		}
		const s = openStore({ path });
		for (let run = 0; run < DIRECT_RUNS; run++) {
			const t0 = performance.now();
			s.updates.load(DOCUMENT);
			results.add(`${mode}/sqlite`, performance.now() - t0);
			const t1 = performance.now();
			const c1 = process.cpuUsage();
			const document = await sqliteDocumentStore(s).load(DOCUMENT);
			results.add(`${mode}/store-load`, performance.now() - t1);
			results.add(`${mode}/store-load-cpu`, cpuMs(process.cpuUsage(c1)));
			if (document.getMap('cards').size !== CARDS)
				throw new Error(`loaded ${document.getMap('cards').size} cards, expected ${CARDS}`);
		}
		s.close();

		for (let run = 0; run < SERVER_RUNS; run++) {
			const copy = `${tmpDir}/server${run}.db`;
			copyFileSync(path, copy);
			results.add(`${mode}/server-load`, await serverLoad(copy, token));
		}

		for (let run = 0; run < PROVIDER_RUNS; run++) {
			const copy = `${tmpDir}/run${run}.db`;
			copyFileSync(path, copy);
			const server = await spawnServer({ kind: 'planboard', databasePath: copy });
			const t0 = performance.now();
			const client = hocuspocusClient({ url: server.url, document: DOCUMENT, token });
			await client.synced;
			results.add(`${mode}/synced`, performance.now() - t0);
			if (client.doc.getMap('cards').size !== CARDS)
				throw new Error('provider did not receive every card');
			client.destroy();
			await server.close();
		}
	}
	return { token, logBytes, stateBytes: state.byteLength };
}

/**
 * Every document of a board over one websocket, as the board page opens them: returns the time
 * from creating the socket until all are synced, and the cards the client then holds.
 */
async function openBoard(url: string, token: string, documents: string[]) {
	const t0 = performance.now();
	const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: ClientWebSocket });
	const providers = documents.map((name) => {
		const document = new Y.Doc();
		const provider = new HocuspocusProvider({ name, document, token, websocketProvider: socket });
		provider.attach();
		provider.awareness?.setLocalState(null);
		return {
			document,
			provider,
			synced: new Promise<void>((resolve) => provider.on('synced', () => resolve()))
		};
	});
	await Promise.all(providers.map((p) => p.synced));
	const ms = performance.now() - t0;
	const cards = providers.reduce((n, p) => n + p.document.getMap('cards').size, 0);
	for (const p of providers) p.provider.destroy();
	socket.destroy();
	return { ms, cards };
}

async function boardOpen(
	tmpDir: string
): Promise<{ documents: number; boardBytes: number; boardStructs: number }> {
	const path = `${tmpDir}/board.db`;
	const store = openStore({ path });
	createBoard({
		store,
		plan: syntheticPlan({ tasks: CARDS, lanes: BOARD_LANES }),
		planId: BIG_PLAN,
		directory: loadGiaLaiDirectory()
	});
	const token = await coordinatorToken({ store, username: 'bench-board' });
	const documents = store.updates.documents(`plan/${BIG_PLAN}`);
	const loaded = await Promise.all(documents.map((d) => sqliteDocumentStore(store).load(d)));
	const expectedCards = loaded.reduce((n, doc) => n + doc.getMap('cards').size, 0);
	const boardBytes = loaded.reduce((n, doc) => n + Y.encodeStateAsUpdate(doc).byteLength, 0);
	let boardStructs = 0;
	for (const doc of loaded)
		doc.store.clients.forEach((structs) => (boardStructs += structs.length));
	store.close();
	if (documents.length !== BOARD_LANES + 1)
		throw new Error(`the board has ${documents.length} documents, expected ${BOARD_LANES + 1}`);
	for (let run = 0; run < BOARD_RUNS; run++) {
		const copy = `${tmpDir}/board${run}.db`;
		copyFileSync(path, copy);
		const server = await spawnServer({ kind: 'planboard', databasePath: copy });
		const serverCpu = await server.cpu();
		const clientCpu = process.cpuUsage();
		const { ms, cards } = await openBoard(server.url, token, documents);
		results.add('board/client-cpu', cpuMs(process.cpuUsage(clientCpu)));
		const serverCpuAfter = await server.cpu();
		results.add(
			'board/server-cpu',
			(serverCpuAfter.user + serverCpuAfter.system - serverCpu.user - serverCpu.system) / 1000
		);
		await server.close();
		if (cards !== expectedCards)
			throw new Error(`the client holds ${cards} cards, the store ${expectedCards}`);
		results.add('board/synced', ms);
	}
	return { documents: documents.length, boardBytes, boardStructs };
}

/** CPU time (user + system, all threads) of a `process.cpuUsage(previous)` difference, in ms. */
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/** The server's load (wall time, contention included) and the CPU time of the same load alone. */
const wallAndCpu = (wall: string, cpu: string): Cell => ({
	join: [
		{ stat: 'median', series: wall, digits: 0, suffix: ' ms median' },
		{ stat: 'median', series: cpu, digits: 0, suffix: ' ms CPU (DocumentStore.load)' }
	],
	sep: '; '
});

const ms = (series: string, digits = 0): Cell => ({
	join: [
		{ stat: 'median', series, digits },
		{ stat: 'p99', series, digits }
	]
});

async function main(): Promise<void> {
	const tmp = tempDir();
	const { logBytes, stateBytes } = await agencyDocument(tmp.dir);
	const { documents, boardBytes, boardStructs } = await boardOpen(tmp.dir);
	tmp.cleanup();

	const snapshotLoad = results.stat('median', 'snapshot/server-load');
	const logLoad = results.stat('median', 'log/server-load');
	const boardSynced = results.stat('median', 'board/synced');
	const updates = UPDATES.toLocaleString('en-US');
	results.write({
		tables: [
			{
				title: `Cold load: ${CARDS.toLocaleString('en-US')} cards, ${updates} logged updates, one agency document (ms, median / p99)`,
				columns: [
					'stored as',
					'SQLite read',
					'DocumentStore.load',
					'of which CPU time',
					'sync server load (onLoadDocument)',
					'provider connect → synced (fresh server process)'
				],
				rows: [
					[
						`log only (${updates} rows)`,
						ms('log/sqlite'),
						ms('log/store-load'),
						ms('log/store-load-cpu'),
						ms('log/server-load'),
						ms('log/synced')
					],
					[
						'snapshot + empty tail',
						ms('snapshot/sqlite'),
						ms('snapshot/store-load'),
						ms('snapshot/store-load-cpu'),
						ms('snapshot/server-load'),
						ms('snapshot/synced')
					]
				],
				notes: [
					`runs: ${DIRECT_RUNS} of the SQLite read and DocumentStore.load (in this process, same file); ${SERVER_RUNS} of the sync server's load (createSyncServer in this process, the time its doc.loaded line reports: group-commit flush, SQLite read, applying, schema check and migration), each on a fresh copy of the file; ${PROVIDER_RUNS} of a provider against a new server process, each on a fresh copy`,
					`log: ${(logBytes / 1e6).toFixed(1)} MB of updates; the snapshot is the state as one update (${(stateBytes / 1e3).toFixed(0)} kB); the server writes one after 500 logged updates`
				]
			},
			{
				title: `A board's first open after a server restart: plan + ${BOARD_LANES} agency documents, ${CARDS.toLocaleString('en-US')} cards (ms)`,
				columns: [
					'board',
					'documents',
					'connect → all synced, median / p99',
					'server CPU during the open',
					'client CPU',
					'runs'
				],
				rows: [
					[
						'as created by createBoard (planboard import)',
						String(documents),
						ms('board/synced'),
						ms('board/server-cpu'),
						ms('board/client-cpu'),
						{ stat: 'n', series: 'board/synced' }
					]
				],
				notes: [
					'each run: a new server process on a fresh copy of the file, then one client opens every document of the board over one websocket (HocuspocusProviderWebsocket shared by 46 providers), as the board page does; the client checks it holds every card',
					`the board's documents hold ${(boardBytes / 1e6).toFixed(1)} MB of state (${boardStructs.toLocaleString('en-US')} Yjs structs); CPU times are user + system of the server process and of this (client) process over the open, so they show the work apart from waiting for a core on a shared machine`
				]
			}
		],
		aims: [
			{
				aim: `cold load of a ${CARDS.toLocaleString('en-US')}-card document with ${updates} updates from its snapshot, on the server: under 150 ms`,
				figure: wallAndCpu('snapshot/server-load', 'snapshot/store-load-cpu'),
				met: snapshotLoad < 150,
				...(snapshotLoad < 150 ? {} : { limit: SNAPSHOT_LIMIT })
			},
			{
				aim: `the same from the log alone: under 300 ms`,
				figure: wallAndCpu('log/server-load', 'log/store-load-cpu'),
				met: logLoad < 300,
				...(logLoad < 300 ? {} : { limit: LOG_LIMIT })
			},
			{
				aim: `a board's first open after a server restart (all ${documents} documents synced): under 500 ms`,
				figure: {
					join: [
						{ stat: 'median', series: 'board/synced', digits: 0, suffix: ' ms median' },
						{ stat: 'median', series: 'board/server-cpu', digits: 0, suffix: ' ms server CPU' },
						{ stat: 'median', series: 'board/client-cpu', digits: 0, suffix: ' ms client CPU' }
					],
					sep: '; '
				},
				met: boardSynced < 500,
				...(boardSynced < 500 ? {} : { limit: BOARD_LIMIT })
			}
		]
	});
}

const SNAPSHOT_LIMIT =
	"Yjs itself: the snapshot holds about 97,000 items (73,000 of them overwritten card values, kept to order concurrent writes); decoding and integrating them allocates objects that all survive, and V8 spends about half the load collecting garbage (node --cpu-prof); the schema check and the SQLite read are a few ms. Fixed on the way: the load no longer re-encodes the whole state for Hocuspocus's update listener";
const LOG_LIMIT =
	"Yjs itself: 50,000 updates decoded and integrated one by one, the snapshot's items plus the per-update decoding; merging them first (Y.mergeUpdates, whole or in chunks of 10 to 1,000) is not faster. The server now snapshots such a document right after its first load, so only that load pays this";
const BOARD_LIMIT =
	"decoding the board's state on both sides (the server loads every document, the client integrates every synced state; see the CPU columns), much of the wall time waiting for a core on a shared 2-core machine. Fixed on the way: each document's authentication read the plan's source JSON (megabytes) to check that it exists";

await main();
process.exit(0);

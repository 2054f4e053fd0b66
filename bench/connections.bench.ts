// Memory per idle connection: RSS and heap of the server process (a child, measured over IPC
// after a full GC) before and after 1,000 synced, idle connections to one board document, then
// after 1,000 more. Planboard's connections are authenticated (token, per-document access); the
// baseline's are not. Then what one browser-like client with the Gia Lai board open costs
// Planboard's server: one socket, one provider per document (46), as the web's BoardSession.
import { readFileSync } from 'node:fs';
import { boardClient, baselineClient, hocuspocusClient, type BenchClient } from './clients.js';
import { benchResults, type Aim, type Cell } from './results.js';
import {
	openStore,
	seedBoard,
	spawnServer,
	tempDir,
	type ChildBenchServer,
	type MemoryStats,
	type Store
} from './servers.js';
import { inBatches, sleep } from './support.js';
import { buildSeed, boardDirectory, createBoard } from '@planboard/boards';
import { agencyDocName, planDocName } from '@planboard/model';
import { loadGiaLaiDirectory, parsePlan } from '@planboard/plan-import';

const CONNECTIONS = Number(process.env.CONNECTIONS ?? 1000);
const RUNS = Number(process.env.CONNECTION_RUNS ?? 3);
const BROWSERS = Number(process.env.BROWSERS ?? 20);
/** V8's young generation capped (MB per semi-space; Node 20's default grows to 16). */
const SEMI_SPACE_FLAG = '--max-semi-space-size=4';
const KINDS = ['planboard', 'baseline', 'planboard-semi'] as const;
type Kind = (typeof KINDS)[number];

const results = benchResults('connections');

async function connectAll(count: number, open: () => BenchClient): Promise<BenchClient[]> {
	return inBatches(count, 50, async () => {
		const c = open();
		await c.synced;
		return c;
	});
}

/** Per connection: the first CONNECTIONS on a fresh server, then CONNECTIONS more on top. */
async function measure(kind: Kind, server: ChildBenchServer, open: () => BenchClient) {
	// One connection first, so the document and the per-document machinery are already loaded.
	const warm = open();
	await warm.synced;
	await sleep(300);
	const before: MemoryStats = await server.stats();
	const started = performance.now();
	const first = await connectAll(CONNECTIONS, open);
	results.add(`${kind}/connect-ms`, performance.now() - started);
	await sleep(1000);
	const middle = await server.stats();
	const next = await connectAll(CONNECTIONS, open);
	await sleep(1000);
	const after = await server.stats();
	results.add(`${kind}/rss-first`, (middle.rss - before.rss) / CONNECTIONS);
	results.add(`${kind}/heap-first`, (middle.heapUsed - before.heapUsed) / CONNECTIONS);
	results.add(`${kind}/rss-next`, (after.rss - middle.rss) / CONNECTIONS);
	results.add(`${kind}/heap-next`, (after.heapUsed - middle.heapUsed) / CONNECTIONS);
	for (const c of [warm, ...first, ...next]) c.destroy();
	await sleep(1500);
}

/** The reference board as `planboard init` creates it; returns its document names. */
function seedGiaLai(store: Store): string[] {
	const planId = 'gia-lai-2024';
	const directory = (store.agencies.seed(loadGiaLaiDirectory()), boardDirectory(store));
	const plan = parsePlan(
		readFileSync(new URL('../plans/gia-lai-2024-ttdn.txt', import.meta.url), 'utf8'),
		{ directory, source: 'gia-lai-2024-ttdn.txt' }
	);
	createBoard({ store, plan, planId, directory });
	const { documentAgencies } = buildSeed({ plan, planId, directory });
	return [
		planDocName(planId),
		...documentAgencies.map((a) => agencyDocName({ planId, agencyId: a.id }))
	];
}

/** Per browser-like client: BROWSERS of them after one that loaded every document. */
async function measureBrowsers(server: ChildBenchServer, documents: string[], token: string) {
	const open = () => boardClient({ url: server.url, documents, token });
	const warm = open();
	await warm.synced;
	await sleep(500);
	const before = await server.stats();
	const browsers = await inBatches(BROWSERS, 5, async () => {
		const b = open();
		await b.synced;
		return b;
	});
	await sleep(1000);
	const after = await server.stats();
	results.add('browser/rss', (after.rss - before.rss) / BROWSERS);
	results.add('browser/heap', (after.heapUsed - before.heapUsed) / BROWSERS);
	for (const b of [warm, ...browsers]) b.destroy();
}

let documentCount = 0;

async function main(): Promise<void> {
	const tmp = tempDir();
	const databasePath = `${tmp.dir}/bench.db`;
	const setup = openStore({ path: databasePath });
	const token = await seedBoard({ store: setup, planId: 'conn' });
	const documents = seedGiaLai(setup);
	documentCount = documents.length;
	setup.close();
	try {
		for (let run = 0; run < RUNS; run++) {
			// A fresh process per run and side, so one run's freed-but-retained pages do not count twice.
			for (const kind of run % 2 === 0 ? KINDS : [...KINDS].reverse()) {
				const server =
					kind === 'baseline'
						? await spawnServer({ kind })
						: await spawnServer({
								kind: 'planboard',
								databasePath,
								nodeFlags: kind === 'planboard-semi' ? [SEMI_SPACE_FLAG] : []
							});
				const open =
					kind !== 'baseline'
						? () => hocuspocusClient({ url: server.url, document: 'plan/conn', token })
						: () => baselineClient({ url: server.url, document: 'conn' });
				await measure(kind, server, open);
				await server.close();
			}
			const server = await spawnServer({ kind: 'planboard', databasePath });
			await measureBrowsers(server, documents, token);
			await server.close();
		}
	} finally {
		tmp.cleanup();
	}
	const kib = (series: string): Cell => ({
		join: [
			{ stat: 'median', series, scale: 1 / 1024 },
			{ stat: 'max', series, scale: 1 / 1024 }
		]
	});
	const row = (name: string, kind: Kind): Cell[] => [
		name,
		kib(`${kind}/rss-first`),
		kib(`${kind}/heap-first`),
		kib(`${kind}/rss-next`),
		kib(`${kind}/heap-next`),
		{ stat: 'median', series: `${kind}/connect-ms`, digits: 0 }
	];
	const perConnection = results.stat('median', 'planboard/rss-first') / 1024;
	const perBrowser = results.stat('median', 'browser/rss') / 1024;
	const aims: Aim[] = [
		{
			aim: `at most 16 KiB of server RSS per idle connection (${CONNECTIONS.toLocaleString('en-US')} connections)`,
			figure: {
				join: [
					{ stat: 'median', series: 'planboard/rss-first', scale: 1 / 1024, suffix: ' KiB' },
					{ stat: 'median', series: 'baseline/rss-first', scale: 1 / 1024, suffix: ' KiB baseline' }
				],
				sep: ' vs '
			},
			met: perConnection <= 16,
			limit:
				perConnection <= 16
					? undefined
					: `V8's young generation growing to 16 MB semi-spaces while the connections' objects survive: the same server with ${SEMI_SPACE_FLAG} measures ${(results.stat('median', 'planboard-semi/rss-first') / 1024).toFixed(1)} KiB, and the next ${CONNECTIONS} cost ${(results.stat('median', 'planboard/rss-next') / 1024).toFixed(1)} KiB each; the live heap per connection is ${(results.stat('median', 'planboard/heap-first') / 1024).toFixed(1)} KiB, mostly Hocuspocus's objects per socket and per document`
		},
		{
			aim: 'one browser with the whole Gia Lai board open (all its documents) under 150 KiB',
			figure: {
				join: [
					{ stat: 'median', series: 'browser/rss', scale: 1 / 1024, suffix: ' KiB RSS' },
					{ stat: 'median', series: 'browser/heap', scale: 1 / 1024, suffix: ' KiB heap' }
				]
			},
			met: perBrowser < 150,
			limit:
				perBrowser < 150
					? undefined
					: `a browser opens ${documentCount} Hocuspocus connections on one socket, about ${(results.stat('median', 'browser/heap') / 1024 / documentCount).toFixed(1)} KiB of heap each (its Connection, seven hook closures, hook payload and context copy); the RSS measured over ${BROWSERS} browsers is mostly V8's young generation growing`
		}
	];
	results.write({
		tables: [
			{
				title: `Idle connections: server memory per connection (KiB, median / max of ${RUNS} runs)`,
				columns: [
					'server',
					`RSS, first ${CONNECTIONS}`,
					`heap, first ${CONNECTIONS}`,
					`RSS, next ${CONNECTIONS}`,
					`heap, next ${CONNECTIONS}`,
					`connect+sync of ${CONNECTIONS}, ms`
				],
				rows: [
					row('y-websocket 1.5.4 (no auth)', 'baseline'),
					row('Planboard (token auth, SQLite log)', 'planboard'),
					row(`Planboard, node ${SEMI_SPACE_FLAG}`, 'planboard-semi')
				],
				notes: [
					`${RUNS} runs per server, each in a fresh child process, alternating order; (after − before) / ${CONNECTIONS} after a forced full GC`,
					`all connections on one document, opened 50 at a time, idle (no awareness state) for 1 s before measuring; "next": ${CONNECTIONS} more on top of the first`,
					`${SEMI_SPACE_FLAG}: the same server with V8's young generation capped at 4 MB semi-spaces (not shipped): what of the RSS is the young generation growing, not the connections`
				]
			},
			{
				title: `A browser with the Gia Lai board open: server memory per browser (KiB, median / max of ${RUNS} runs)`,
				columns: ['documents per browser', 'RSS', 'heap'],
				rows: [[String(documents.length), kib('browser/rss'), kib('browser/heap')]],
				notes: [
					`one HocuspocusProviderWebsocket carrying a provider per document (the plan document with presence, ${documents.length - 1} agency documents without), as the web's BoardSession; ${BROWSERS} browsers after one that loaded every document, 5 at a time`
				]
			}
		],
		aims
	});
}

await main();
process.exit(0);

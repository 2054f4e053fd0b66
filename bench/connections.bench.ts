// Memory per idle connection: RSS and heap of the server process (a child, measured over IPC
// after a full GC) before and after 1,000 synced, idle connections to one board document.
// Planboard's connections are authenticated (token, per-document access); the baseline's are not.
import { baselineClient, hocuspocusClient, type BenchClient } from './clients.js';
import {
	openStore,
	seedBoard,
	spawnServer,
	tempDir,
	type ChildBenchServer,
	type MemoryStats
} from './servers.js';
import { inBatches, printTable, sleep, summarize } from './support.js';

const CONNECTIONS = Number(process.env.CONNECTIONS ?? 1000);
const RUNS = 3;

interface Sample {
	rss: number;
	heap: number;
	connectMs: number;
}

async function measure(server: ChildBenchServer, open: () => BenchClient): Promise<Sample> {
	// One connection first, so the document and the per-document machinery are already loaded.
	const warm = open();
	await warm.synced;
	await sleep(300);
	const before: MemoryStats = await server.stats();
	const started = performance.now();
	const clients = await inBatches(CONNECTIONS, 50, async () => {
		const c = open();
		await c.synced;
		return c;
	});
	const connectMs = performance.now() - started;
	await sleep(1000);
	const after = await server.stats();
	for (const c of [warm, ...clients]) c.destroy();
	await sleep(1500);
	return {
		rss: (after.rss - before.rss) / CONNECTIONS,
		heap: (after.heapUsed - before.heapUsed) / CONNECTIONS,
		connectMs
	};
}

async function main(): Promise<void> {
	const tmp = tempDir();
	const databasePath = `${tmp.dir}/bench.db`;
	const setup = openStore({ path: databasePath });
	const token = await seedBoard({ store: setup, planId: 'conn' });
	setup.close();
	const samples = { planboard: [] as Sample[], baseline: [] as Sample[] };
	try {
		for (let run = 0; run < RUNS; run++) {
			// A fresh process per run and side, so one run's freed-but-retained pages do not count twice.
			for (const kind of run % 2 === 0
				? (['planboard', 'baseline'] as const)
				: (['baseline', 'planboard'] as const)) {
				const server =
					kind === 'planboard'
						? await spawnServer({ kind, databasePath })
						: await spawnServer({ kind });
				const open =
					kind === 'planboard'
						? () => hocuspocusClient({ url: server.url, document: 'plan/conn', token })
						: () => baselineClient({ url: server.url, document: 'conn' });
				samples[kind].push(await measure(server, open));
				await server.close();
			}
		}
	} finally {
		tmp.cleanup();
	}
	const kib = (x: number) => (x / 1024).toFixed(1);
	const row = (name: string, s: Sample[]) => {
		const rss = summarize(s.map((x) => x.rss));
		const heap = summarize(s.map((x) => x.heap));
		const connect = summarize(s.map((x) => x.connectMs));
		return [
			name,
			`${kib(rss.median)} / ${kib(rss.max)}`,
			`${kib(heap.median)} / ${kib(heap.max)}`,
			`${Math.round(connect.median)}`
		];
	};
	printTable({
		title: `Idle connections: server memory per connection at ${CONNECTIONS.toLocaleString('en-US')} connections (KiB)`,
		columns: [
			'server',
			'RSS median / max',
			'heap median / max',
			`connect+sync of ${CONNECTIONS} ms (median)`
		],
		rows: [
			row('y-websocket 1.5.4 (no auth)', samples.baseline),
			row('Planboard (token auth, SQLite log)', samples.planboard)
		],
		notes: [
			`${RUNS} runs per server, each in a fresh child process, alternating order; (after − before) / ${CONNECTIONS} after a forced full GC`,
			'all connections on one document, opened 50 at a time, idle (no awareness state) for 1 s before measuring'
		]
	});
}

await main();
process.exit(0);

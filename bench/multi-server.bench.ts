// Fan-out across two sync servers (issue 19): one writer on server A, N readers; per write, the
// time until the LAST reader saw it, with the readers on A itself ("one server") and on B (the
// update crosses Redis: A publishes its state vector, B answers, A sends what B lacks). Both
// servers are the built standalone sync server (`apps/sync/dist/main.js`) in child processes
// over one SQLite file, with a real redis-server the harness starts. Blocks of the two sides
// alternate, so drift of the machine hits both alike. Knobs: MULTI_SERVER_READERS (10),
// MULTI_SERVER_BLOCKS (5 blocks of 40 writes at 20/s per side).
import { cpus, loadavg } from 'node:os';
import { startChildServer, type ChildServer } from '../tests/support/child-server.js';
import { startRedis } from '../tests/support/redis.js';
import { hocuspocusClient, type BenchClient } from './clients.js';
import { benchResults } from './results.js';
import { openStore, seedPlanBoard, tempDir } from './servers.js';
import { inBatches, sleep, waitFor } from './support.js';

const READERS = Number(process.env.MULTI_SERVER_READERS ?? 10);
const BLOCKS = Number(process.env.MULTI_SERVER_BLOCKS ?? 5);
const WRITES_PER_BLOCK = 40;
const INTERVAL_MS = 50;

interface Side {
	series: string;
	writer: BenchClient;
	readers: BenchClient[];
	seq: number;
	sentAt: number[];
	seen: number[];
	latencies: number[];
	lost: number;
}

async function connectSide(o: {
	series: string;
	writerUrl: string;
	readerUrl: string;
	document: string;
	token: string;
}): Promise<Side> {
	const writer = hocuspocusClient({ url: o.writerUrl, document: o.document, token: o.token });
	const readers = await inBatches(READERS, 50, async () => {
		const c = hocuspocusClient({ url: o.readerUrl, document: o.document, token: o.token });
		await c.synced;
		return c;
	});
	await writer.synced;
	const side: Side = {
		series: o.series,
		writer,
		readers,
		seq: -1,
		sentAt: [],
		seen: [],
		latencies: [],
		lost: 0
	};
	for (const r of readers) {
		const map = r.doc.getMap<number>('plan');
		let last = -1;
		map.observe(() => {
			const v = map.get('year') ?? -1;
			for (let j = last + 1; j <= v; j++) {
				if (side.sentAt[j] === undefined) continue;
				side.seen[j] = (side.seen[j] ?? 0) + 1;
				if (side.seen[j] === readers.length) side.latencies[j] = performance.now() - side.sentAt[j];
			}
			last = Math.max(last, v);
		});
	}
	return side;
}

async function runBlock(side: Side): Promise<void> {
	const map = side.writer.doc.getMap<number>('plan');
	const start = performance.now();
	const first = side.seq + 1;
	for (let i = 0; i < WRITES_PER_BLOCK; i++) {
		const wait = start + i * INTERVAL_MS - performance.now();
		if (wait > 0) await sleep(wait);
		const seq = ++side.seq;
		side.sentAt[seq] = performance.now();
		map.set('year', seq);
	}
	const last = side.seq;
	await waitFor(() => side.latencies[last] !== undefined, 15_000, 'last write seen').catch(
		() => {}
	);
	for (let j = first; j <= last; j++) if (side.latencies[j] === undefined) side.lost++;
}

async function seed(databasePath: string, planId: string): Promise<string> {
	const store = openStore({ path: databasePath });
	const token = await seedPlanBoard({ store, planId });
	store.close();
	return token;
}

async function main(): Promise<void> {
	const results = benchResults('multi-server');
	const redis = await startRedis();
	const tmp = tempDir();
	const servers: ChildServer[] = [];
	const sides: Side[] = [];
	try {
		const local = await seed(`${tmp.dir}/planboard.db`, 'one');
		const cross = await seed(`${tmp.dir}/planboard.db`, 'two');
		const env = { PLANBOARD_DATA: tmp.dir, PLANBOARD_REDIS_URL: redis.url };
		for (let i = 0; i < 2; i++)
			servers.push(await startChildServer({ entry: 'apps/sync/dist/main.js', env }));
		const [a, b] = servers.map((s) => `ws://127.0.0.1:${s.port}/collab`);
		sides.push(
			await connectSide({
				series: 'one-server',
				writerUrl: a,
				readerUrl: a,
				document: 'plan/one',
				token: local
			}),
			await connectSide({
				series: 'across-redis',
				writerUrl: a,
				readerUrl: b,
				document: 'plan/two',
				token: cross
			})
		);
		await sleep(500);
		for (let block = 0; block < BLOCKS; block++) {
			const order = block % 2 === 0 ? sides : [...sides].reverse();
			for (const side of order) await runBlock(side);
		}
	} finally {
		for (const side of sides) for (const c of [side.writer, ...side.readers]) c.destroy();
		for (const s of servers) {
			s.process.kill('SIGTERM');
			await s.exited;
		}
		await redis.close();
		tmp.cleanup();
	}
	for (const side of sides) {
		results.add(side.series, ...side.latencies.filter((x) => x !== undefined));
		results.add(`${side.series}/lost`, side.lost);
	}
	const cell = (series: string) => ({
		join: [
			{ stat: 'median' as const, series, digits: 1 },
			{ stat: 'p99' as const, series, digits: 1 }
		]
	});
	const p99 = results.stat('p99', 'across-redis');
	results.write({
		tables: [
			{
				title: `Fan-out across two servers: one writer on A, ${READERS} readers, time until the last reader saw a write (ms)`,
				columns: ['readers on', 'median / p99', 'writes seen', 'lost'],
				rows: [
					[
						'A (one server)',
						cell('one-server'),
						{ stat: 'n', series: 'one-server' },
						{ stat: 'sum', series: 'one-server/lost', digits: 0 }
					],
					[
						'B (across Redis)',
						cell('across-redis'),
						{ stat: 'n', series: 'across-redis' },
						{ stat: 'sum', series: 'across-redis/lost', digits: 0 }
					]
				],
				notes: [
					`${BLOCKS} blocks of ${WRITES_PER_BLOCK} writes at 20/s per side, alternating; both servers and redis-server on loopback, sharing the machine with the driver.`
				]
			}
		],
		aims: [
			{
				aim: 'an update through server A reaches a client on server B under 100 ms p99 (loopback)',
				figure: { stat: 'p99', series: 'across-redis', digits: 1, suffix: ' ms' },
				met: p99 < 100,
				...(p99 < 100
					? {}
					: {
							limit: `the shared machine's load (1-min ${loadavg()[0].toFixed(0)} on ${cpus().length} cores): readers on A itself saw a p99 of ${results.stat('p99', 'one-server').toFixed(0)} ms in the same run`
						})
			}
		]
	});
}

await main();

// Fan-out: one writer and N readers on one document; per write, the time until the LAST reader
// saw it. Planboard's server (auth, per-document access, durable SQLite log) against the plain
// y-websocket server, each in its own child process, interleaved in blocks so that drift of the
// machine (thermal, other load) hits both alike. Driver and servers share the machine's cores.
// Planboard's writers set `plan.year` of initialised plan documents, so the schema check decodes
// and validates every write; FANOUT_UNCHECKED=1 adds Planboard without the schema check.
// The driver's own cost is reported apart: its event-loop busy time per write while each server
// runs, and the floor of that, the time to apply one write to N documents in this process.
import { cpus, loadavg } from 'node:os';
import * as Y from 'yjs';
import { baselineClient, hocuspocusClient, type BenchClient } from './clients.js';
import { benchResults, type Aim, type Cell, type RatioCell } from './results.js';
import {
	openStore,
	seedPlanBoard,
	spawnServer,
	tempDir,
	type ChildBenchServer
} from './servers.js';
import { inBatches, sleep, waitFor } from './support.js';

const SIZES = (process.env.FANOUT_SIZES ?? '10,100,500').split(',').map(Number);
const WRITES_PER_BLOCK = 40;
/** At least this many writes per server and N (whole blocks). */
const WRITES = Number(process.env.FANOUT_WRITES ?? 1000);
const BLOCKS = Math.ceil(WRITES / WRITES_PER_BLOCK);
const INTERVAL_MS = 50; // 20 writes per second
const UNCHECKED = process.env.FANOUT_UNCHECKED === '1';
/** Writes applied to N in-process documents to time the driver's decoding floor. */
const FLOOR_WRITES = 200;

const results = benchResults('fanout');

interface Side {
	name: string;
	/** Series prefix: `<key>/<N>/...`. */
	key: string;
	/** The map and key the writer sets (a known, validated part of a plan document for ours). */
	target: [map: string, key: string];
	writer: BenchClient;
	readers: BenchClient[];
	latencies: number[];
	lost: number;
	seq: number;
	sentAt: number[];
	seen: number[];
}

async function connectSide(options: {
	name: string;
	key: string;
	n: number;
	target: [string, string];
	open: () => BenchClient;
}): Promise<Side> {
	const clients = await inBatches(options.n + 1, 50, async () => {
		const c = options.open();
		await c.synced;
		return c;
	});
	const [writer, ...readers] = clients;
	const [mapName, key] = options.target;
	const side: Side = {
		name: options.name,
		key: options.key,
		target: options.target,
		writer,
		readers,
		latencies: [],
		lost: 0,
		seq: -1,
		sentAt: [],
		seen: []
	};
	for (const r of readers) {
		const map = r.doc.getMap<number>(mapName);
		let last = -1;
		map.observe(() => {
			const v = map.get(key) ?? -1;
			// Updates may arrive merged: a reader that jumps from 3 to 5 has seen 4 too.
			for (let j = last + 1; j <= v; j++) {
				side.seen[j] = (side.seen[j] ?? 0) + 1;
				if (side.seen[j] === readers.length) side.latencies[j] = performance.now() - side.sentAt[j];
			}
			last = Math.max(last, v);
		});
	}
	return side;
}

async function runBlock(side: Side): Promise<void> {
	const [mapName, key] = side.target;
	const map = side.writer.doc.getMap<number>(mapName);
	const cpu = process.cpuUsage();
	const start = performance.now();
	const first = side.seq + 1;
	for (let i = 0; i < WRITES_PER_BLOCK; i++) {
		const due = start + i * INTERVAL_MS;
		const wait = due - performance.now();
		if (wait > 0) await sleep(wait);
		const seq = ++side.seq;
		side.sentAt[seq] = performance.now();
		map.set(key, seq);
	}
	const last = side.seq;
	try {
		await waitFor(
			() => side.latencies[last] !== undefined,
			15_000,
			`${side.name}: last write seen`
		);
	} catch {
		// Reported as lost rather than aborting the whole run.
	}
	for (let j = first; j <= last; j++) if (side.latencies[j] === undefined) side.lost++;
	// The driver's CPU time during the block, per write: its clients' decoding and its own timers.
	const used = process.cpuUsage(cpu);
	results.add(`${side.key}/driver-cpu`, (used.user + used.system) / 1000 / WRITES_PER_BLOCK);
}

/**
 * The driver's floor per write: applying one write to N documents and running the readers'
 * observer, in this process, with no socket and no server. Every server's latency includes it.
 */
function driverFloor(n: number): void {
	const writer = new Y.Doc();
	const readers = Array.from({ length: n }, () => new Y.Doc());
	let seen = 0;
	for (const r of readers) r.getMap('fan').observe(() => seen++);
	writer.on('update', (update: Uint8Array) => {
		const started = performance.now();
		for (const r of readers) Y.applyUpdate(r, update);
		results.add(`driver/${n}/floor`, performance.now() - started);
	});
	for (let i = 0; i < FLOOR_WRITES; i++) writer.getMap('fan').set('seq', i);
	if (seen !== n * FLOOR_WRITES) throw new Error('driver floor: a reader missed a write');
}

/** A database with one initialised plan document per N; returns the tokens by N's index. */
async function seedDatabase(databasePath: string): Promise<Map<number, string>> {
	const setup = openStore({ path: databasePath });
	const tokens = new Map<number, string>();
	for (const k of SIZES.keys()) {
		const planId = `fan${k}`;
		tokens.set(k, await seedPlanBoard({ store: setup, planId }));
	}
	setup.close();
	return tokens;
}

async function main(): Promise<void> {
	const tmp = tempDir();
	const databasePath = `${tmp.dir}/bench.db`;
	const uncheckedPath = `${tmp.dir}/bench-unchecked.db`;
	const tokens = await seedDatabase(databasePath);
	const uncheckedTokens = UNCHECKED ? await seedDatabase(uncheckedPath) : new Map<number, string>();

	const ours: ChildBenchServer = await spawnServer({ kind: 'planboard', databasePath });
	const unchecked: ChildBenchServer | null = UNCHECKED
		? await spawnServer({ kind: 'planboard', databasePath: uncheckedPath, schemaCheck: false })
		: null;
	const base: ChildBenchServer = await spawnServer({ kind: 'baseline' });
	try {
		for (const [k, n] of SIZES.entries()) {
			driverFloor(n);
			const started = performance.now();
			const sides: Side[] = [
				await connectSide({
					name: 'planboard',
					key: `planboard/${n}`,
					n,
					target: ['plan', 'year'],
					open: () =>
						hocuspocusClient({ url: ours.url, document: `plan/fan${k}`, token: tokens.get(k)! })
				}),
				await connectSide({
					name: 'baseline',
					key: `baseline/${n}`,
					n,
					target: ['fan', 'seq'],
					open: () => baselineClient({ url: base.url, document: `fan${k}` })
				})
			];
			if (unchecked)
				sides.push(
					await connectSide({
						name: 'planboard, no schema check',
						key: `unchecked/${n}`,
						n,
						target: ['plan', 'year'],
						open: () =>
							hocuspocusClient({
								url: unchecked.url,
								document: `plan/fan${k}`,
								token: uncheckedTokens.get(k)!
							})
					})
				);
			const connectMs = performance.now() - started;
			await sleep(500);
			for (let block = 0; block < BLOCKS; block++) {
				// Rotate which goes first, so none always runs right after a quiet period.
				const r = block % sides.length;
				for (const side of [...sides.slice(r), ...sides.slice(0, r)]) await runBlock(side);
			}
			for (const side of sides) {
				results.add(`${side.key}/latency`, ...side.latencies.filter((x) => x !== undefined));
				results.add(`${side.key}/lost`, side.lost);
			}
			console.error(`fan-out N=${n} done (connect of every side ${Math.round(connectMs)} ms)`);
			for (const side of sides) for (const x of [side.writer, ...side.readers]) x.destroy();
			await sleep(1000);
		}
	} finally {
		await ours.close();
		await unchecked?.close();
		await base.close();
		tmp.cleanup();
	}
	const medianP99 = (series: string): Cell => ({
		join: [
			{ stat: 'median', series },
			{ stat: 'p99', series }
		]
	});
	const ratio = (stat: 'median' | 'p99', n: number, of = 'planboard'): RatioCell => ({
		ratio: [
			{ stat, series: `${of}/${n}/latency` },
			{ stat, series: `baseline/${n}/latency` }
		]
	});
	const aims: Aim[] = SIZES.map((n) => {
		const r =
			results.stat('p99', `planboard/${n}/latency`) / results.stat('p99', `baseline/${n}/latency`);
		return {
			aim: `fan-out p99 at N = ${n} at most 1.1 × the plain y-websocket server`,
			figure: {
				join: [
					{
						join: [
							{ stat: 'p99', series: `planboard/${n}/latency`, suffix: ' ms' },
							{ stat: 'p99', series: `baseline/${n}/latency`, suffix: ' ms' }
						],
						sep: ' vs '
					},
					{ ...ratio('p99', n), suffix: ' ×' }
				],
				sep: ': '
			},
			met: r <= 1.1,
			limit:
				r <= 1.1
					? undefined
					: `Planboard's work per write that y-websocket does not do: token-checked Hocuspocus framing per connection, the schema check, and the group commit's fsync (synchronous=FULL, once per event-loop turn), which no longer delays the readers' copy but still blocks the server's event loop; and the machine (1-min load ${loadavg()[0].toFixed(0)} on ${cpus().length} cores when written), whose scheduling delays make both p99s`
		};
	});
	results.write({
		tables: [
			{
				title: 'Fan-out: one writer, N readers, time until the last reader saw a write (ms)',
				columns: [
					'N',
					'y-websocket 1.5.4 median / p99',
					'Planboard median / p99',
					'ratio median / p99',
					...(UNCHECKED ? ['Planboard without schema check median / p99'] : []),
					'lost (ours / base)',
					'writes (ours / base)',
					'driver CPU per write, ms (ours / base blocks)',
					'driver floor per write, ms median / p99'
				],
				rows: SIZES.map((n) => [
					String(n),
					medianP99(`baseline/${n}/latency`),
					medianP99(`planboard/${n}/latency`),
					{ join: [ratio('median', n), ratio('p99', n)] },
					...(UNCHECKED ? [medianP99(`unchecked/${n}/latency`)] : []),
					{
						join: [
							{ stat: 'sum', series: `planboard/${n}/lost`, digits: 0 },
							{ stat: 'sum', series: `baseline/${n}/lost`, digits: 0 }
						]
					},
					{
						join: [
							{ stat: 'n', series: `planboard/${n}/latency` },
							{ stat: 'n', series: `baseline/${n}/latency` }
						]
					},
					{
						join: [
							{ stat: 'mean', series: `planboard/${n}/driver-cpu`, digits: 2 },
							{ stat: 'mean', series: `baseline/${n}/driver-cpu`, digits: 2 }
						]
					},
					{
						join: [
							{ stat: 'median', series: `driver/${n}/floor`, digits: 2 },
							{ stat: 'p99', series: `driver/${n}/floor`, digits: 2 }
						]
					}
				]),
				notes: [
					`${BLOCKS} interleaved blocks of ${WRITES_PER_BLOCK} writes at ${1000 / INTERVAL_MS}/s per server and N; each server in its own child process, all clients in the driver process`,
					'Planboard as shipped: token auth, per-document access, flood pacing, schema check, durable log (group commit: only the frames to the writer, its acknowledgement first, wait for the commit; readers get the write at once); the writer sets plan.year of an initialised plan document',
					'driver CPU: CPU time of the driver process during a block, per write (its N + 1 clients decoding, the writer, timers); driver floor: applying one write to N Y.Docs in-process, no socket, no server, which every latency here contains'
				]
			}
		],
		aims
	});
}

await main();
process.exit(0);

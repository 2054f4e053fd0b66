// Fan-out: one writer and N readers on one document; per write, the time until the LAST reader
// saw it. Planboard's server (auth, per-document access, durable SQLite log) against the plain
// y-websocket server, each in its own child process, interleaved in blocks so that drift of the
// machine (thermal, other load) hits both alike. Driver and servers share the machine's cores.
// Planboard runs twice, with and without the schema check (SchemaCheck), on initialised plan
// documents whose `plan.year` the writer sets, so the check decodes and validates every write.
import * as Y from 'yjs';
import { asPlanId, initPlanDoc } from '@planboard/model';
import { baselineClient, hocuspocusClient, type BenchClient } from './clients.js';
import { openStore, seedBoard, spawnServer, tempDir, type ChildBenchServer } from './servers.js';
import { inBatches, printTable, sleep, summarize, waitFor } from './support.js';

const SIZES = (process.env.FANOUT_SIZES ?? '10,100,500').split(',').map(Number);
const BLOCKS = 6;
const WRITES_PER_BLOCK = 40;
const INTERVAL_MS = 50; // 20 writes per second

interface Side {
	name: string;
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
}

/** A database with one initialised plan document per N; returns the tokens by N's index. */
async function seedDatabase(databasePath: string): Promise<Map<number, string>> {
	const setup = openStore({ path: databasePath });
	const tokens = new Map<number, string>();
	for (const k of SIZES.keys()) {
		const planId = `fan${k}`;
		tokens.set(k, await seedBoard({ store: setup, planId }));
		const doc = new Y.Doc();
		initPlanDoc(doc, {
			planId: asPlanId(planId),
			meta: { title: 'Bench', issuer: '', number: '', date: '', year: 2024, reportDue: null },
			sections: [],
			agencies: [],
			tasks: [],
			milestones: [],
			cards: {}
		});
		setup.updates.append({
			document: `plan/${planId}`,
			update: Y.encodeStateAsUpdate(doc),
			userId: null
		});
	}
	setup.close();
	return tokens;
}

async function main(): Promise<void> {
	const tmp = tempDir();
	const databasePath = `${tmp.dir}/bench.db`;
	const uncheckedPath = `${tmp.dir}/bench-unchecked.db`;
	const tokens = await seedDatabase(databasePath);
	const uncheckedTokens = await seedDatabase(uncheckedPath);

	const ours: ChildBenchServer = await spawnServer({ kind: 'planboard', databasePath });
	const unchecked: ChildBenchServer = await spawnServer({
		kind: 'planboard',
		databasePath: uncheckedPath,
		schemaCheck: false
	});
	const base: ChildBenchServer = await spawnServer({ kind: 'baseline' });
	const rows: (string | number)[][] = [];
	try {
		for (const [k, n] of SIZES.entries()) {
			const started = performance.now();
			const a = await connectSide({
				name: 'planboard',
				n,
				target: ['plan', 'year'],
				open: () =>
					hocuspocusClient({ url: ours.url, document: `plan/fan${k}`, token: tokens.get(k)! })
			});
			const c = await connectSide({
				name: 'planboard, no schema check',
				n,
				target: ['plan', 'year'],
				open: () =>
					hocuspocusClient({
						url: unchecked.url,
						document: `plan/fan${k}`,
						token: uncheckedTokens.get(k)!
					})
			});
			const b = await connectSide({
				name: 'baseline',
				n,
				target: ['fan', 'seq'],
				open: () => baselineClient({ url: base.url, document: `fan${k}` })
			});
			const connectMs = performance.now() - started;
			await sleep(500);
			for (let block = 0; block < BLOCKS; block++) {
				// Rotate which goes first, so none always runs right after a quiet period.
				const sides = [a, c, b];
				const order = [...sides.slice(block % 3), ...sides.slice(0, block % 3)];
				for (const side of order) await runBlock(side);
			}
			const sa = summarize(a.latencies.filter((x) => x !== undefined));
			const sb = summarize(b.latencies.filter((x) => x !== undefined));
			const sc = summarize(c.latencies.filter((x) => x !== undefined));
			rows.push([
				String(n),
				`${sb.median.toFixed(1)} / ${sb.p99.toFixed(1)}`,
				`${sa.median.toFixed(1)} / ${sa.p99.toFixed(1)}`,
				`${(sa.median / sb.median).toFixed(2)} / ${(sa.p99 / sb.p99).toFixed(2)}`,
				`${sc.median.toFixed(1)} / ${sc.p99.toFixed(1)}`,
				`${(sa.median / sc.median).toFixed(2)} / ${(sa.p99 / sc.p99).toFixed(2)}`,
				`${a.lost} / ${c.lost} / ${b.lost}`,
				`${sa.n} / ${sc.n} / ${sb.n}`
			]);
			console.error(`fan-out N=${n} done (connect of both sides ${Math.round(connectMs)} ms)`);
			for (const side of [a, b, c]) for (const x of [side.writer, ...side.readers]) x.destroy();
			await sleep(1000);
		}
	} finally {
		await ours.close();
		await unchecked.close();
		await base.close();
		tmp.cleanup();
	}
	printTable({
		title: 'Fan-out: one writer, N readers, time until the last reader saw a write (ms)',
		columns: [
			'N',
			'y-websocket 1.5.4 median / p99',
			'Planboard median / p99',
			'ratio median / p99',
			'Planboard without schema check median / p99',
			'schema check cost (with / without) median / p99',
			'lost (ours / unchecked / base)',
			'writes (ours / unchecked / base)'
		],
		rows,
		notes: [
			`${BLOCKS} interleaved blocks of ${WRITES_PER_BLOCK} writes at ${1000 / INTERVAL_MS}/s per server and N; each server in its own child process, all clients in the driver process`,
			'Planboard: token auth, per-document access, schema check, synchronous SQLite append (WAL, synchronous=NORMAL) per update; the writer sets plan.year of an initialised plan document, so the schema check decodes and validates every write',
			'driver and servers share the cores: with N = 500 the driver decodes 500 copies of every write'
		]
	});
}

await main();
process.exit(0);

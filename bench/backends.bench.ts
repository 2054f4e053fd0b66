// Appends end to end on the two stores (issue 19): the same sync server (a child process each,
// as shipped: auth, access, schema check, flood pacing, group-committed durable log) over a
// SQLite file (WAL, synchronous=FULL) and over PostgreSQL with its default durability (fsync,
// synchronous_commit and full_page_writes on; checked before measuring). N providers, five to a
// document, each typing one character per update:
// - saturated: each client sends its next edit as soon as the previous one is acknowledged, so N
//   updates are always in flight; acknowledged updates per second, and each update's time from
//   the edit to its acknowledgement (in a closed loop that is about N / rate, plus the tail);
// - paced: each client edits every PACED_MS whether or not it was acknowledged, the load N people
//   typing steadily put on the server; the acknowledgement latency at that load.
// Both servers stay up; rounds alternate between them in rotated order. Knobs: BACKENDS_SIZES
// (100,500), BACKENDS_ROUNDS (5 per backend, N and mode), BACKENDS_UPDATES (2,000 per round),
// BACKENDS_PER_DOCUMENT (5 clients per document; 1: no fan-out, the append path alone).
import { cpus } from 'node:os';
import type * as Y from 'yjs';
import { startPostgres } from '../tests/support/postgres.js';
import { hocuspocusClient, type BenchClient } from './clients.js';
import { benchResults, type Aim, type Cell } from './results.js';
import {
	openStore,
	seedBoard,
	spawnServer,
	tempDir,
	type ChildBenchServer,
	type CpuTime
} from './servers.js';
import { inBatches, sleep, waitFor } from './support.js';

const SIZES = (process.env.BACKENDS_SIZES ?? '100,500').split(',').map(Number);
const ROUNDS = Number(process.env.BACKENDS_ROUNDS ?? 5);
const UPDATES = Number(process.env.BACKENDS_UPDATES ?? 2_000);
/** Clients per document: by default each update reaches four others, as on a busy lane. */
const PER_DOCUMENT = Number(process.env.BACKENDS_PER_DOCUMENT ?? 5);
/** Paced mode: one edit per client every 500 ms (2 per second, steady typing). */
const PACED_MS = 500;
const MODES = ['saturated', 'paced'] as const;
type Mode = (typeof MODES)[number];
/** The durable log's own aim (durable-log.bench.ts), asked of both stores at these N. */
const AIM_RATE = 5_000;

const BACKENDS = [
	{ key: 'sqlite', label: 'SQLite (WAL, synchronous=FULL)' },
	{ key: 'postgres', label: 'PostgreSQL 15 (fsync, synchronous_commit on)' }
] as const;
type Backend = (typeof BACKENDS)[number]['key'];

const results = benchResults('backends');

/** A client and the send times of its edits the server has not acknowledged yet, oldest first. */
interface Writer {
	client: BenchClient;
	text: Y.Text;
	inFlight: number[];
	/** Called after each acknowledgement (saturated mode sends the next edit from here). */
	onAck: () => void;
}

function connectWriters(options: {
	server: ChildBenchServer;
	token: string;
	n: number;
	latencies: () => number[];
}): Promise<Writer[]> {
	const { server, token, n } = options;
	return inBatches(n, 50, async (k) => {
		const document = `plan/bk/agency/a${Math.floor(k / PER_DOCUMENT)}`;
		const writer: Writer = {
			client: hocuspocusClient({
				url: server.url,
				document,
				token,
				// The count drops by one per acknowledged update, oldest first.
				onUnsyncedChanges: (count) => {
					const now = performance.now();
					const done = writer.inFlight.splice(0, Math.max(0, writer.inFlight.length - count));
					for (const sentAt of done) options.latencies().push(now - sentAt);
					for (let i = 0; i < done.length; i++) writer.onAck();
				}
			}),
			text: null as never,
			inFlight: [],
			onAck: () => {}
		};
		writer.text = writer.client.doc.getText(`w${k}`);
		await writer.client.synced;
		return writer;
	});
}

function edit(writer: Writer): void {
	writer.inFlight.push(performance.now());
	writer.text.insert(writer.text.length, 'x');
}

const cpuMs = (a: CpuTime, b: CpuTime) => (b.user - a.user + b.system - a.system) / 1000;

/** Busy time of every core of the machine so far, ms (all processes: servers, PostgreSQL, us). */
function machineBusyMs(): number {
	return cpus().reduce(
		(sum, c) => sum + c.times.user + c.times.nice + c.times.sys + c.times.irq,
		0
	);
}

async function round(options: {
	mode: Mode;
	writers: Writer[];
	server: ChildBenchServer;
	series: string;
	sink: { latencies: number[] };
	/** Edits in this round (UPDATES unless told). */
	updates?: number;
	/** false: a warm-up round, nothing recorded. */
	record?: boolean;
}): Promise<void> {
	const { mode, writers, server, series, sink, updates = UPDATES, record = true } = options;
	sink.latencies = [];
	let sent = 0;
	const serverCpu = await server.cpu();
	const driverCpu = process.cpuUsage();
	const busy = machineBusyMs();
	const t0 = performance.now();
	const timers: NodeJS.Timeout[] = [];
	if (mode === 'saturated') {
		for (const w of writers)
			w.onAck = () => {
				if (sent < updates) {
					sent++;
					edit(w);
				}
			};
		for (const w of writers) {
			if (sent >= updates) break;
			sent++;
			edit(w);
		}
	} else {
		// Each client on its own 500-ms beat, the beats spread evenly, until UPDATES are sent.
		writers.forEach((w, k) => {
			const start = setTimeout(
				() => {
					const beat = () => {
						if (sent >= updates) return;
						sent++;
						edit(w);
					};
					beat();
					timers.push(setInterval(beat, PACED_MS));
				},
				(k * PACED_MS) / writers.length
			);
			timers.push(start);
		});
	}
	try {
		await waitFor(
			() => sent >= updates && writers.every((w) => w.inFlight.length === 0),
			120_000,
			`${series}: every update acknowledged`
		);
	} catch (error) {
		console.error(String(error));
	}
	const seconds = (performance.now() - t0) / 1000;
	for (const t of timers) clearTimeout(t);
	for (const w of writers) w.onAck = () => {};
	const acked = sink.latencies.length;
	if (!record) return;
	results.add(`${series}/rate`, acked / seconds);
	results.add(`${series}/latency`, ...sink.latencies);
	results.add(`${series}/lost`, sent - acked);
	results.add(`${series}/server-cpu`, cpuMs(serverCpu, await server.cpu()) / acked);
	const driver = process.cpuUsage(driverCpu);
	results.add(`${series}/driver-cpu`, (driver.user + driver.system) / 1000 / acked);
	// /proc/stat counts in 10-ms ticks: a short round can read a little over 100 %.
	const share = (machineBusyMs() - busy) / (seconds * 1000 * cpus().length);
	results.add(`${series}/machine-busy`, Math.min(1, share));
}

async function seed(store: ReturnType<typeof openStore>): Promise<string> {
	const documents = Math.ceil(Math.max(...SIZES) / PER_DOCUMENT);
	const agencyIds = Array.from({ length: documents }, (_, i) => `a${i}`);
	const token = await seedBoard({ store, planId: 'bk', agencyIds });
	store.close();
	return token;
}

async function main(): Promise<void> {
	const pg = await startPostgres({ durable: true });
	const settings = Object.fromEntries(
		['fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'shared_buffers'].map(
			(s) => [s, pg.show(s)]
		)
	);
	if (settings.fsync !== 'on' || settings.synchronous_commit !== 'on')
		throw new Error(`PostgreSQL is not durable: ${JSON.stringify(settings)}`);
	const tmp = tempDir();
	const databasePath = `${tmp.dir}/backends.db`;
	const databaseUrl = pg.createDatabase();
	const tokens: Record<Backend, string> = {
		sqlite: await seed(openStore({ path: databasePath })),
		postgres: await seed(openStore({ url: databaseUrl }))
	};
	const servers: Record<Backend, ChildBenchServer> = {
		sqlite: await spawnServer({ kind: 'planboard', databasePath }),
		postgres: await spawnServer({ kind: 'planboard', databasePath: '', databaseUrl })
	};
	try {
		for (const n of SIZES) {
			const sinks: Record<Backend, { latencies: number[] }> = {
				sqlite: { latencies: [] },
				postgres: { latencies: [] }
			};
			const writers = {} as Record<Backend, Writer[]>;
			for (const { key } of BACKENDS)
				writers[key] = await connectWriters({
					server: servers[key],
					token: tokens[key],
					n,
					latencies: () => sinks[key].latencies
				});
			await sleep(500);
			// A short unrecorded round per server and mode first: the first edits run through cold
			// code (JIT, the documents' first loads), which would count against the first server.
			for (const { key } of BACKENDS)
				for (const mode of MODES)
					await round({
						mode,
						writers: writers[key],
						server: servers[key],
						series: `${key}/${n}/${mode}`,
						sink: sinks[key],
						updates: Math.min(UPDATES, n * 2),
						record: false
					});
			for (let r = 0; r < ROUNDS; r++)
				for (let b = 0; b < BACKENDS.length; b++) {
					const { key } = BACKENDS[(r + b) % BACKENDS.length];
					for (const mode of MODES)
						await round({
							mode,
							writers: writers[key],
							server: servers[key],
							series: `${key}/${n}/${mode}`,
							sink: sinks[key]
						});
				}
			for (const list of Object.values(writers)) for (const w of list) w.client.destroy();
			console.error(`backends: N = ${n} done`);
			await sleep(1000);
		}
	} finally {
		for (const server of Object.values(servers)) await server.close();
		pg.close();
		tmp.cleanup();
	}
	write(settings);
}

function write(settings: Record<string, string>): void {
	const rate = (series: string): Cell => ({
		join: [
			{ stat: 'median', series: `${series}/rate`, digits: 0 },
			{ stat: 'min', series: `${series}/rate`, digits: 0 }
		]
	});
	const latency = (series: string): Cell => ({
		join: [
			{ stat: 'median', series: `${series}/latency` },
			{ stat: 'p99', series: `${series}/latency` }
		]
	});
	const perUpdate = (series: string): Cell => ({
		join: [
			{ stat: 'median', series: `${series}/server-cpu`, digits: 2 },
			{ stat: 'median', series: `${series}/driver-cpu`, digits: 2 }
		]
	});
	const busy = (series: string): Cell => ({
		stat: 'median',
		series: `${series}/machine-busy`,
		scale: 100,
		digits: 0,
		suffix: ' %'
	});
	const lost = (series: string): Cell => ({ stat: 'sum', series: `${series}/lost`, digits: 0 });
	const rows = (mode: Mode): Cell[][] =>
		SIZES.flatMap((n) =>
			BACKENDS.map(({ key, label }) => {
				const s = `${key}/${n}/${mode}`;
				return [
					String(n),
					label,
					...(mode === 'saturated' ? [rate(s)] : []),
					latency(s),
					{ stat: 'n' as const, series: `${s}/latency` },
					lost(s),
					perUpdate(s),
					busy(s)
				];
			})
		);
	const common = [
		'samples',
		'lost',
		'CPU per update, ms (server / driver)',
		'machine busy (all cores)'
	];
	const rateOf = (key: Backend, n: number) => results.stat('median', `${key}/${n}/saturated/rate`);
	const aims: Aim[] = SIZES.flatMap((n) =>
		BACKENDS.map(({ key, label }) => {
			const s = `${key}/${n}/saturated`;
			const met = rateOf(key, n) >= AIM_RATE;
			const cpu = results.stat('median', `${s}/server-cpu`);
			const machine = results.stat('median', `${s}/machine-busy`) * 100;
			const versus: Cell[] =
				key === 'postgres'
					? [
							{
								ratio: [
									{ stat: 'median', series: `${s}/rate` },
									{ stat: 'median', series: `sqlite/${n}/saturated/rate` }
								],
								suffix: ' × SQLite'
							}
						]
					: [];
			// The server process's CPU (every thread: the PostgreSQL worker, V8's helpers) at the
			// measured rate, as a fraction of one core; it can exceed 1.
			const share = (cpu * rateOf(key, n)) / 1000;
			const commit =
				key === 'postgres'
					? 'one statement and its WAL flush, in the worker the event loop waits on'
					: 'the fsync, on the event loop';
			const others = `the ${cpus().length} cores being ${machine.toFixed(0)} % busy with the driver's ${n} providers${key === 'postgres' ? ', PostgreSQL' : ''} and any other work`;
			return {
				aim: `at least ${AIM_RATE.toLocaleString('en-US')} acknowledged updates/s end to end (the durable log's aim) from N = ${n} clients on ${label}`,
				figure: {
					join: [
						{ stat: 'median', series: `${s}/rate`, digits: 0, suffix: '/s' },
						...versus,
						{ stat: 'p99', series: `${s}/latency`, digits: 0, suffix: ' ms p99 to the ack' }
					],
					sep: ', '
				},
				met,
				limit: met
					? undefined
					: share >= 0.8
						? `the server's CPU: ${cpu.toFixed(2)} ms per update, all its threads together (Hocuspocus decoding, applying and relaying it to the document's ${PER_DOCUMENT - 1} other clients, the schema check, the acknowledgement${key === 'postgres' ? ', the PostgreSQL client in its worker' : ', the fsync in the kernel'}), ${(share * 100).toFixed(0)} % of one core at this rate; ${others}`
						: `not the server's CPU (${cpu.toFixed(2)} ms per update, ${(share * 100).toFixed(0)} % of one core at this rate): its event loop waits for each group commit (${commit}) and for a core, ${others}`
			};
		})
	);
	results.write({
		tables: [
			{
				title:
					'Appends end to end on SQLite and PostgreSQL: N clients each sending its next edit once the last is acknowledged',
				columns: [
					'N',
					'store',
					'acknowledged updates/s, median / slowest round',
					'edit → acknowledged, ms median / p99',
					...common
				],
				rows: rows('saturated'),
				notes: [
					`${ROUNDS} rounds of ${UPDATES.toLocaleString('en-US')} one-character edits per store and N, the two servers alternating in rotated order after an unrecorded warm-up round of 2N edits per server and mode; ${PER_DOCUMENT} clients per document (N / ${PER_DOCUMENT} agency documents), so each update also reaches ${PER_DOCUMENT - 1} other clients`,
					'closed loop: N updates always in flight, so the latency is about N / rate plus the tail'
				]
			},
			{
				title: `Acknowledgement latency at a steady load: N clients each editing every ${PACED_MS} ms (ms)`,
				columns: ['N', 'store', 'edit → acknowledged, ms median / p99', ...common],
				rows: rows('paced'),
				notes: [
					`offered load ${SIZES.map((n) => `${((n * 1000) / PACED_MS).toLocaleString('en-US')}/s at N = ${n}`).join(', ')}; the clients' beats spread evenly over the ${PACED_MS} ms; ${UPDATES.toLocaleString('en-US')} edits per round`
				]
			}
		],
		aims,
		notes: [
			`Both servers are the shipped sync server (token auth, per-document access, schema check, flood pacing, group commit per event-loop turn; an update is acknowledged only once its group committed) in child processes; the clients are HocuspocusProviders in the driver process; everything shares the machine's ${cpus().length} cores, PostgreSQL included. SQLite: a file on the machine's disk (ext4), WAL, synchronous=FULL. PostgreSQL: the test harness's cluster (tests/support/postgres.ts) started with startPostgres({ durable: true }), on the same disk, loopback TCP, settings as measured: ${Object.entries(
				settings
			)
				.map(([k, v]) => `${k}=${v}`)
				.join(
					', '
				)}. The harness's test clusters run with fsync=off and full_page_writes=off (a test's data never outlives a crash); no figure here comes from such a cluster. The store reaches PostgreSQL through one connection per server in a worker thread that the event loop waits on (pg-driver.ts), one statement per group of appends.`
		]
	});
}

await main();
process.exit(0);

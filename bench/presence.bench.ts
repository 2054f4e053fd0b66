// Presence at scale: 200 clients with presence on one board (the plan document's awareness, as
// the board keeps it). Server CPU while they all sit idle (y-protocols re-announces every state
// every 15 s), then presence changes (a card opened) made one at a time by the clients in turn,
// each timed until the LAST other client saw it. The shipped server (PresenceFanout) against the
// same server with Hocuspocus's own awareness fan-out, each in its own child process, one after
// the other; all clients run in this process.
import { cpus, loadavg } from 'node:os';
import type { Awareness } from 'y-protocols/awareness';
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

const CLIENTS = Number(process.env.PRESENCE_CLIENTS ?? 200);
/** Idle time measured, in windows of WINDOW_S seconds (60 s: four rounds of 15 s renewals). */
const IDLE_S = Number(process.env.PRESENCE_IDLE_S ?? 60);
const WINDOW_S = 5;
const CHANGES = Number(process.env.PRESENCE_CHANGES ?? 300);
/** One change every 100 ms, by the clients in turn: each client changes once every 20 s. */
const CHANGE_INTERVAL_MS = 100;

const results = benchResults('presence');

const SIDES = [
	{ key: 'coalesced', name: 'Planboard (PresenceFanout)', presenceFanout: true },
	{ key: 'hocuspocus', name: "Planboard with Hocuspocus's own fan-out", presenceFanout: false }
] as const;

const cpuSeconds = (a: CpuTime, b: CpuTime) => (b.user - a.user + b.system - a.system) / 1e6;
const driverCpu = (): CpuTime => process.cpuUsage();
const awarenessOf = (c: BenchClient): Awareness => {
	if (!c.awareness) throw new Error('a presence client without awareness');
	return c.awareness;
};

/** Changes go in blocks, alternating between the servers, so the machine's drift hits both. */
const BLOCK = 20;

interface Running {
	side: (typeof SIDES)[number];
	server: ChildBenchServer;
	clients: BenchClient[];
	/** Awareness messages the clients applied from the server (their own changes excluded). */
	applied: number;
	sentAt: number[];
	latency: (number | undefined)[];
	seq: number;
}

async function openSide(side: (typeof SIDES)[number], databasePath: string, token: string) {
	const server = await spawnServer({
		kind: 'planboard',
		databasePath,
		presenceFanout: side.presenceFanout
	});
	const started = performance.now();
	const clients = await inBatches(CLIENTS, 50, async () => {
		const c = hocuspocusClient({ url: server.url, document: 'plan/pres', token, presence: true });
		await c.synced;
		// As the board does once open: the provider's first announcement precedes the sign-in.
		awarenessOf(c).setLocalState({ card: null, typing: null });
		return c;
	});
	await waitFor(
		() => clients.every((c) => awarenessOf(c).getStates().size >= CLIENTS),
		60_000,
		`${side.key}: every client sees every other`
	);
	console.error(
		`${side.key}: ${CLIENTS} clients present in ${Math.round(performance.now() - started)} ms`
	);
	const run: Running = { side, server, clients, applied: 0, sentAt: [], latency: [], seq: 0 };
	// Change i: client i % CLIENTS opens card c<i>; timed until all CLIENTS - 1 others saw it.
	const seen: number[] = [];
	for (const c of clients) {
		const a = awarenessOf(c);
		a.on('update', (_: unknown, origin: unknown) => {
			if (origin !== 'local') run.applied++;
		});
		const lastSeq = new Map<number, number>();
		a.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
			for (const id of [...added, ...updated]) {
				if (id === a.clientID) continue;
				const taskId = (a.getStates().get(id)?.card as { taskId?: string } | null)?.taskId;
				if (!taskId?.startsWith('c')) continue;
				const seq = Number(taskId.slice(1));
				if (lastSeq.get(id) === seq) continue;
				lastSeq.set(id, seq);
				seen[seq] = (seen[seq] ?? 0) + 1;
				const ms = performance.now() - run.sentAt[seq];
				if (seen[seq] === 1) results.add(`${side.key}/change-first`, ms);
				if (seen[seq] === CLIENTS - 1) run.latency[seq] = ms;
			}
		});
	}
	return run;
}

async function changeBlock(run: Running): Promise<void> {
	const driver = driverCpu();
	const server = await run.server.cpu();
	const t0 = performance.now();
	const first = run.seq;
	for (let i = 0; i < BLOCK; i++) {
		const wait = t0 + i * CHANGE_INTERVAL_MS - performance.now();
		if (wait > 0) await sleep(wait);
		const seq = run.seq++;
		run.sentAt[seq] = performance.now();
		awarenessOf(run.clients[seq % CLIENTS]).setLocalStateField('card', {
			agencyId: 'a1',
			taskId: `c${seq}`
		});
	}
	try {
		await waitFor(() => run.latency[run.seq - 1] !== undefined, 10_000, 'last change seen');
	} catch {
		// Counted as lost.
	}
	const seconds = (performance.now() - t0) / 1000;
	const key = run.side.key;
	results.add(
		`${key}/server-changes-cpu-pct`,
		(cpuSeconds(server, await run.server.cpu()) / seconds) * 100
	);
	results.add(`${key}/driver-changes-cpu-pct`, (cpuSeconds(driver, driverCpu()) / seconds) * 100);
	for (let j = first; j < run.seq; j++) {
		const ms = run.latency[j];
		if (ms === undefined) results.add(`${key}/lost`, 1);
		else results.add(`${key}/change`, ms);
	}
}

async function main(): Promise<void> {
	const tmp = tempDir();
	const runs: Running[] = [];
	try {
		for (const side of SIDES) {
			const databasePath = `${tmp.dir}/${side.key}.db`;
			const setup = openStore({ path: databasePath });
			const token = await seedBoard({ store: setup, planId: 'pres' });
			setup.close();
			runs.push(await openSide(side, databasePath, token));
		}
		for (const run of runs) results.add(`${run.side.key}/lost`, 0);
		await sleep(3000);

		// Idle, both servers at once: nobody changes anything; only y-protocols' renewals run.
		const applied = runs.map((r) => r.applied);
		const driverBefore = driverCpu();
		let last = await Promise.all(runs.map((r) => r.server.cpu()));
		for (let s = 0; s < IDLE_S; s += WINDOW_S) {
			await sleep(WINDOW_S * 1000);
			const now = await Promise.all(runs.map((r) => r.server.cpu()));
			runs.forEach((r, i) =>
				results.add(`${r.side.key}/idle-cpu-pct`, (cpuSeconds(last[i], now[i]) / WINDOW_S) * 100)
			);
			last = now;
		}
		runs.forEach((r, i) =>
			results.add(`${r.side.key}/idle-messages-per-s`, (r.applied - applied[i]) / IDLE_S)
		);
		results.add('driver/idle-cpu-pct', (cpuSeconds(driverBefore, driverCpu()) / IDLE_S) * 100);

		for (let b = 0; b < Math.ceil(CHANGES / BLOCK); b++) {
			const order = b % 2 === 0 ? runs : [...runs].reverse();
			for (const run of order) await changeBlock(run);
		}
	} finally {
		for (const run of runs) {
			for (const c of run.clients) c.destroy();
			await run.server.close();
		}
		tmp.cleanup();
	}
	const row = (side: (typeof SIDES)[number]): Cell[] => [
		side.name,
		{
			join: [
				{ stat: 'mean', series: `${side.key}/idle-cpu-pct`, digits: 2 },
				{ stat: 'max', series: `${side.key}/idle-cpu-pct`, digits: 2 }
			]
		},
		{ stat: 'mean', series: `${side.key}/idle-messages-per-s`, digits: 0 },
		{
			join: [
				{ stat: 'median', series: `${side.key}/change` },
				{ stat: 'p99', series: `${side.key}/change` }
			]
		},
		{
			join: [
				{ stat: 'median', series: `${side.key}/change-first` },
				{ stat: 'p99', series: `${side.key}/change-first` }
			]
		},
		{ stat: 'sum', series: `${side.key}/lost`, digits: 0 },
		{ stat: 'mean', series: `${side.key}/server-changes-cpu-pct`, digits: 1 },
		{
			join: [
				{ stat: 'mean', series: 'driver/idle-cpu-pct', digits: 1 },
				{ stat: 'mean', series: `${side.key}/driver-changes-cpu-pct`, digits: 1 }
			]
		}
	];
	const idle = results.stat('mean', 'coalesced/idle-cpu-pct');
	const p99 = results.stat('p99', 'coalesced/change');
	const aims: Aim[] = [
		{
			aim: `presence: server CPU with ${CLIENTS} idle clients under 5% of one core`,
			figure: { stat: 'mean', series: 'coalesced/idle-cpu-pct', digits: 2, suffix: '%' },
			met: idle < 5
		},
		{
			aim: `presence: a change reaches the ${CLIENTS - 1} others under 150 ms p99`,
			figure: { stat: 'p99', series: 'coalesced/change', suffix: ' ms' },
			met: p99 < 150 && results.stat('sum', 'coalesced/lost') === 0,
			limit:
				p99 < 150
					? undefined
					: `the first other client has it after ${results.stat('median', 'coalesced/change-first').toFixed(0)} ms (median; p99 ${results.stat('p99', 'coalesced/change-first').toFixed(0)} ms); the last waits for the one driver process to read all ${CLIENTS - 1} copies, on a machine at 1-min load ${loadavg()[0].toFixed(0)} on ${cpus().length} cores`
		}
	];
	results.write({
		tables: [
			{
				title: `Presence: ${CLIENTS} clients with presence on one board`,
				columns: [
					'server',
					`idle server CPU, % of one core (mean / max of ${WINDOW_S}-s windows)`,
					'awareness messages applied per s, all clients, idle',
					'change → all others, ms (median / p99)',
					'change → first other, ms (median / p99)',
					'changes lost',
					'server CPU while changing, %',
					'driver CPU, % (idle / changing)'
				],
				rows: SIDES.map(row),
				notes: [
					`${CLIENTS} HocuspocusProviders on one plan document, one socket each, all in the driver process; the server in its own child process (token auth, access, flood pacing, PresenceGuard)`,
					`both servers run at once, each with its own ${CLIENTS} clients; idle: ${IDLE_S} s after everyone saw everyone, each server's CPU time (process.cpuUsage over IPC, no GC forced); y-protocols renews each state every 15 s`,
					`changes: ${CHANGES}, one every ${CHANGE_INTERVAL_MS} ms by the clients in turn (each client every ${(CLIENTS * CHANGE_INTERVAL_MS) / 1000} s, so none waits for its 1-s window), in blocks of ${BLOCK} alternating between the servers; time until the first and the last of the other ${CLIENTS - 1} saw it`,
					'driver CPU: the one process holding every client of both servers decodes every message (idle: both at once); it shares the 2 cores with the servers'
				]
			}
		],
		aims
	});
}

await main();
process.exit(0);

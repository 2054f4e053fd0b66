// Durable log throughput as shipped (WAL, synchronous=FULL, group commit: the updates of one
// event-loop turn in one transaction, acknowledged once it committed), side by side in the same
// run with the server before group commit (one synchronous=NORMAL transaction per update, inside
// Yjs's update event). In the store: the group committer fed turns of updates, against one
// append per update. End to end: providers sending small edits as fast as they can to the real
// server (a child process per variant, all three alive and used in turn), counting updates per
// second until the server acknowledged every one.
import * as Y from 'yjs';
import { sqliteDocumentStore } from '@planboard/boards/documents';
import { GroupCommitter } from '@planboard/sync';
import { hocuspocusClient } from './clients.js';
import { benchResults, type Cell } from './results.js';
import { openStore, seedBoard, spawnServer, tempDir, type ChildBenchServer } from './servers.js';
import { sleep, waitFor } from './support.js';

const RUNS = Number(process.env.DURABLE_RUNS ?? 5);
const APPENDS = Number(process.env.DURABLE_APPENDS ?? 20_000);
/** One fsync each: a twentieth as many keeps the FULL per-update run short. */
const FULL_SINGLE_APPENDS = Math.max(100, Math.round(APPENDS / 20));
/** Updates per turn fed to the committer: 8 clients × the flood pacer's slice of 8 messages. */
const TURN = 64;
const E2E_UPDATES = Number(process.env.DURABLE_E2E_UPDATES ?? 2_000);
/** Several writers: the per-connection flood limit (1,000 messages/s) caps what one client gets. */
const E2E_WRITERS = 8;

const VARIANTS = [
	{ key: 'per-update-normal', label: 'before group commit: one NORMAL transaction per update' },
	{ key: 'turn', label: 'group commit per event-loop turn, FULL (shipped)' },
	{ key: 'microtask', label: 'group commit per microtask, FULL' }
] as const;
type Variant = (typeof VARIANTS)[number]['key'];

const results = benchResults('durable-log');

/** Realistic small updates: one character typed into a card note, as a provider sends it. */
function sampleUpdates(count: number): Uint8Array[] {
	const doc = new Y.Doc();
	const out: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => out.push(u));
	const text = doc.getText('note');
	for (let i = 0; i < count; i++) text.insert(text.length, 'x');
	return out;
}

/** Records a run's rate (updates/s) and its mean time per update (µs). */
function perSecond(series: string, count: number, since: number): void {
	const seconds = (performance.now() - since) / 1000;
	results.add(series, count / seconds);
	results.add(`${series}/us`, (seconds * 1e6) / count);
}

async function storeRuns(dir: string, updates: Uint8Array[]): Promise<void> {
	for (let run = 0; run < RUNS; run++) {
		// Before group commit: one INSERT (its own transaction) per update, NORMAL.
		const normal = openStore({ path: `${dir}/normal-${run}.db`, synchronous: 'normal' });
		if (normal.maintenance.settings().synchronous !== 1) throw new Error('expected NORMAL');
		let t0 = performance.now();
		for (const update of updates)
			normal.updates.append({ document: 'plan/p/agency/a', update, userId: 'u1' });
		perSecond('store/per-update-normal', updates.length, t0);
		normal.close();

		const full = openStore({ path: `${dir}/full-${run}.db` });
		if (full.maintenance.settings().synchronous !== 2) throw new Error('expected FULL default');
		// The same, with FULL: what the server would cost without group commit.
		t0 = performance.now();
		for (const update of updates.slice(0, FULL_SINGLE_APPENDS))
			full.updates.append({ document: 'plan/p/agency/b', update, userId: 'u1' });
		perSecond('store/per-update-full', FULL_SINGLE_APPENDS, t0);
		// The server's committer, fed a turn's worth of updates at a time, across four documents.
		const committer = new GroupCommitter({ documents: sqliteDocumentStore(full) });
		t0 = performance.now();
		for (let i = 0; i < updates.length; i += TURN) {
			for (let k = i; k < Math.min(i + TURN, updates.length); k++) {
				const document = `plan/p/agency/c${k % 4}`;
				committer.add({ document, update: updates[k], author: 'u1' }, () => {});
			}
			await new Promise((resolve) => setImmediate(resolve));
		}
		await committer.flush();
		perSecond('store/group-full', updates.length, t0);
		results.add('store/group-full/rows-per-commit', committer.stats.rows / committer.stats.commits);
		full.close();
	}
}

/** `writers` providers send E2E_UPDATES edits in all; updates/s until every one is acknowledged. */
async function endToEnd(options: {
	server: ChildBenchServer;
	token: string;
	writers: number;
	tag: string;
}): Promise<number> {
	const { server, token, writers, tag } = options;
	const clients = Array.from({ length: writers }, (_, k) =>
		// Writers spread over two documents, as people editing a board are.
		hocuspocusClient({ url: server.url, document: k % 2 ? 'plan/dl/agency/a1' : 'plan/dl', token })
	);
	await Promise.all(clients.map((c) => c.synced));
	const each = E2E_UPDATES / writers;
	const t0 = performance.now();
	await Promise.all(
		clients.map(async (c, k) => {
			const text = c.doc.getText(`${tag}-${k}`);
			// Each insert is its own transaction, so its own update message and its own log row.
			for (let i = 0; i < each; i++) {
				text.insert(text.length, 'x');
				if (i % 50 === 49) await sleep(0); // let the socket drain, as typing would
			}
		})
	);
	await waitFor(() => clients.every((c) => c.flushed()), 120_000, 'every update acknowledged');
	const rate = E2E_UPDATES / ((performance.now() - t0) / 1000);
	for (const c of clients) c.destroy();
	return rate;
}

async function main(): Promise<void> {
	const tmp = tempDir();
	const updates = sampleUpdates(APPENDS);
	const avgBytes = updates.reduce((n, u) => n + u.byteLength, 0) / updates.length;
	await storeRuns(tmp.dir, updates);

	const servers = new Map<Variant, { server: ChildBenchServer; token: string }>();
	try {
		for (const { key } of VARIANTS) {
			const databasePath = `${tmp.dir}/e2e-${key}.db`;
			const setup = openStore({ path: databasePath });
			const token = await seedBoard({ store: setup, planId: 'dl', agencyIds: ['a1'] });
			setup.close();
			servers.set(key, {
				server: await spawnServer({ kind: 'planboard', databasePath, commit: key }),
				token
			});
		}
		// Interleaved: each run visits every variant, in a rotated order.
		for (let run = 0; run < RUNS; run++) {
			for (let v = 0; v < VARIANTS.length; v++) {
				const { key } = VARIANTS[(run + v) % VARIANTS.length];
				const { server, token } = servers.get(key)!;
				const one = await endToEnd({ server, token, writers: 1, tag: `one-${run}` });
				results.add(`e2e/1/${key}`, one);
				const many = await endToEnd({ server, token, writers: E2E_WRITERS, tag: `many-${run}` });
				results.add(`e2e/${E2E_WRITERS}/${key}`, many);
			}
		}
	} finally {
		for (const { server } of servers.values()) await server.close();
	}
	tmp.cleanup();

	const rate = (series: string): Cell => ({
		join: [
			{ stat: 'median', series, digits: 0 },
			{ stat: 'min', series, digits: 0 }
		]
	});
	const store = results.stat('median', 'store/group-full');
	const e2e = results.stat('median', `e2e/${E2E_WRITERS}/turn`);
	const fsyncMs = results.stat('median', 'store/per-update-full/us') / 1000;
	const before = results.stat('median', `e2e/${E2E_WRITERS}/per-update-normal`);
	const round = (n: number) => Math.round(n).toLocaleString('en-US');
	results.write({
		tables: [
			{
				title: 'Durable log in the store: appended updates per second',
				columns: ['path', 'updates/s, median / slowest run', 'µs per update (mean, median run)'],
				rows: [
					[
						'one transaction per update, synchronous=NORMAL (before group commit)',
						rate('store/per-update-normal'),
						{ stat: 'median', series: 'store/per-update-normal/us', digits: 1 }
					],
					[
						'one transaction per update, synchronous=FULL',
						rate('store/per-update-full'),
						{ stat: 'median', series: 'store/per-update-full/us', digits: 1 }
					],
					[
						`group commit (the server's GroupCommitter), ${TURN} updates per turn over 4 documents, synchronous=FULL (shipped)`,
						rate('store/group-full'),
						{ stat: 'median', series: 'store/group-full/us', digits: 1 }
					]
				],
				notes: [
					`${RUNS} runs; ${APPENDS.toLocaleString('en-US')} appends per run (${FULL_SINGLE_APPENDS.toLocaleString('en-US')} for FULL one per update), updates of ${avgBytes.toFixed(0)} bytes on average; WAL, a real file on the machine's disk`,
					`${TURN} per turn: 8 busy clients × the flood pacer's slice of 8 messages per turn; rows per commit, median: ${results.stat('median', 'store/group-full/rows-per-commit').toFixed(0)}`
				]
			},
			{
				title: 'Durable log end to end: acknowledged updates per second',
				columns: [
					'server',
					'1 client, median / slowest run',
					`${E2E_WRITERS} clients, median / slowest run`
				],
				rows: VARIANTS.map(({ key, label }) => [
					label,
					rate(`e2e/1/${key}`),
					rate(`e2e/${E2E_WRITERS}/${key}`)
				]),
				notes: [
					`${E2E_UPDATES.toLocaleString('en-US')} one-character edits per measurement (split over the clients, on two documents), timed until the server acknowledged every one; ${RUNS} runs, each visiting the three servers in rotated order`,
					'each server in its own child process (auth, access, schema check, flood pacing at its defaults: 1,000 messages/s per connection), providers in the driver process on the same 2 cores'
				]
			}
		],
		aims: [
			{
				aim: 'at least 20,000 durable appends/s in the store, with synchronous=FULL',
				figure: { stat: 'median', series: 'store/group-full', digits: 0, suffix: '/s' },
				met: store >= 20_000,
				limit:
					store >= 20_000
						? undefined
						: `one fsync per commit, ${fsyncMs.toFixed(1)} ms on this disk in this run (one FULL transaction per update), so groups of ${TURN} top out near ${round((TURN / fsyncMs) * 1000)}/s; larger groups (more clients per turn) go further`
			},
			{
				aim: `at least 5,000 acknowledged updates/s end to end from ${E2E_WRITERS} clients, with synchronous=FULL`,
				figure: { stat: 'median', series: `e2e/${E2E_WRITERS}/turn`, digits: 0, suffix: '/s' },
				met: e2e >= 5_000,
				limit:
					e2e >= 5_000
						? undefined
						: `the server's CPU per update (Hocuspocus, the schema check, Yjs) on 2 cores shared with the ${E2E_WRITERS} driving clients: the server before group commit, with NORMAL, made ${round(before)}/s in the same run; and the commit's fsync blocks the event loop once per turn`
			}
		]
	});
}

await main();
process.exit(0);

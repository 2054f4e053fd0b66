// Durable log throughput with the settings the product ships (WAL, synchronous=NORMAL, one
// INSERT per update): store.updates.append in a loop, appendMany as a group-commit reference,
// and end to end: one provider sending small edits as fast as it can to the real server (in a
// child process), counting updates per second until the server acknowledged every one.
import * as Y from 'yjs';
import { hocuspocusClient } from './clients.js';
import { openStore, seedBoard, spawnServer, tempDir } from './servers.js';
import { printTable, sleep, summarize, waitFor } from './support.js';

const RUNS = 5;
const APPENDS_PER_RUN = 20_000;
const E2E_UPDATES = 2_000;
/** Several writers: the per-connection flood limit (1,000 messages/s) caps what one client gets. */
const E2E_WRITERS = 8;

/** Realistic small updates: one character typed into a card note, as a provider sends it. */
function sampleUpdates(count: number): Uint8Array[] {
	const doc = new Y.Doc();
	const out: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => out.push(u));
	const text = doc.getText('note');
	for (let i = 0; i < count; i++) text.insert(text.length, 'x');
	return out;
}

async function main(): Promise<void> {
	const tmp = tempDir();
	const updates = sampleUpdates(APPENDS_PER_RUN);
	const avgBytes = updates.reduce((n, u) => n + u.byteLength, 0) / updates.length;
	const single: number[] = [];
	const grouped: number[] = [];
	const perAppend: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const store = openStore({ path: `${tmp.dir}/append-${run}.db` });
		const { journalMode: mode, synchronous: sync } = store.maintenance.settings();
		if (mode !== 'wal' || sync !== 1)
			throw new Error(`unexpected durability settings: ${mode}, synchronous=${sync}`);
		let t0 = performance.now();
		for (const update of updates) {
			const t = performance.now();
			store.updates.append({ document: 'plan/p/agency/a', update, userId: 'u1' });
			perAppend.push((performance.now() - t) * 1000);
		}
		single.push(updates.length / ((performance.now() - t0) / 1000));
		// Group commit: 100 rows per transaction, what one event-loop turn under load would batch.
		t0 = performance.now();
		for (let i = 0; i < updates.length; i += 100) {
			store.updates.appendMany(
				updates
					.slice(i, i + 100)
					.map((update) => ({ document: 'plan/p/agency/b', update, userId: 'u1' }))
			);
		}
		grouped.push(updates.length / ((performance.now() - t0) / 1000));
		store.close();
	}

	const databasePath = `${tmp.dir}/e2e.db`;
	const setup = openStore({ path: databasePath });
	const token = await seedBoard({ store: setup, planId: 'dl', agencyIds: ['a1'] });
	setup.close();
	const server = await spawnServer({ kind: 'planboard', databasePath });
	const e2e: number[] = [];
	const e2eMany: number[] = [];
	try {
		for (let run = 0; run < RUNS; run++) {
			const client = hocuspocusClient({ url: server.url, document: 'plan/dl', token });
			await client.synced;
			const text = client.doc.getText(`note-${run}`);
			const t0 = performance.now();
			// Each insert is its own transaction, so its own update message and its own log row.
			for (let i = 0; i < E2E_UPDATES; i++) {
				text.insert(text.length, 'x');
				if (i % 50 === 49) await sleep(0); // let the socket drain, as typing would
			}
			await waitFor(() => client.flushed(), 60_000, 'every update acknowledged');
			e2e.push(E2E_UPDATES / ((performance.now() - t0) / 1000));
			client.destroy();
		}
		for (let run = 0; run < RUNS; run++) {
			const clients = Array.from({ length: E2E_WRITERS }, () =>
				hocuspocusClient({ url: server.url, document: 'plan/dl', token })
			);
			await Promise.all(clients.map((c) => c.synced));
			const t0 = performance.now();
			const each = E2E_UPDATES / E2E_WRITERS;
			await Promise.all(
				clients.map(async (c, k) => {
					const text = c.doc.getText(`many-${run}-${k}`);
					for (let i = 0; i < each; i++) {
						text.insert(text.length, 'x');
						if (i % 50 === 49) await sleep(0);
					}
				})
			);
			await waitFor(() => clients.every((c) => c.flushed()), 60_000, 'every update acknowledged');
			e2eMany.push(E2E_UPDATES / ((performance.now() - t0) / 1000));
			for (const c of clients) c.destroy();
		}
	} finally {
		await server.close();
	}
	const check = openStore({ path: databasePath });
	const rowsStored = check.updates.history({
		document: 'plan/dl',
		limit: Number.MAX_SAFE_INTEGER
	}).length;
	check.close();
	tmp.cleanup();
	const row = (name: string, xs: number[], latency?: number[]) => {
		const s = summarize(xs);
		const l = latency ? summarize(latency) : null;
		return [
			name,
			Math.round(s.median).toLocaleString('en-US'),
			Math.round(s.min).toLocaleString('en-US'),
			l ? `${l.median.toFixed(0)} / ${l.p99.toFixed(0)}` : `${(1e6 / s.median).toFixed(0)} (mean)`
		];
	};
	printTable({
		title: 'Durable log: appended updates per second (WAL, synchronous=NORMAL)',
		columns: ['path', 'updates/s, median of runs', 'slowest run', 'µs per update, median / p99'],
		rows: [
			row('store.updates.append, one INSERT each (what the server does)', single, perAppend),
			row('store.updates.appendMany, 100 per transaction (group commit)', grouped),
			row(
				`end to end: one provider, ${E2E_UPDATES.toLocaleString('en-US')} edits until all acknowledged`,
				e2e
			),
			row(
				`end to end: ${E2E_WRITERS} providers, ${E2E_UPDATES.toLocaleString('en-US')} edits in all`,
				e2eMany
			)
		],
		notes: [
			`${RUNS} runs; ${APPENDS_PER_RUN.toLocaleString('en-US')} appends per store run, updates of ${avgBytes.toFixed(0)} bytes on average`,
			`end to end: the server in a child process (auth, access, flood pacing at its defaults, log), providers in the driver; ${rowsStored.toLocaleString('en-US')} log rows stored in all`,
			'per-update median / p99 measured around each append call; for the other paths the mean (1 / rate)'
		]
	});
}

await main();
process.exit(0);

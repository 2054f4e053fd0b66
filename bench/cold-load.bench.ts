// Cold load: an agency board of 2,000 cards whose document has 50,000 logged updates (one
// initial state, then card edits as single updates, as users make them). Times the server's
// load from SQLite (the DocumentStore's linear load the durable log uses, and its raw read), and a
// provider's connect-to-synced against a freshly started server process, each from a copy of
// the file so no run sees a snapshot written by an earlier one. Then the same with a snapshot.
import { copyFileSync } from 'node:fs';
import * as Y from 'yjs';
import { sqliteDocumentStore } from '@planboard/boards/documents';
import { asAgencyId, asTaskId, initAgencyDoc, type TaskId } from '@planboard/model';
import type { AppendUpdateInput } from '@planboard/store';
import { recordAgencyEdits } from './agency-log.js';
import { hocuspocusClient } from './clients.js';
import { openStore, seedBoard, spawnServer, tempDir } from './servers.js';
import { printTable, summarize } from './support.js';

const CARDS = 2000;
const UPDATES = 50_000;
const DIRECT_RUNS = Number(process.env.COLD_RUNS ?? 7);
const PROVIDER_RUNS = Number(process.env.COLD_PROVIDER_RUNS ?? 3);
const DOCUMENT = 'plan/cold/agency/a1';

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

async function main(): Promise<void> {
	const tmp = tempDir();
	const prepared = `${tmp.dir}/prepared.db`;
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

	const result: (string | number)[][] = [];
	for (const withSnapshot of [false, true]) {
		const path = `${tmp.dir}/${withSnapshot ? 'snap' : 'log'}.db`;
		copyFileSync(prepared, path);
		if (withSnapshot) {
			const s = openStore({ path });
			s.updates.writeSnapshot({
				document: DOCUMENT,
				state,
				uptoSeq: s.updates.load(DOCUMENT).lastSeq
			});
			s.close();
		}
		const s = openStore({ path });
		const read: number[] = [];
		const total: number[] = [];
		let cards = 0;
		for (let run = 0; run < DIRECT_RUNS; run++) {
			const t0 = performance.now();
			s.updates.load(DOCUMENT);
			read.push(performance.now() - t0);
			const t1 = performance.now();
			const document = await sqliteDocumentStore(s).load(DOCUMENT);
			total.push(performance.now() - t1);
			cards = document.getMap('cards').size;
		}
		s.close();
		if (cards !== CARDS) throw new Error(`loaded ${cards} cards, expected ${CARDS}`);

		const synced: number[] = [];
		for (let run = 0; run < PROVIDER_RUNS; run++) {
			const copy = `${tmp.dir}/run${run}.db`;
			copyFileSync(path, copy);
			const server = await spawnServer({ kind: 'planboard', databasePath: copy });
			const t0 = performance.now();
			const client = hocuspocusClient({ url: server.url, document: DOCUMENT, token });
			await client.synced;
			synced.push(performance.now() - t0);
			if (client.doc.getMap('cards').size !== CARDS)
				throw new Error('provider did not receive every card');
			client.destroy();
			await server.close();
		}
		const label = withSnapshot
			? 'snapshot + empty tail'
			: `log only (${UPDATES.toLocaleString('en-US')} rows)`;
		const r = summarize(read);
		const t = summarize(total);
		const p = summarize(synced);
		result.push([
			label,
			`${r.median.toFixed(0)} / ${r.p99.toFixed(0)}`,
			`${t.median.toFixed(0)} / ${t.p99.toFixed(0)}`,
			`${p.median.toFixed(0)} / ${p.p99.toFixed(0)}`
		]);
	}
	tmp.cleanup();
	printTable({
		title: `Cold load: ${CARDS.toLocaleString('en-US')} cards, ${UPDATES.toLocaleString('en-US')} logged updates, one agency document (ms, median / p99)`,
		columns: [
			'stored as',
			'SQLite read',
			'server load (DocumentStore.load)',
			'provider connect → synced (fresh server)'
		],
		rows: result,
		notes: [
			`onLoadDocument = SQLite read + applying every part in one transaction (+ the schema migration check), ${DIRECT_RUNS} runs; provider ${PROVIDER_RUNS} runs, each against a new server process on a copy of the file`,
			`log: ${(logBytes / 1e6).toFixed(1)} MB of updates; the snapshot is the state as one update (${(state.byteLength / 1e3).toFixed(0)} kB); the server writes one after 500 logged updates`
		]
	});
}

await main();
process.exit(0);

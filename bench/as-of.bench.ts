// The board as it was: a 2,000-card board (one agency lane, created by createBoard as
// `planboard import` does) whose agency document has 50,000 logged card edits, one every five
// minutes, in a real SQLite file. Times (1) loading the agency document's state at an instant in
// the middle of the log (loadDocumentAt of packages/boards, what the as-of board reads) and
// (2) exports of the board as of that instant through the web export's path (parseAsOf,
// readStoredBoard, exportBoard). Two stores with the same rows: one with the server's snapshot
// cadence (a snapshot after every 500 updates), one log only (a database filled without the server).
import { copyFileSync } from 'node:fs';
import * as Y from 'yjs';
import {
	createBoard,
	loadDocumentAt,
	parseAsOf,
	readStoredBoard,
	sqliteDocumentStore
} from '@planboard/boards';
import { agencyDocName, asTaskId, type TaskId } from '@planboard/model';
import { exportBoard, type ExportFormat } from '@planboard/report';
import { recordAgencyEdits } from './agency-log.js';
import { syntheticPlan } from './board-render-seed.js';
import { openStore, tempDir, type Store } from './servers.js';
import { printTable, summarize } from './support.js';

const CARDS = 2000;
const EDITS = 50_000;
const SNAPSHOT_EVERY = 500;
const STEP_MS = 5 * 60_000;
const START = Date.parse('2024-01-16T01:00:00Z');
/** The instant read: just after this edit, 499 edits after the latest snapshot (the worst case). */
const MIDDLE_EDIT = EDITS / 2 + SNAPSHOT_EVERY - 1;
const LOAD_RUNS = Number(process.env.ASOF_LOAD_RUNS ?? 40);
const EXPORT_RUNS = Number(process.env.ASOF_EXPORT_RUNS ?? 20);
const LOG_ONLY_EXPORT_RUNS = Number(process.env.ASOF_LOG_ONLY_EXPORT_RUNS ?? 5);
const PLAN = 'asof';
const FORMATS: ExportFormat[] = ['csv', 'docx', 'xlsx'];

interface Built {
	snapshotted: Store;
	logOnly: Store;
	document: string;
	/** The agency document's state vector just after MIDDLE_EDIT, to check what a load returns. */
	middleVector: Uint8Array;
	middleAt: number;
	logBytes: number;
	snapshots: number;
}

function build(dir: string): Built {
	let clock = START - 60_000;
	const now = () => clock;
	// One board, created once: the log-only store is a copy of the file, so both hold the same
	// initial documents (createBoard makes new Yjs clients each time).
	const created = openStore({ path: `${dir}/snapshots.db`, now });
	const made = createBoard({
		store: created,
		plan: syntheticPlan({ tasks: CARDS, lanes: 1 }),
		planId: PLAN
	});
	if (made.cards !== CARDS) throw new Error(`created ${made.cards} cards, expected ${CARDS}`);
	const agencyId = created.plans.agencies(PLAN)[0].id;
	created.close();
	copyFileSync(`${dir}/snapshots.db`, `${dir}/log-only.db`);
	const snapshotted = openStore({ path: `${dir}/snapshots.db`, now });
	const logOnly = openStore({ path: `${dir}/log-only.db`, now });
	const document = agencyDocName({ planId: PLAN, agencyId });
	const stored = snapshotted.updates.load(document);
	const doc = new Y.Doc();
	for (const update of stored.updates) Y.applyUpdate(doc, update);
	const taskIds = [...doc.getMap('cards').keys()].map((id) => asTaskId(id)) as TaskId[];
	if (taskIds.length !== CARDS) throw new Error(`the agency document has ${taskIds.length} cards`);

	let edits = 0;
	let logBytes = 0;
	let snapshots = 0;
	let middleVector: Uint8Array = new Uint8Array();
	let middleAt = 0;
	recordAgencyEdits({
		doc,
		taskIds,
		total: EDITS,
		start: START,
		stepMs: STEP_MS,
		onUpdate: (update, at) => {
			clock = at;
			edits++;
			logBytes += update.byteLength;
			logOnly.updates.append({ document, update, userId: null });
			const seq = snapshotted.updates.append({ document, update, userId: null });
			if (edits % SNAPSHOT_EVERY === 0) {
				snapshotted.updates.writeSnapshot({
					document,
					state: Y.encodeStateAsUpdate(doc),
					uptoSeq: seq
				});
				snapshots++;
			}
			if (edits === MIDDLE_EDIT) {
				middleVector = Y.encodeStateVector(doc);
				middleAt = at;
			}
		}
	});
	return { snapshotted, logOnly, document, middleVector, middleAt, logBytes, snapshots };
}

function same(a: Uint8Array, b: Uint8Array): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}

const cell = (samples: number[]) => {
	const s = summarize(samples);
	return `${s.median.toFixed(0)} / ${s.p99.toFixed(0)}`;
};

async function main(): Promise<void> {
	const tmp = tempDir('planboard-asof-');
	const t0 = performance.now();
	const built = build(tmp.dir);
	const { document } = built;
	// Between the middle edit and the next one, as `?asOf=` names it (an ISO instant with a zone).
	const instantText = new Date(built.middleAt + STEP_MS / 2).toISOString();
	const at = parseAsOf(instantText);
	if (!at) throw new Error(`parseAsOf refused ${instantText}`);
	console.error(
		`as-of: built ${EDITS} edits (${(built.logBytes / 1e6).toFixed(1)} MB, ${built.snapshots} snapshots) in ${Math.round(performance.now() - t0)} ms; reading at ${instantText}`
	);

	const rows: (string | number)[][] = [];
	const stores = [
		{
			label: `snapshot every ${SNAPSHOT_EVERY} updates`,
			store: built.snapshotted,
			exportRuns: EXPORT_RUNS
		},
		{ label: 'log only', store: built.logOnly, exportRuns: LOG_ONLY_EXPORT_RUNS }
	];
	const sizes: Record<string, number> = {};
	for (const { label, store, exportRuns } of stores) {
		const stored = store.updates.loadAt({ document, at: at.instant });
		const load: number[] = [];
		const read: number[] = [];
		for (let run = 0; run < LOAD_RUNS; run++) {
			const r = performance.now();
			store.updates.loadAt({ document, at: at.instant });
			read.push(performance.now() - r);
			const t = performance.now();
			const doc = loadDocumentAt(store, document, at.instant);
			load.push(performance.now() - t);
			if (run === 0 && !same(Y.encodeStateVector(doc), built.middleVector))
				throw new Error(
					`${label}: the state at ${instantText} is not the state after edit ${MIDDLE_EDIT}`
				);
		}
		const now = await sqliteDocumentStore(store).load(document);
		if (same(Y.encodeStateVector(now), built.middleVector))
			throw new Error('the current state equals the middle one: the instant read nothing past');

		const exports: Record<string, number[]> = {};
		for (const format of FORMATS) {
			exports[format] = [];
			for (let run = 0; run < exportRuns; run++) {
				const t = performance.now();
				const source = await readStoredBoard({ store, planId: PLAN, at: at.instant });
				if (!source) throw new Error('no board');
				const file = exportBoard({ source, format, asOf: at.date, lang: 'vi' });
				exports[format].push(performance.now() - t);
				sizes[format] = file.body.byteLength;
			}
		}
		rows.push([
			label,
			`${stored.snapshot ? 1 : 0} + ${stored.updates.length.toLocaleString('en-US')}`,
			`${cell(read)} (${LOAD_RUNS})`,
			`${cell(load)} (${LOAD_RUNS})`,
			...FORMATS.map((f) => `${cell(exports[f])} (${exportRuns})`)
		]);
	}
	built.snapshotted.close();
	built.logOnly.close();
	if (!process.env.ASOF_KEEP) tmp.cleanup();
	printTable({
		title: `As of an instant: ${CARDS.toLocaleString('en-US')} cards, ${EDITS.toLocaleString('en-US')} logged edits, read in the middle (ms, median / p99 (runs))`,
		columns: [
			'stored as',
			'read: snapshot + rows',
			'of which SQLite (updates.loadAt)',
			'loadDocumentAt (agency document, SQLite included)',
			...FORMATS.map((f) => `export ${f.toUpperCase()} (readStoredBoard + exportBoard)`)
		],
		rows,
		notes: [
			`one agency lane of ${CARDS.toLocaleString('en-US')} cards created by createBoard (syntheticPlan of board-render-seed.ts), then ${EDITS.toLocaleString('en-US')} single card edits (progress 70 %, status 30 %) one every ${STEP_MS / 60_000} min from ${new Date(START).toISOString().slice(0, 10)}, each appended with its time; ${(built.logBytes / 1e6).toFixed(1)} MB of updates`,
			`read at ${instantText} (asOf ${at.date}): just after edit ${MIDDLE_EDIT.toLocaleString('en-US')}, ${SNAPSHOT_EVERY - 1} edits after the latest snapshot (the worst case of the server's cadence); the loaded state vector is checked against the one recorded then`,
			`export = what GET /api/plans/<id>/export?asOf= does: readStoredBoard (plan + agency document loaded at the instant) + exportBoard (reads the loaded documents); files of ${FORMATS.map((f) => `${(sizes[f] / 1e3).toFixed(0)} kB ${f.toUpperCase()}`).join(', ')}`
		]
	});
}

await main();
process.exit(0);

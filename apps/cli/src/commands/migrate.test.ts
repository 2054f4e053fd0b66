import { join } from 'node:path';
import { readDocument } from '@planboard/boards';
import { agencyDocName, planDocName, readCards, setStatus } from '@planboard/model';
import { TABLES, openStore, type Row, type Store } from '@planboard/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tempDir } from '../../../../tests/support/harness.js';
import { startPostgres, type PostgresHarness } from '../../../../tests/support/postgres.js';
import { editStored } from '../../../../tests/support/stored-docs.js';
import { ON_POSTGRES } from '../../../../tests/support/test-database.js';
import { fillEveryTable } from '../../../../packages/store/src/test-fill.js';
import { planboardWith } from '../test-cli.js';

const PLAN = 'gia-lai-2024';
const tmp = tempDir('planboard-cli-migrate-');
let pg: PostgresHarness;
beforeAll(async () => {
	pg = await startPostgres();
});
afterAll(() => {
	pg?.close();
	tmp.cleanup();
});

function opened<T>(location: { path: string } | { url: string }, fn: (store: Store) => T): T {
	const store = openStore(location);
	try {
		return fn(store);
	} finally {
		store.close();
	}
}

/** Every row of every table as stored, and each board document's state as the board reads it. */
function contents(store: Store) {
	const rows: Record<string, Row[]> = Object.fromEntries(
		TABLES.map(({ name }) => [name, [...store.transfer.pages(name)].flat()])
	);
	const documents = Object.fromEntries(
		store.updates
			.documents(`plan/${PLAN}`)
			.map((name) => [name, Buffer.from(Y.encodeStateAsUpdate(readDocument(store, name)))])
	);
	return { rows, documents };
}

describe('planboard migrate', () => {
	// The test names both backends itself (a SQLite file, then PostgreSQL, then a SQLite file), so
	// the suite's PostgreSQL pass, which would move the first store to PostgreSQL, adds nothing.
	it.skipIf(ON_POSTGRES)(
		'moves the seeded Gia Lai board with edits SQLite -> PostgreSQL -> SQLite, every row and document identical',
		() => {
			const env = { PLANBOARD_DATA: tmp.dir, PLANBOARD_DEMO: '0' };
			expect(planboardWith({ env }, 'init').code).toBe(0);
			const source = { path: join(tmp.dir, 'planboard.db') };
			const original = opened(source, (store) => {
				fillEveryTable(store, { planId: PLAN });
				const lane = agencyDocName({ planId: PLAN, agencyId: store.plans.agencies(PLAN)[0].id });
				const moveTo = (status: 'in_progress' | 'done') => (doc: Y.Doc) =>
					setStatus(doc, { taskId: readCards(doc)[0].taskId, status, at: Date.UTC(2024, 5, 1) });
				editStored(store, lane, moveTo('in_progress'));
				// A snapshot over the log so far, then an edit after it: both must move.
				store.updates.writeSnapshot({
					document: lane,
					state: Y.encodeStateAsUpdate(readDocument(store, lane)),
					uptoSeq: store.updates.load(lane).lastSeq
				});
				editStored(store, lane, moveTo('done'));
				editStored(store, planDocName(PLAN), (doc) => doc.getMap('probe').set('ghiChu', 'đã sửa'));
				return contents(store);
			});
			for (const { name } of TABLES) expect(original.rows[name].length, name).toBeGreaterThan(0);
			expect(Object.keys(original.documents).length).toBeGreaterThan(10);

			const url = pg.createDatabase().replace('planboard@', 'planboard:s3cret@');
			const toPg = planboardWith({ env }, 'migrate', '--to', url);
			expect(toPg.stderr).toContain('doc_updates');
			expect(toPg.code).toBe(0);
			expect(toPg.stdout + toPg.stderr).not.toContain('s3cret');
			expect(opened({ url }, contents)).toEqual(original);

			// Into a database that holds data: refused, nothing written.
			const again = planboardWith({ env }, 'migrate', '--to', url);
			expect(again.code).toBe(1);
			expect(again.stderr).toMatch(/is not empty \(users: \d+/);

			const back = join(tmp.dir, 'tro-lai.db');
			const fromPg = planboardWith(
				{ env: { ...env, PLANBOARD_DATABASE_URL: url } },
				'migrate',
				'--to',
				back
			);
			expect(fromPg.code).toBe(0);
			expect(opened({ path: back }, contents)).toEqual(original);
		}
	);
});

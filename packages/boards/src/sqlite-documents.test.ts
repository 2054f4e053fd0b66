import { StoreError, type Store } from '@planboard/store';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BACKENDS, useTempStore } from '../../store/src/test-store.js';
import { sqliteDocumentStore, type SqliteDocumentStore } from './sqlite-documents.js';

const DOC = 'plan/p1/agency/a1';

/** Edits a client document and returns the update the edit produced, as a provider would send. */
function edit(doc: Y.Doc, fn: (doc: Y.Doc) => void): Uint8Array {
	const before = Y.encodeStateVector(doc);
	fn(doc);
	return Y.encodeStateAsUpdate(doc, before);
}

describe.each(BACKENDS)('sqliteDocumentStore on %s', (backend) => {
	const temp = useTempStore(backend);
	const clock = temp.clock;
	let store: Store;
	let docs: SqliteDocumentStore;
	beforeEach(() => {
		clock.now = Date.UTC(2025, 5, 1);
		store = temp.store;
		docs = sqliteDocumentStore(store);
	});

	it('appends with author and time and reads the document back, now and as it was', async () => {
		const client = new Y.Doc();
		const status = (doc: Y.Doc) => doc.getMap('card').get('status');
		const s1 = await docs.append({
			document: DOC,
			update: edit(client, (d) => d.getMap('card').set('status', 'todo')),
			author: 'u-an'
		});
		clock.now += 60_000;
		const s2 = await docs.append({
			document: DOC,
			update: edit(client, (d) => d.getMap('card').set('status', 'done')),
			author: 'u-binh'
		});
		expect(s2).toBeGreaterThan(s1);

		expect(status(await docs.load(DOC))).toBe('done');
		expect(status(await docs.loadAt({ document: DOC, seq: s1 }))).toBe('todo');
		expect(status(await docs.loadAt({ document: DOC, at: new Date(clock.now - 1) }))).toBe('todo');
		expect(status(await docs.loadAt({ document: DOC, at: new Date(clock.now) }))).toBe('done');
		expect(status(await docs.loadAt({ document: DOC, at: new Date(0) }))).toBeUndefined();

		const history = await docs.history({ document: DOC, limit: 10 });
		expect(history.map(({ seq, author, time }) => ({ seq, author, time: time.getTime() }))).toEqual(
			[
				{ seq: s1, author: 'u-an', time: clock.now - 60_000 },
				{ seq: s2, author: 'u-binh', time: clock.now }
			]
		);
		// The raw update of an entry is what was appended: replaying it reproduces the change.
		const replay = new Y.Doc();
		for (const entry of history) Y.applyUpdate(replay, entry.update);
		expect(status(replay)).toBe('done');
		expect(await docs.history({ document: DOC, limit: 10, beforeSeq: s2 })).toHaveLength(1);
		expect(
			(await docs.history({ document: DOC, limit: 10, from: new Date(clock.now) })).map(
				(e) => e.author
			)
		).toEqual(['u-binh']);
	});

	it('loads through a snapshot and keeps reading the past after compaction', async () => {
		const client = new Y.Doc();
		const seqs: number[] = [];
		for (let i = 0; i < 5; i++) {
			clock.now += 1000;
			seqs.push(
				await docs.append({
					document: DOC,
					update: edit(client, (d) => d.getArray<number>('log').push([i])),
					author: null
				})
			);
		}
		clock.now += 1000;
		await docs.writeSnapshot({
			document: DOC,
			state: Y.encodeStateAsUpdate(client),
			uptoSeq: seqs[4]
		});
		clock.now += 1000;
		await docs.append({
			document: DOC,
			update: edit(client, (d) => d.getArray<number>('log').push([5])),
			author: 'u-an'
		});
		const state = await docs.loadState(DOC);
		expect(state.snapshotSeq).toBe(seqs[4]);
		expect(state.updates).toHaveLength(1);
		expect((await docs.load(DOC)).getArray('log').toArray()).toEqual([0, 1, 2, 3, 4, 5]);

		expect(await docs.compact({ document: DOC })).toBe(5);
		// The rows before the snapshot are gone, yet the document at the snapshot's time is exact.
		const atSnapshot = await docs.loadAt({ document: DOC, at: new Date(clock.now - 1) });
		expect(atSnapshot.getArray('log').toArray()).toEqual([0, 1, 2, 3, 4]);
		expect(await docs.documents('plan/p1')).toEqual([DOC]);
	});

	it('stores a group of appends wholly or not at all', async () => {
		const seqs = await docs.appendMany([
			{ document: 'plan/p2', update: new Uint8Array([0, 0]), author: null },
			{ document: 'plan/p2/agency/a', update: new Uint8Array([0, 0]), author: null }
		]);
		expect(seqs).toHaveLength(2);
		// All or none: a group whose second row is refused leaves nothing. SQLite refuses it past
		// the page limit; PostgreSQL refuses a NUL character in text, which SQLite would store.
		const bad = [
			{ document: 'plan/p3', update: new Uint8Array([0, 0]), author: null },
			{
				document: backend === 'sqlite' ? 'plan/p3/agency/a' : 'plan/p3/agency/\u0000',
				update: new Uint8Array(200_000),
				author: null
			}
		];
		if (backend === 'sqlite') store.maintenance.setMaxPageCount(store.maintenance.pageCount());
		expect(() => docs.appendManyNow(bad)).toThrow();
		if (backend === 'sqlite') store.maintenance.setMaxPageCount(undefined);
		expect(await docs.documents('plan/p3')).toEqual([]);
		expect(await docs.documents('plan/p2')).toEqual(['plan/p2', 'plan/p2/agency/a']);
	});

	it('refuses an append it cannot store: appendNow throws at once, append rejects', async () => {
		// SQLite: a full disk (the page limit); PostgreSQL: the server gone.
		const fault =
			backend === 'sqlite'
				? {
						code: 'DISK_FULL',
						start: () => store.maintenance.setMaxPageCount(store.maintenance.pageCount()),
						end: () => store.maintenance.setMaxPageCount(undefined)
					}
				: { code: 'IO', start: () => temp.postgres!.stop(), end: () => temp.postgres!.start() };
		const big = { document: DOC, update: new Uint8Array(200_000), author: 'u-an' };
		fault.start();
		try {
			expect(() => docs.appendNow(big)).toThrow(StoreError);
			await expect(docs.append(big)).rejects.toMatchObject({ code: fault.code });
		} finally {
			fault.end();
		}
		expect(await docs.history({ document: DOC, limit: 10 })).toEqual([]);
		expect(docs.appendNow(big)).toBeGreaterThan(0);
	});
});

import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteDocumentStore } from '@planboard/boards/documents';
import type { Store } from '@planboard/store';
import * as Y from 'yjs';
import { tempDir } from '../../../tests/support/harness.js';
import { GroupCommitter, type AppendOutcome, type GroupCommitOptions } from './group-commit.js';
import { ON_POSTGRES, openTestStore } from '../../../tests/support/test-database.js';

const tmp = tempDir('planboard-group-commit-');
let store: Store;
/** The store stamps each transaction with one call of its clock: rows sharing a time share it. */
let ticks = 0;

beforeEach(() => {
	store = openTestStore({
		path: `${tmp.dir}/${++ticks}.db`,
		now: () => 1_700_000_000_000 + ++ticks
	});
});
afterEach(() => store.close());
afterAll(() => tmp.cleanup());

const committer = (options: Partial<GroupCommitOptions> = {}) =>
	new GroupCommitter({ documents: sqliteDocumentStore(store), ...options });

/** A real Yjs update: `text` typed into the document's note. */
function edit(text: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getText('note').insert(0, text);
	return Y.encodeStateAsUpdate(doc);
}

/** Each stored row's document and time (the transaction's stamp), oldest first. */
function rows(...documents: string[]) {
	return documents
		.flatMap((document) =>
			store.updates
				.history({ document, limit: 100 })
				.map((entry) => ({ document, seq: entry.seq, at: entry.at.getTime() }))
		)
		.sort((a, b) => a.seq - b.seq);
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('GroupCommitter', () => {
	it('stores the updates of several documents added in one turn in one transaction', async () => {
		const c = committer();
		const outcomes: AppendOutcome[] = [];
		for (const document of ['plan/p/agency/a', 'plan/p/agency/b', 'plan/p', 'plan/p/agency/a'])
			c.add({ document, update: edit(document), author: null }, (o) => outcomes.push(o));
		expect(c.busy).toBe(true);
		expect(rows('plan/p/agency/a', 'plan/p/agency/b', 'plan/p')).toEqual([]);
		await c.flush();
		expect(c.busy).toBe(false);
		expect(c.stats).toEqual({ commits: 1, rows: 4, failed: 0 });
		const stored = rows('plan/p/agency/a', 'plan/p/agency/b', 'plan/p');
		expect(stored.map((r) => r.document)).toEqual([
			'plan/p/agency/a',
			'plan/p/agency/b',
			'plan/p',
			'plan/p/agency/a'
		]);
		expect(new Set(stored.map((r) => r.at)).size).toBe(1);
		expect(outcomes).toEqual(stored.map((r) => ({ seq: r.seq })));

		// The next turn is the next transaction.
		c.add({ document: 'plan/p', update: edit('later'), author: null }, () => {});
		await c.flush();
		expect(c.stats.commits).toBe(2);
		const later = rows('plan/p').at(-1)!;
		expect(later.at).not.toBe(stored[0].at);
	});

	it('commits only on the next turn, and tells listeners after the outcomes ran', async () => {
		const c = committer();
		const events: string[] = [];
		c.onSettled(() => events.push(`settled busy=${c.busy}`));
		c.add({ document: 'd', update: edit('a'), author: 'u1' }, () => events.push('done'));
		await Promise.resolve();
		expect(events).toEqual([]);
		await nextTurn();
		await nextTurn();
		expect(events).toEqual(['done', 'settled busy=false']);
		expect(store.updates.history({ document: 'd', limit: 10 })[0].userId).toBe('u1');
	});

	it('flushes what was added before, without waiting out a steady stream added after', async () => {
		const c = committer();
		// A stream that never lets the committer go idle: each group's end starts the next one.
		let more = 10;
		c.onSettled(() => {
			if (more-- > 0) c.add({ document: 'e', update: edit(`e${more}`), author: null }, () => {});
		});
		c.add({ document: 'd', update: edit('a'), author: null }, () => {});
		await c.flush();
		expect(rows('d')).toHaveLength(1);
		expect(c.busy).toBe(true);
		expect(c.stats.commits).toBeLessThanOrEqual(2);
		while (more > 0) await c.flush();
		await c.flush();
		expect(rows('e')).toHaveLength(10);
	});

	// The disk fills by capping the SQLite file at its pages (maintenance.setMaxPageCount); there is
	// no such cap on PostgreSQL, whose DISK_FULL mapping is tested in packages/store's errors.test.
	it.skipIf(ON_POSTGRES)(
		'refuses the whole group when the disk refuses it: every update is told, none is stored',
		async () => {
			store.updates.append({ document: 'a', update: edit('before'), userId: null });
			const c = committer();
			const outcomes: AppendOutcome[] = [];
			store.maintenance.setMaxPageCount(store.maintenance.pageCount());
			c.add({ document: 'a', update: edit('small'), author: null }, (o) => outcomes.push(o));
			c.add({ document: 'b', update: edit('x'.repeat(50_000)), author: null }, (o) =>
				outcomes.push(o)
			);
			await c.flush();
			expect(outcomes).toHaveLength(2);
			for (const o of outcomes) expect(o).toMatchObject({ error: { code: 'DISK_FULL' } });
			expect(c.stats).toEqual({ commits: 1, rows: 2, failed: 1 });
			expect(rows('a', 'b')).toHaveLength(1);
			store.maintenance.setMaxPageCount(undefined);
		}
	);

	it('holds the transaction while the test hook waits; updates meanwhile join it', async () => {
		let release: () => void = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		const c = committer({ holdCommitForTest: () => held });
		c.add({ document: 'd', update: edit('a'), author: null }, () => {});
		await nextTurn();
		await nextTurn();
		expect(c.busy).toBe(true);
		expect(rows('d')).toEqual([]);
		c.add({ document: 'e', update: edit('b'), author: null }, () => {});
		release();
		await c.flush();
		expect(c.stats).toEqual({ commits: 1, rows: 2, failed: 0 });
		expect(rows('d', 'e')).toHaveLength(2);
	});

	it('holds each sender until its own group committed and its outcomes ran', async () => {
		let release: () => void = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		const c = committer({ holdCommitForTest: () => held });
		const [writer, bystander, late] = [{}, {}, {}];
		const seen: string[] = [];
		c.onSettled(() => seen.push(`settled writer=${c.holds(writer)}`));
		// Idle: nothing is pending, so nobody has anything to wait for.
		c.waitForPending(late);
		expect(c.holds(late)).toBe(false);

		c.add(
			{ document: 'd', update: edit('a'), author: null },
			() => {
				seen.push(`done writer=${c.holds(writer)}`);
			},
			writer
		);
		c.add({ document: 'd', update: edit('b'), author: null }, () => {}, writer);
		expect(c.holds(writer)).toBe(true);
		expect(c.holds(bystander)).toBe(false);
		// A message that changed nothing waits for what is pending: the writer's uncommitted updates.
		c.waitForPending(late);
		expect(c.holds(late)).toBe(true);
		await nextTurn();
		await nextTurn();
		expect(rows('d')).toEqual([]);
		expect([c.holds(writer), c.holds(late)]).toEqual([true, true]);

		release();
		await c.flush();
		expect(rows('d')).toHaveLength(2);
		expect([c.holds(writer), c.holds(late)]).toEqual([false, false]);
		// Its outcome ran while it was still held (a refused group closes its senders there).
		expect(seen).toEqual(['done writer=true', 'settled writer=false']);
	});

	// The disk fills by capping the SQLite file at its pages (maintenance.setMaxPageCount); there is
	// no such cap on PostgreSQL, whose DISK_FULL mapping is tested in packages/store's errors.test.
	it.skipIf(ON_POSTGRES)(
		'holds the senders of a refused group until their outcomes ran',
		async () => {
			const c = committer();
			const sender = {};
			const heldInDone: boolean[] = [];
			const outcomes: AppendOutcome[] = [];
			store.maintenance.setMaxPageCount(store.maintenance.pageCount());
			c.add(
				{ document: 'b', update: edit('x'.repeat(50_000)), author: null },
				(o) => {
					outcomes.push(o);
					heldInDone.push(c.holds(sender));
				},
				sender
			);
			await c.flush();
			expect(outcomes).toMatchObject([{ error: { code: 'DISK_FULL' } }]);
			expect(heldInDone).toEqual([true]);
			expect(c.holds(sender)).toBe(false);
			store.maintenance.setMaxPageCount(undefined);
		}
	);

	it('commits inside add with the inline boundary (one transaction per update)', () => {
		const c = committer({ boundary: 'inline' });
		let seq = 0;
		c.add({ document: 'd', update: edit('a'), author: null }, (o) => {
			if ('seq' in o) seq = o.seq;
		});
		expect(seq).toBeGreaterThan(0);
		expect(c.busy).toBe(false);
		const sender = {};
		c.add({ document: 'd', update: edit('b'), author: null }, () => {}, sender);
		expect(c.stats.commits).toBe(2);
		expect(c.holds(sender)).toBe(false);
	});

	it('commits after the current microtasks with the microtask boundary, before the next turn', async () => {
		const c = committer({ boundary: 'microtask' });
		c.add({ document: 'd', update: edit('a'), author: null }, () => {});
		c.add({ document: 'e', update: edit('b'), author: null }, () => {});
		expect(rows('d')).toEqual([]);
		await Promise.resolve();
		await Promise.resolve();
		expect(c.stats).toEqual({ commits: 1, rows: 2, failed: 0 });
		expect(rows('d', 'e')).toHaveLength(2);
	});
});

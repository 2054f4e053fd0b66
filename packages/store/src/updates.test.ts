import { beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from './errors.js';
import { openStore, type Store } from './open.js';
import { BACKENDS, useTempStore } from './test-store.js';

describe.each(BACKENDS)('%s', (backend) => {
	const temp = useTempStore(backend);
	let store: Store;
	beforeEach(() => {
		temp.clock.now = 1_000_000;
		store = temp.store;
	});

	const bytes = (...values: number[]) => new Uint8Array(values);
	const DOC = 'plan/p1';

	describe('update log', () => {
		it('loads an empty document as nothing', () => {
			expect(store.updates.load(DOC)).toEqual({
				snapshot: null,
				snapshotSeq: 0,
				updates: [],
				lastSeq: 0
			});
		});

		it('appends and loads updates in order, per document', () => {
			const a = store.updates.append({ document: DOC, update: bytes(1), userId: 'u1' });
			store.updates.append({ document: 'plan/p2', update: bytes(9), userId: null });
			const b = store.updates.append({ document: DOC, update: bytes(2, 3), userId: null });
			expect(b).toBeGreaterThan(a);
			const loaded = store.updates.load(DOC);
			expect(loaded.snapshot).toBeNull();
			expect(loaded.updates).toEqual([bytes(1), bytes(2, 3)]);
			expect(loaded.updates[0]).toBeInstanceOf(Uint8Array);
			expect(Buffer.isBuffer(loaded.updates[0])).toBe(false);
			expect(loaded.lastSeq).toBe(b);
		});

		it('loads the latest snapshot plus the log tail after it', () => {
			const s1 = store.updates.append({ document: DOC, update: bytes(1), userId: null });
			store.updates.writeSnapshot({ document: DOC, state: bytes(100), uptoSeq: s1 });
			const s2 = store.updates.append({ document: DOC, update: bytes(2), userId: null });
			store.updates.writeSnapshot({ document: DOC, state: bytes(101), uptoSeq: s2 });
			const s3 = store.updates.append({ document: DOC, update: bytes(3), userId: null });
			const loaded = store.updates.load(DOC);
			expect(loaded).toEqual({
				snapshot: bytes(101),
				snapshotSeq: s2,
				updates: [bytes(3)],
				lastSeq: s3
			});
		});

		it('keeps the log after a snapshot until compaction, and compaction keeps uncovered rows', () => {
			const s1 = store.updates.append({ document: DOC, update: bytes(1), userId: null });
			const s2 = store.updates.append({ document: DOC, update: bytes(2), userId: null });
			store.updates.writeSnapshot({ document: DOC, state: bytes(100), uptoSeq: s2 });
			store.updates.append({ document: DOC, update: bytes(3), userId: null });
			expect(store.updates.history({ document: DOC, limit: 10 })).toHaveLength(3);

			expect(store.updates.compact({ document: DOC, retainAfter: new Date(temp.clock.now) })).toBe(
				0
			);
			temp.clock.now += 60_000;
			expect(store.updates.compact({ document: DOC, retainAfter: new Date(temp.clock.now) })).toBe(
				2
			);
			expect(store.updates.history({ document: DOC, limit: 10 }).map((h) => h.seq)).not.toContain(
				s1
			);
			const loaded = store.updates.load(DOC);
			expect(loaded.snapshot).toEqual(bytes(100));
			expect(loaded.updates).toEqual([bytes(3)]);
		});

		it('never compacts a document without a snapshot', () => {
			store.updates.append({ document: DOC, update: bytes(1), userId: null });
			expect(store.updates.compact({ document: DOC })).toBe(0);
			expect(store.updates.load(DOC).updates).toHaveLength(1);
		});

		it('never reuses a seq after compaction removed the newest rows', () => {
			const s1 = store.updates.append({ document: DOC, update: bytes(1), userId: null });
			store.updates.writeSnapshot({ document: DOC, state: bytes(100), uptoSeq: s1 });
			store.updates.compact({ document: DOC });
			const s2 = store.updates.append({ document: DOC, update: bytes(2), userId: null });
			expect(s2).toBeGreaterThan(s1);
			expect(store.updates.load(DOC).updates).toEqual([bytes(2)]);
		});

		it('never reuses a seq after deleting the document that held the newest row', () => {
			const other = 'plan/p2';
			store.updates.append({ document: DOC, update: bytes(1), userId: null });
			const newest = store.updates.append({ document: other, update: bytes(2), userId: null });
			store.updates.writeSnapshot({ document: DOC, state: bytes(100), uptoSeq: newest });
			store.updates.compact({ document: DOC });
			store.updates.deleteDocument(other);
			expect(store.updates.documents()).toEqual([DOC]);
			expect(store.updates.load(other)).toMatchObject({ updates: [], snapshot: null });
			const next = store.updates.append({ document: DOC, update: bytes(3), userId: null });
			expect(next).toBeGreaterThan(newest);
			expect(store.updates.load(DOC)).toMatchObject({ snapshot: bytes(100), updates: [bytes(3)] });
		});

		it('rejects a snapshot that claims updates the log has not issued', () => {
			const s1 = store.updates.append({ document: DOC, update: bytes(1), userId: null });
			expect(() =>
				store.updates.writeSnapshot({ document: DOC, state: bytes(1), uptoSeq: s1 + 1 })
			).toThrow(RangeError);
		});

		it('survives close and reopen', () => {
			store.updates.append({ document: DOC, update: bytes(7, 7), userId: 'u1' });
			store.close();
			const reopened = openStore(temp.location);
			try {
				expect(reopened.updates.load(DOC).updates).toEqual([bytes(7, 7)]);
			} finally {
				reopened.close();
			}
		});

		it('appendMany stores all rows or none', () => {
			const seqs = store.updates.appendMany([
				{ document: DOC, update: bytes(1), userId: null },
				{ document: 'plan/p2', update: bytes(2), userId: null }
			]);
			expect(seqs).toHaveLength(2);
			const bad = { document: DOC, update: null as unknown as Uint8Array, userId: null };
			expect(() =>
				store.updates.appendMany([{ document: DOC, update: bytes(3), userId: null }, bad])
			).toThrow();
			expect(store.updates.load(DOC).updates).toEqual([bytes(1)]);
		});

		it('pages history newest first with sizes and authors', () => {
			const seqs = [1, 2, 3].map((n) =>
				store.updates.append({ document: DOC, update: new Uint8Array(n * 10), userId: `u${n}` })
			);
			const first = store.updates.history({ document: DOC, limit: 2 });
			expect(first.map((h) => [h.seq, h.userId, h.size])).toEqual([
				[seqs[2], 'u3', 30],
				[seqs[1], 'u2', 20]
			]);
			expect(first[0].at).toEqual(new Date(temp.clock.now));
			const next = store.updates.history({ document: DOC, limit: 2, beforeSeq: first[1].seq });
			expect(next.map((h) => h.seq)).toEqual([seqs[0]]);
		});

		it('lists documents by exact, case-sensitive prefix and deletes one', () => {
			for (const document of ['plan/a', 'plan/a/agency/x', 'plan/b', 'PLAN/c', 'plan_d']) {
				store.updates.append({ document, update: bytes(1), userId: null });
			}
			const seq = store.updates.append({ document: 'plan/a', update: bytes(2), userId: null });
			store.updates.writeSnapshot({ document: 'plan/e', state: bytes(1), uptoSeq: seq });
			expect(store.updates.documents('plan/')).toEqual([
				'plan/a',
				'plan/a/agency/x',
				'plan/b',
				'plan/e'
			]);
			expect(store.updates.documents()).toHaveLength(6);
			store.updates.deleteDocument('plan/a');
			expect(store.updates.load('plan/a').updates).toEqual([]);
			expect(store.updates.documents('plan/a')).toEqual(['plan/a/agency/x']);
		});

		it.runIf(backend === 'sqlite')(
			'reports DISK_FULL clearly and keeps earlier rows intact',
			() => {
				store.maintenance.setMaxPageCount(40);
				const written: number[] = [];
				let failure: unknown;
				for (let i = 0; i < 1000 && !failure; i++) {
					try {
						written.push(
							store.updates.append({
								document: DOC,
								update: new Uint8Array(1000).fill(i % 250),
								userId: null
							})
						);
					} catch (error) {
						failure = error;
					}
				}
				expect(failure).toBeInstanceOf(StoreError);
				expect((failure as StoreError).code).toBe('DISK_FULL');
				expect((failure as StoreError).message).toContain(store.path);
				expect(written.length).toBeGreaterThan(0);
				const loaded = store.updates.load(DOC);
				expect(loaded.updates).toHaveLength(written.length);
				expect(loaded.updates.at(-1)).toEqual(
					new Uint8Array(1000).fill((written.length - 1) % 250)
				);
				expect(loaded.lastSeq).toBe(written.at(-1));
			}
		);
	});
});

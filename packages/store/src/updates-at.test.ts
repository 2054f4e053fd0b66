import { describe, expect, it } from 'vitest';
import { BACKENDS, useTempStore } from './test-store.js';

describe.each(BACKENDS)('%s', (backend) => {
	const bytes = (...values: number[]) => new Uint8Array(values);
	const DOC = 'plan/p1';
	const temp = useTempStore(backend);

	describe('update log read as of an instant', () => {
		it('loads only the rows written by the instant, from a snapshot written before it', () => {
			const { store, clock } = temp;
			clock.now = 1000;
			const a = store.updates.append({ document: DOC, update: bytes(1), userId: 'u1' });
			clock.now = 2000;
			const b = store.updates.append({ document: DOC, update: bytes(2), userId: 'u2' });
			clock.now = 2500;
			store.updates.writeSnapshot({ document: DOC, state: bytes(12), uptoSeq: b });
			clock.now = 3000;
			const c = store.updates.append({ document: DOC, update: bytes(3), userId: 'u1' });

			expect(store.updates.loadAt({ document: DOC, at: new Date(999) })).toEqual({
				snapshot: null,
				snapshotSeq: 0,
				updates: [],
				lastSeq: 0
			});
			expect(store.updates.loadAt({ document: DOC, at: new Date(1500) })).toMatchObject({
				snapshot: null,
				updates: [bytes(1)],
				lastSeq: a
			});
			// b, the snapshot's last row, was written by 2000: the snapshot stands for a and b.
			expect(store.updates.loadAt({ document: DOC, at: new Date(2000) })).toMatchObject({
				snapshot: bytes(12),
				updates: []
			});
			// Once compaction removed a and b, the snapshot stands for them from its own writing on.
			store.updates.compact({ document: DOC });
			expect(store.updates.loadAt({ document: DOC, at: new Date(3000) })).toMatchObject({
				snapshot: bytes(12),
				updates: [bytes(3)],
				lastSeq: c
			});
			expect(store.updates.loadUpTo({ document: DOC, seq: b })).toMatchObject({
				snapshot: bytes(12),
				updates: []
			});
			expect(a).toBeLessThan(b);
		});

		it('replays rows with bytes and authors newest first, by time range and page', () => {
			const { store, clock } = temp;
			const seqs: number[] = [];
			for (let i = 1; i <= 5; i++) {
				clock.now = i * 1000;
				seqs.push(store.updates.append({ document: DOC, update: bytes(i), userId: `u${i}` }));
			}
			const page = store.updates.updatesBetween({
				document: DOC,
				limit: 2,
				from: new Date(2000),
				to: new Date(4000)
			});
			expect(page.map((r) => [r.seq, r.userId, r.at.getTime(), r.data])).toEqual([
				[seqs[3], 'u4', 4000, bytes(4)],
				[seqs[2], 'u3', 3000, bytes(3)]
			]);
			const next = store.updates.updatesBetween({
				document: DOC,
				limit: 2,
				beforeSeq: page[1].seq,
				from: new Date(2000)
			});
			expect(next.map((r) => r.seq)).toEqual([seqs[1]]);
			expect(store.updates.loadUpTo({ document: DOC, seq: seqs[2] }).updates).toEqual([
				bytes(1),
				bytes(2),
				bytes(3)
			]);
		});
	});
});

import { describe, expect, it } from 'vitest';
import { StoreError } from './errors.js';
import { BACKENDS, useTempStore } from './test-store.js';

describe.each(BACKENDS)('%s', (backend) => {
	const t = useTempStore(backend);
	const plan = (id: string) => ({ id, title: id, year: 2025, sourceJson: '{}' });

	describe('store.transaction', () => {
		it('stores every write of the function, or none when it throws', () => {
			const { store } = t;
			store.transaction(() => {
				store.plans.insert(plan('kept'));
				store.updates.append({
					document: 'plan/kept',
					update: new Uint8Array([0, 0]),
					userId: null
				});
			});
			expect(() =>
				store.transaction(() => {
					store.plans.insert(plan('dropped'));
					store.updates.append({
						document: 'plan/dropped',
						update: new Uint8Array([0, 0]),
						userId: null
					});
					throw new Error('refused');
				})
			).toThrow('refused');
			expect(store.plans.get('kept')?.title).toBe('kept');
			expect(store.plans.get('dropped')).toBeNull();
			expect(store.updates.documents()).toEqual(['plan/kept']);
		});

		it('returns what the function returns and nests as a savepoint', () => {
			const { store } = t;
			const seq = store.transaction(() =>
				store.transaction(() =>
					store.updates.append({ document: 'd', update: new Uint8Array([0, 0]), userId: null })
				)
			);
			expect(seq).toBeGreaterThan(0);
		});
	});

	describe('store.maintenance', () => {
		it('answers the health ping and the integrity check of a sound file', () => {
			expect(t.store.maintenance.ping()).toBe(true);
			expect(t.store.maintenance.integrityCheck()).toBe('ok');
			expect(t.store.maintenance.settings()).toEqual({
				journalMode: 'wal',
				synchronous: 2,
				foreignKeys: true
			});
		});

		it.runIf(backend === 'sqlite')(
			'refuses a write beyond the page limit as DISK_FULL until the limit is lifted',
			() => {
				const { store } = t;
				store.maintenance.setMaxPageCount(store.maintenance.pageCount());
				const big = { document: 'd', update: new Uint8Array(100_000), userId: null };
				let error: unknown;
				try {
					store.updates.append(big);
				} catch (e) {
					error = e;
				}
				expect(error).toBeInstanceOf(StoreError);
				expect((error as StoreError).code).toBe('DISK_FULL');
				store.maintenance.setMaxPageCount(undefined);
				expect(store.updates.append(big)).toBeGreaterThan(0);
			}
		);

		it.runIf(backend === 'postgres')('says plainly that the page limit is SQLite-only', () => {
			expect(() => t.store.maintenance.setMaxPageCount(10)).toThrow(/SQLite-only/);
			expect(t.store.maintenance.pageCount()).toBeGreaterThan(0);
		});

		it('closes the connection: the ping then fails', () => {
			t.store.close();
			expect(() => t.store.maintenance.ping()).toThrow();
		});
	});
});

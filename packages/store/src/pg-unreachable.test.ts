import { describe, expect, it } from 'vitest';
import { StoreError } from './errors.js';
import { openStore } from './open.js';
import { usePostgresCluster } from './test-store.js';

const cluster = usePostgresCluster();

/** Runs `fn`, which must fail with a StoreError; returns its code and how long it blocked. */
function timedFailure(fn: () => unknown): { code: string; ms: number } {
	const started = performance.now();
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(StoreError);
		return { code: (error as StoreError).code, ms: performance.now() - started };
	}
	throw new Error('expected a StoreError');
}

describe('a PostgreSQL server that stops answering', () => {
	it('costs the main thread one statement timeout, then fails each statement at once, and is reached again by itself', async () => {
		const url = cluster.harness.createDatabase();
		const store = openStore({ url, statementTimeoutMs: 600, connectTimeoutMs: 600 });
		try {
			store.updates.append({ document: 'plan/p', update: new Uint8Array([1]), userId: null });
			cluster.harness.pause();
			const first = timedFailure(() => store.maintenance.ping());
			expect(first.code).toBe('IO');
			expect(first.ms).toBeGreaterThanOrEqual(550);
			expect(first.ms).toBeLessThan(1500);
			for (let i = 0; i < 5; i++) {
				const next = timedFailure(() =>
					store.updates.append({ document: 'plan/p', update: new Uint8Array([2]), userId: null })
				);
				expect(next.code).toBe('IO');
				expect(next.ms).toBeLessThan(100);
			}

			cluster.harness.resume();
			// The worker reconnects in the background, every 250 ms; no reopening.
			const deadline = Date.now() + 10_000;
			let up = false;
			while (!up && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 100));
				try {
					up = store.maintenance.ping();
				} catch {
					up = false;
				}
			}
			expect(up).toBe(true);
			store.updates.append({ document: 'plan/p', update: new Uint8Array([3]), userId: null });
			expect(store.updates.load('plan/p').updates).toEqual([
				new Uint8Array([1]),
				new Uint8Array([3])
			]);
		} finally {
			cluster.harness.resume();
			store.close();
		}
	});
});

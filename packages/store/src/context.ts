import type { Driver } from './driver.js';
import { toStoreError } from './errors.js';

/**
 * What every repository needs: the connection (either backend, see driver.ts), where the data
 * lives for error messages (a file path, or a PostgreSQL URL without its password), and a clock.
 */
export interface RepoContext {
	db: Driver;
	path: string;
	now: () => number;
}

/** Rethrows a failure as a StoreError naming the file when it is one the store understands. */
export function rethrow(ctx: RepoContext, error: unknown): never {
	throw toStoreError({ error, path: ctx.path });
}

/** Runs one statement against the database, turning its failure into a StoreError (see rethrow). */
export function guarded<T>(ctx: RepoContext, fn: () => T): T {
	try {
		return fn();
	} catch (error) {
		rethrow(ctx, error);
	}
}

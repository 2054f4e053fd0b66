import { fileURLToPath } from 'node:url';
import { createSyncFn } from 'synckit';
import type { BatchStep, Driver, RunResult, Statement } from './driver.js';
import { toStoreError } from './errors.js';
import { toPositional, type PositionalSql } from './pg-sql.js';
import type { WorkerRequest, WorkerResponse } from './pg-worker.js';

/**
 * PostgreSQL behind the same synchronous contract as SQLite: the `pg` client runs in a worker
 * thread (pg-worker.ts) and the main thread waits for each call with synckit. The store's callers
 * (web routes, CLI, sync server) stay synchronous, and `transaction(fn)` cannot interleave with
 * anything else, exactly as with better-sqlite3.
 *
 * The price: each statement is one loopback round trip during which the event loop waits, as it
 * waits for the fsync of each commit with SQLite's synchronous=FULL. So a repository method that
 * runs several statements sends them as one `batch` (one trip to the worker), and a group of
 * appends is one multi-row INSERT.
 */
type Call = (request: WorkerRequest) => WorkerResponse;

let call: Call | undefined;

/** One worker per process holds every Store's connection (synckit keeps one per worker file). */
function worker(): Call {
	if (call) return call;
	const here = fileURLToPath(import.meta.url);
	// Under vitest and tsx the sources run as TypeScript, which Node 20 cannot load in a worker
	// by itself: pg-worker-source.mjs compiles pg-worker.ts with tsx there.
	const path = here.replace(
		/pg-driver\.(ts|js)$/,
		here.endsWith('.ts') ? 'pg-worker-source.mjs' : 'pg-worker.js'
	);
	call = createSyncFn<(request: WorkerRequest) => Promise<WorkerResponse>>(path) as Call;
	return call;
}

/** Structured clone brings bytea back as Uint8Array; the repositories read Buffers, as SQLite's. */
function withBuffers(rows: Record<string, unknown>[]): Record<string, unknown>[] {
	for (const row of rows)
		for (const key of Object.keys(row)) {
			const value = row[key];
			if (value instanceof Uint8Array && !Buffer.isBuffer(value))
				row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
		}
	return rows;
}

let nextId = 1;

export interface PostgresDriverOptions {
	url: string;
	/** The URL without its password: what errors and `Store.path` show. */
	location: string;
	readonly: boolean;
	/** How long a statement waits for a lock held elsewhere before failing with LOCKED. */
	lockTimeoutMs: number;
	connectTimeoutMs: number;
	/** How long the main thread waits for one answer from a server that stopped answering. */
	statementTimeoutMs: number;
}

/** Opens one connection (in the worker) and returns the driver over it; fails as a StoreError. */
export function postgresDriver(options: PostgresDriverOptions): Driver {
	const id = nextId++;
	const send = worker();
	const unwrap = (response: WorkerResponse) => {
		if (response.ok) return response;
		const error = Object.assign(new Error(response.error.message), { code: response.error.code });
		throw toStoreError({ error, path: options.location });
	};
	unwrap(
		send({
			op: 'open',
			id,
			url: options.url,
			readonly: options.readonly,
			lockTimeoutMs: options.lockTimeoutMs,
			connectTimeoutMs: options.connectTimeoutMs,
			statementTimeoutMs: options.statementTimeoutMs
		})
	);
	const sql = new WeakMap<object, PositionalSql>();
	const query = (positional: PositionalSql, args: readonly unknown[]) => {
		const response = unwrap(
			send({ op: 'query', id, text: positional.text, values: positional.bind(args) })
		);
		if (!('rows' in response)) throw new Error('A query answered like a batch');
		return { rows: withBuffers(response.rows), rowCount: response.rowCount };
	};
	const control = (op: 'begin' | 'commit' | 'rollback') => unwrap(send({ op, id }));
	let closed = false;

	return {
		dialect: 'postgres',
		prepare<P, R>(text: string): Statement<P, R> {
			const positional = toPositional(text);
			const statement: Statement<P, R> = {
				run: (...args) => ({ changes: query(positional, args).rowCount }),
				get: (...args) => query(positional, args).rows[0] as R | undefined,
				all: (...args) => query(positional, args).rows as R[]
			};
			sql.set(statement, positional);
			return statement;
		},
		transaction<T>(fn: () => T): T {
			control('begin');
			let result: T;
			try {
				result = fn();
			} catch (error) {
				try {
					control('rollback');
				} catch {
					// The first failure is the one to report; the rollback's is its consequence.
				}
				throw error;
			}
			control('commit');
			return result;
		},
		batch(steps: readonly BatchStep[]): (RunResult | unknown[])[] {
			const response = unwrap(
				send({
					op: 'batch',
					id,
					steps: steps.map((step) => {
						const positional = sql.get(step.statement);
						if (!positional) throw new Error('batch: a statement of another driver');
						return { text: positional.text, values: positional.bind(step.params) };
					})
				})
			);
			if (!('results' in response)) throw new Error('A batch answered like a query');
			return response.results.map((result, i) =>
				steps[i].mode === 'all' ? withBuffers(result.rows) : { changes: result.rowCount }
			);
		},
		close() {
			if (closed) return;
			closed = true;
			unwrap(send({ op: 'close', id }));
		}
	};
}

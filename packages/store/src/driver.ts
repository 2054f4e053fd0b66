/**
 * The narrow seam between the repositories and a database engine. Repositories prepare SQL once
 * (positional `?` or named `@name` parameters, as better-sqlite3 takes them) and run it
 * synchronously; each backend (sqlite-driver.ts, pg-driver.ts) implements this and nothing more.
 * SQL that differs between the dialects is chosen by `dialect` in the repository that owns it.
 */
export type Dialect = 'sqlite' | 'postgres';

/** What a write reports: rows changed (SQLite `changes`, PostgreSQL `rowCount`). */
export interface RunResult {
	changes: number;
}

/** Positional parameters as a tuple, or the one object that names them. */
export type Args<P> = P extends readonly unknown[] ? P : [P];

/**
 * A prepared statement. Parameters are either positional values or one object for `@name`s.
 * Integers come back as numbers on both backends (PostgreSQL's int8 is parsed as a number: every
 * integer the store writes is a millisecond time, a seq or a count, all below 2^53), byte columns
 * as Buffers.
 */
export interface Statement<P = unknown[], R = Record<string, unknown>> {
	run(...params: Args<P>): RunResult;
	get(...params: Args<P>): R | undefined;
	all(...params: Args<P>): R[];
}

/** One statement of a batch, with how its result is wanted. */
export interface BatchStep {
	statement: Statement<unknown[], unknown>;
	params: unknown[];
	mode: 'run' | 'all';
}

export interface Driver {
	readonly dialect: Dialect;
	prepare<P = unknown[], R = Record<string, unknown>>(sql: string): Statement<P, R>;
	/**
	 * Runs `fn` in one transaction (nested calls become savepoints): every write inside it is
	 * stored or none is. `fn` is synchronous, so nothing else can interleave on this connection.
	 */
	transaction<T>(fn: () => T): T;
	/**
	 * Runs the steps in one transaction (joining the current one inside `transaction`) and returns
	 * each step's result: `changes` for 'run', the rows for 'all'. On PostgreSQL this is one trip
	 * to the worker however many steps there are.
	 */
	batch(steps: readonly BatchStep[]): (RunResult | unknown[])[];
	close(): void;
}

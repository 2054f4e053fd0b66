import type { Database } from 'better-sqlite3';
import type { Driver, RunResult, Statement } from './driver.js';

/** The SQLite driver, plus the raw connection for the pragmas only maintenance.ts reads. */
export interface SqliteDriver extends Driver {
	readonly dialect: 'sqlite';
	readonly raw: Database;
}

/** better-sqlite3 already has the driver's shape: statements run synchronously in-process. */
export function sqliteDriver(db: Database): SqliteDriver {
	const prepare = <P, R>(sql: string): Statement<P, R> => {
		const statement = db.prepare<unknown[], R>(sql);
		return {
			run: (...params) => ({ changes: statement.run(...params).changes }),
			get: (...params) => statement.get(...params),
			all: (...params) => statement.all(...params)
		};
	};
	return {
		dialect: 'sqlite',
		raw: db,
		prepare,
		transaction: (fn) => db.transaction(fn)(),
		batch: (steps) =>
			db.transaction(() =>
				steps.map(({ statement, params, mode }): RunResult | unknown[] =>
					mode === 'all' ? statement.all(...params) : statement.run(...params)
				)
			)(),
		close: () => db.close()
	};
}

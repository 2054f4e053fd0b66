import type { RepoContext } from './context.js';
import { guarded } from './context.js';
import type { Statement } from './driver.js';
import { TABLES, type TableName } from './tables.js';

/** One stored row as the driver reads it: numbers, strings, Buffers and nulls by column name. */
export type Row = Record<string, unknown>;

/**
 * Table-level access to the whole store, for moving an installation from one backend to the
 * other (`copyStore`, `planboard migrate`). Rows go out and come in exactly as stored, keys and
 * seqs included, so documents, sessions and share links are the same bytes on the other side.
 * Nothing else should use it: the repositories own what the rows mean.
 */
export interface TransferRepo {
	/** Rows in each table of TABLES. */
	counts(): Record<TableName, number>;
	/** Every row of `table` in primary-key order, `pageSize` rows at a time (keyset paging). */
	pages(table: TableName, pageSize?: number): Generator<Row[]>;
	/** Inserts rows as given, every column (keys and generated ids too). */
	insert(table: TableName, rows: readonly Row[]): void;
	/**
	 * After an import: PostgreSQL's identity sequences continue past the copied ids, so the next
	 * update gets a seq above every copied one (SQLite takes max(rowid) + 1 by itself).
	 */
	afterImport(): void;
}

const DEFAULT_PAGE = 200;

const quote = (name: string) => `"${name}"`;

export function createTransferRepo(ctx: RepoContext): TransferRepo {
	const { db } = ctx;
	const count = new Map(
		TABLES.map((t) => [
			t.name,
			db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${t.name}`)
		])
	);
	const inserts = new Map<string, Statement<unknown[], unknown>>();
	const insertFor = (table: TableName, columns: string[]) => {
		const sql = `INSERT INTO ${table} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
		let statement = inserts.get(sql);
		if (!statement) inserts.set(sql, (statement = db.prepare<unknown[], unknown>(sql)));
		return statement;
	};
	return {
		counts: () =>
			guarded(ctx, () => {
				const out = {} as Record<TableName, number>;
				for (const [name, statement] of count) out[name] = Number(statement.get()?.n ?? 0);
				return out;
			}),
		*pages(table, pageSize = DEFAULT_PAGE) {
			const { key } = tableOf(table);
			const order = key.map(quote).join(', ');
			const first = db.prepare<[number], Row>(`SELECT * FROM ${table} ORDER BY ${order} LIMIT ?`);
			// Row values compare as the key orders (SQLite and PostgreSQL both take them).
			const next = db.prepare<unknown[], Row>(
				`SELECT * FROM ${table} WHERE (${order}) > (${key.map(() => '?').join(', ')}) ORDER BY ${order} LIMIT ?`
			);
			let rows = guarded(ctx, () => first.all(pageSize));
			while (rows.length > 0) {
				yield rows;
				if (rows.length < pageSize) return;
				const last = rows[rows.length - 1];
				rows = guarded(ctx, () => next.all(...key.map((column) => last[column]), pageSize));
			}
		},
		insert(table, rows) {
			if (rows.length === 0) return;
			const columns = Object.keys(rows[0]);
			const statement = insertFor(table, columns);
			guarded(ctx, () =>
				db.batch(
					rows.map((row) => ({
						statement,
						params: columns.map((column) => row[column]),
						mode: 'run' as const
					}))
				)
			);
		},
		afterImport() {
			if (db.dialect !== 'postgres') return;
			for (const table of TABLES) {
				if (!('identity' in table)) continue;
				const column = table.identity;
				// is_called false: the next value handed out is exactly max + 1 (1 on an empty table).
				guarded(ctx, () =>
					db
						.prepare(
							`SELECT setval(pg_get_serial_sequence('${table.name}', '${column}'), COALESCE(MAX(${column}), 0) + 1, false) FROM ${table.name}`
						)
						.get()
				);
			}
		}
	};
}

function tableOf(name: TableName) {
	const table = TABLES.find((t) => t.name === name);
	if (!table) throw new Error(`unknown table ${name}`);
	return table;
}

import type { Store } from './open.js';
import { TABLES, type TableName } from './tables.js';

/**
 * Copies every row of every table from one store to another, empty one (SQLite to PostgreSQL or
 * back): `planboard migrate`. Rows keep their keys, seqs and bytes, so documents, sessions and
 * share links work unchanged on the target. The target is written in one transaction: a failure
 * leaves it empty. The source is read in one transaction too (on SQLite one consistent snapshot);
 * the servers writing to it should be stopped first. Returns the rows copied per table, checked
 * against the target's counts.
 */
export function copyStore(options: {
	from: Store;
	to: Store;
	/** Called after each table with the rows copied, for progress output. */
	onTable?: (table: TableName, rows: number) => void;
}): Record<TableName, number> {
	const { from, to, onTable } = options;
	const held = Object.entries(to.transfer.counts()).filter(([, n]) => n > 0);
	if (held.length > 0)
		throw new Error(
			`The target ${to.path} is not empty (${held.map(([t, n]) => `${t}: ${n}`).join(', ')}); migrate only into a new database`
		);
	const copied = {} as Record<TableName, number>;
	from.transaction(() =>
		to.transaction(() => {
			for (const { name } of TABLES) {
				let rows = 0;
				for (const page of from.transfer.pages(name)) {
					to.transfer.insert(name, page);
					rows += page.length;
				}
				copied[name] = rows;
				onTable?.(name, rows);
			}
			to.transfer.afterImport();
			const stored = to.transfer.counts();
			const short = TABLES.filter(({ name }) => stored[name] !== copied[name]);
			if (short.length > 0)
				throw new Error(
					`Copy incomplete, nothing kept: ${short.map(({ name }) => `${name} ${stored[name]} of ${copied[name]}`).join(', ')}`
				);
		})
	);
	return copied;
}

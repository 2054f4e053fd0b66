import { resolve } from 'node:path';
import { copyStore, openStore } from '@planboard/store';
import { databaseLocation, envConfig } from '@planboard/config';
import { UsageError, parseArgs } from '../args.js';
import { processIo, type CommandIo } from '../io.js';

const USAGE = 'usage: planboard migrate --to postgres://user:password@host:port/database | FILE.db';

/**
 * `planboard migrate --to TARGET`: copies the configured store (the data directory's SQLite file,
 * or PLANBOARD_DATABASE_URL's PostgreSQL) into an empty one on the other backend, every row of
 * every table as stored (copyStore), so boards, documents, accounts, sessions and share links
 * carry over. Stop the servers first; the target is written in one transaction and is left
 * empty if anything fails. Prints each table's rows on stderr, targets without their password.
 */
export async function runMigrate(args: string[], io: CommandIo = processIo): Promise<number> {
	const opts = parseArgs(args, { values: ['to'] });
	const to = opts.values.get('to');
	if (!to || opts.positional.length > 0) throw new UsageError(USAGE);
	const target = targetLocation(to);
	const source = openStore(databaseLocation(envConfig(process.env)));
	try {
		const destination = openStore(target);
		try {
			io.err(`Chuyển dữ liệu từ ${source.path} sang ${destination.path}\n`);
			const copied = copyStore({
				from: source,
				to: destination,
				onTable: (table, rows) => io.err(`  ${table.padEnd(22)} ${rows}\n`)
			});
			const total = Object.values(copied).reduce((sum, n) => sum + n, 0);
			io.err(`Đã chuyển ${total} dòng. Đặt cấu hình mới rồi khởi động lại các máy chủ.\n`);
			return 0;
		} finally {
			destination.close();
		}
	} finally {
		source.close();
	}
}

function targetLocation(to: string): { url: string } | { path: string } {
	if (/^postgres(ql)?:\/\//.test(to)) return { url: to };
	// Never echo a URL-looking target: it may hold a password.
	if (/^[a-z][a-z0-9+.-]*:\/\//i.test(to))
		throw new UsageError('--to is a PostgreSQL URL (postgres://...) or a SQLite file path');
	return { path: resolve(to) };
}

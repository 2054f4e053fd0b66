import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { parseAsOf, readStoredBoard } from '@planboard/boards';
import { EXPORT_FORMATS, exportBoard, isExportFormat, todayInVietnam } from '@planboard/report';
import { openStore } from '@planboard/store';
import { databaseLocation, envConfig } from '@planboard/config';
import { UsageError, parseArgs } from '../args.js';
import { processIo, type CommandIo } from '../io.js';

const USAGE =
	'usage: planboard export PLAN_ID --format docx|csv|xlsx|json --out FILE [--as-of DATE|INSTANT] [--lang vi|en]';

/**
 * `planboard export`: the year's report (docx), the cards as a spreadsheet (csv, xlsx), or the
 * whole board as a backup for `planboard restore` (json). Reads the store without writing, so
 * it is safe next to a running server. `--out -` writes to stdout. `--as-of` reads the board as
 * it stood then (a day: its end in Vietnam) and judges it on that day, as the web export does.
 */
export async function runExport(args: string[], io: CommandIo = processIo): Promise<number> {
	const opts = parseArgs(args, { values: ['format', 'out', 'as-of', 'lang'] });
	if (opts.positional.length !== 1) throw new UsageError(USAGE);
	const [planId] = opts.positional;
	const format = opts.values.get('format');
	const out = opts.values.get('out');
	if (!format || !out) throw new UsageError(USAGE);
	if (!isExportFormat(format)) {
		throw new UsageError(
			`unknown format "${format}"; expected one of: ${EXPORT_FORMATS.join(', ')}`
		);
	}
	const rawAsOf = opts.values.get('as-of');
	const at = rawAsOf === undefined ? null : parseAsOf(rawAsOf);
	if (rawAsOf !== undefined && !at) {
		throw new UsageError(
			`--as-of must be a date YYYY-MM-DD or an ISO instant with its zone, got "${rawAsOf}"`
		);
	}
	const asOf = at?.date ?? todayInVietnam();
	const lang = opts.values.get('lang') ?? 'vi';
	if (lang !== 'vi' && lang !== 'en')
		throw new UsageError(`--lang must be vi or en, got "${lang}"`);

	const store = openStore({ ...databaseLocation(envConfig(process.env)), readonly: true });
	let file;
	try {
		const source = await readStoredBoard({ store, planId, at: at?.instant });
		if (!source) throw new UsageError(`no board "${planId}"; the boards are: ${boardIds(store)}`);
		file = exportBoard({ source, format, asOf, lang });
	} catch (error) {
		if (error instanceof RangeError) throw new UsageError(error.message);
		throw error;
	} finally {
		store.close();
	}
	if (out === '-') {
		process.stdout.write(file.body);
		return 0;
	}
	writeAtomically(out, file.body);
	io.err(`Đã xuất ${file.fileName.split('.').pop()} vào ${out} (${file.body.length} byte).\n`);
	return 0;
}

function boardIds(store: ReturnType<typeof openStore>): string {
	const ids = store.plans.list().map((p) => p.id);
	return ids.length > 0 ? ids.join(', ') : '(none)';
}

/** Through a temporary file and a rename, so a failed export never leaves half a file. */
function writeAtomically(path: string, body: Uint8Array): void {
	const tmp = `${path}.${process.pid}.tmp`;
	try {
		writeFileSync(tmp, body);
		renameSync(tmp, path);
	} catch (error) {
		rmSync(tmp, { force: true });
		const code = (error as NodeJS.ErrnoException).code ?? String(error);
		throw new UsageError(`cannot write ${path} (${code})`);
	}
}

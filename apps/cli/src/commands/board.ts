import { readFileSync } from 'node:fs';
import { AgencyMappingError, importBoard } from '@planboard/boards';
import { PlanImportError } from '@planboard/plan-import';
import { openStore, type Store } from '@planboard/store';
import { databaseLocation, envConfig } from '@planboard/config';
import { UsageError, parseArgs } from '../args.js';
import { processIo, type CommandIo } from '../io.js';

const USAGE = `usage: planboard board create FILE [--json]
       planboard board list [--json]`;

/** `planboard board ...`: boards of the configured data directory. */
export async function runBoard(args: string[], io: CommandIo = processIo): Promise<number> {
	const [sub, ...rest] = args;
	const opts = parseArgs(rest, { flags: ['json'] });
	if (sub !== 'create' && sub !== 'list') throw new UsageError(USAGE);
	if (sub === 'create' && opts.positional.length !== 1) throw new UsageError(USAGE);
	if (sub === 'list' && opts.positional.length !== 0) throw new UsageError(USAGE);
	const store = openStore(databaseLocation(envConfig(process.env)));
	try {
		if (sub === 'list') return list(store, opts.flags.has('json'), io);
		return await create(store, opts.positional[0], opts.flags.has('json'), io);
	} finally {
		store.close();
	}
}

/**
 * `board create FILE`: the new board's id on stdout (or the `POST /api/plans` answer with
 * `--json`), warnings on stderr; exit 2 with one line naming the file for input that is not a
 * plan, and then nothing was stored.
 */
async function create(store: Store, file: string, json: boolean, io: CommandIo): Promise<number> {
	const bytes = readInput(file);
	try {
		const { summary } = await importBoard({ store, bytes, source: file });
		for (const w of summary.warnings) io.err(`${file}:${w.line}: warning: ${w.message}\n`);
		io.out(json ? `${JSON.stringify(summary, null, 2)}\n` : `${summary.id}\n`);
		io.err(
			`Đã tạo bảng "${summary.title}" (${summary.tasks} nhiệm vụ, ${summary.agencies} đơn vị).\n`
		);
		return 0;
	} catch (e) {
		if (e instanceof AgencyMappingError) throw new UsageError(e.message);
		if (!(e instanceof PlanImportError)) throw e;
		const where = e.line === null ? file : `${file}:${e.line}`;
		io.err(`planboard board: ${where}: ${e.message.replace(/\s+/g, ' ')}\n`);
		return 2;
	}
}

function list(store: Store, json: boolean, io: CommandIo): number {
	const plans = store.plans.list().map(({ id, title, year }) => ({ id, title, year }));
	if (json) io.out(`${JSON.stringify(plans, null, 2)}\n`);
	else for (const p of plans) io.out(`${p.id}\t${p.year}\t${p.title}\n`);
	return 0;
}

function readInput(file: string): Uint8Array {
	try {
		return readFileSync(file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code;
		throw new UsageError(`cannot read ${file}: ${reason ?? String(error)}`);
	}
}

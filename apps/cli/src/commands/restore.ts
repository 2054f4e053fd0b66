import { readFileSync } from 'node:fs';
import { sqliteDocumentStore } from '@planboard/boards/documents';
import { isDocId } from '@planboard/model';
import { BackupError, parseBackup, rebaseBackup, type Backup } from '@planboard/report';
import { openStore, type Store } from '@planboard/store';
import { databaseLocation, envConfig } from '@planboard/config';
import { UsageError, parseArgs } from '../args.js';
import { processIo, type CommandIo } from '../io.js';

const USAGE = 'usage: planboard restore FILE [--id NEW_PLAN_ID]';

/**
 * `planboard restore FILE`: recreates a board from `planboard export --format json` as a NEW
 * board (it never overwrites one), in one transaction: the plan row, its agencies and every
 * document's state, or nothing. Prints the new plan id on stdout.
 */
export async function runRestore(args: string[], io: CommandIo = processIo): Promise<number> {
	const opts = parseArgs(args, { values: ['id'] });
	if (opts.positional.length !== 1) throw new UsageError(USAGE);
	const [file] = opts.positional;
	const requested = opts.values.get('id');
	if (requested !== undefined && !isDocId(requested)) {
		throw new UsageError(`--id "${requested}" must be 1-128 characters without '/' or whitespace`);
	}
	const backup = readBackup(file);
	const store = openStore(databaseLocation(envConfig(process.env)));
	try {
		if (requested !== undefined && store.plans.get(requested)) {
			throw new UsageError(`a board with id "${requested}" already exists; choose another --id`);
		}
		const planId = requested ?? freeId(store, backup.plan.id);
		const board = rebaseBackup({ backup, planId });
		store.transaction(() => {
			store.plans.insert(board.plan);
			store.plans.setAgencies({ planId, agencies: board.agencies });
			sqliteDocumentStore(store).appendManyNow(
				board.documents.map((d) => ({ document: d.name, update: d.state, author: null }))
			);
		});
		io.out(`${planId}\n`);
		io.err(
			`Đã khôi phục bảng "${board.plan.title}" thành ${planId} (${board.documents.length} tài liệu).\n`
		);
		return 0;
	} finally {
		store.close();
	}
}

function readBackup(file: string): Backup {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code;
		throw new UsageError(`cannot read ${file}: ${reason ?? String(error)}`);
	}
	try {
		return parseBackup(text);
	} catch (error) {
		if (error instanceof BackupError) throw new UsageError(`${file}: ${error.message}`);
		throw error;
	}
}

/** `<id>-restored`, then `-restored-2`, ...: the first id no board uses, within 64 characters. */
function freeId(store: Store, original: string): string {
	for (let n = 1; ; n++) {
		const suffix = n === 1 ? '-restored' : `-restored-${n}`;
		const id = original.slice(0, 64 - suffix.length).replace(/-+$/, '') + suffix;
		if (!store.plans.get(id)) return id;
	}
}

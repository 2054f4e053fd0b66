#!/usr/bin/env node
import { UsageError } from './args.js';
import { runAgency } from './commands/agency.js';
import { runBoard } from './commands/board.js';
import { runExport } from './commands/export.js';
import { runImport } from './commands/import.js';
import { runInit } from './commands/init.js';
import { runMigrate } from './commands/migrate.js';
import { runRestore } from './commands/restore.js';
import { runUser } from './commands/user.js';

/** A subcommand: gets the arguments after its name, resolves to the process exit code. */
export type Command = (args: string[]) => Promise<number>;

/** One entry per subcommand; each lives in `commands/<name>.ts`. */
const commands: Record<string, Command> = {
	agency: runAgency,
	board: runBoard,
	export: runExport,
	import: runImport,
	init: runInit,
	migrate: runMigrate,
	restore: runRestore,
	user: runUser
};

async function main(argv: string[]): Promise<number> {
	const [name, ...args] = argv;
	const command = name === undefined ? undefined : commands[name];
	if (command === undefined) {
		process.stderr.write(`usage: planboard <${Object.keys(commands).join('|')}> ...\n`);
		return 2;
	}
	try {
		return await command(args);
	} catch (error) {
		// One clear line (bad arguments, unknown user, unusable database); the stack on request.
		process.stderr.write(
			`planboard ${name}: ${error instanceof Error ? error.message : String(error)}\n`
		);
		if (process.env.PLANBOARD_DEBUG && error instanceof Error)
			process.stderr.write(`${error.stack}\n`);
		return error instanceof UsageError ? 2 : 1;
	}
}

process.exitCode = await main(process.argv.slice(2));

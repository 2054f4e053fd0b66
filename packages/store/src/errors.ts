import { closeSync, openSync, unlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';

/**
 * Why a store operation failed, in terms an operator can act on. Callers branch on `code`, never
 * on the message: messages name the file and the fix, and may be reworded.
 */
export type StoreErrorCode =
	| 'READ_ONLY'
	| 'LOCKED'
	| 'CORRUPT'
	| 'DISK_FULL'
	| 'CONFLICT'
	| 'SCHEMA'
	| 'IO';

/** Every failure the store understands surfaces as this; `path` is the database file involved. */
export class StoreError extends Error {
	readonly code: StoreErrorCode;
	readonly path: string;

	constructor(options: { code: StoreErrorCode; path: string; message: string; cause?: unknown }) {
		super(options.message, { cause: options.cause });
		this.name = 'StoreError';
		this.code = options.code;
		this.path = options.path;
	}
}

function errorCode(error: unknown): string {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' ? code : '';
}

/** Creates and removes a probe file: access(2) reports root as able to write anywhere. */
function directoryWritable(path: string): boolean {
	const probe = join(dirname(path), `.planboard-probe-${randomBytes(6).toString('hex')}`);
	try {
		closeSync(openSync(probe, 'wx'));
	} catch (error) {
		return !isFsDenied(errorCode(error));
	}
	unlinkSync(probe);
	return true;
}

/**
 * Translates a better-sqlite3 or node:fs error into a StoreError; anything it does not recognise
 * is returned unchanged so a programming error keeps its original stack and type.
 */
export function toStoreError(options: { error: unknown; path: string }): unknown {
	const { error, path } = options;
	if (error instanceof StoreError) return error;
	const code = errorCode(error);
	const detail = `${code}: ${(error as Error)?.message ?? String(error)}`;
	const make = (storeCode: StoreErrorCode, message: string) =>
		new StoreError({ code: storeCode, path, message: `${message} (${detail})`, cause: error });
	if (isPostgresLocation(path)) return fromPostgres({ error, code, path, make });

	// mkdir of the data directory: ENOENT/ENOTDIR when a parent cannot hold directories (a
	// read-only mount reports ENOENT for a missing parent, /proc and /sys likewise).
	const syscall = (error as { syscall?: unknown } | null)?.syscall;
	if (syscall === 'mkdir' && (code === 'ENOENT' || code === 'ENOTDIR' || isFsDenied(code))) {
		return make(
			'READ_ONLY',
			`Cannot create the data directory ${dirname(path)} for the database ${path}. ` +
				'Check that the path is right, writable, and not on a read-only mount'
		);
	}
	if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || isFsDenied(code)) {
		return make(
			'READ_ONLY',
			`Cannot write the database ${path}: the file or its directory is read-only. ` +
				'Check the permissions and that the volume is not mounted read-only'
		);
	}
	if (code.startsWith('SQLITE_CANTOPEN')) {
		if (!directoryWritable(path)) {
			return make(
				'READ_ONLY',
				`Cannot create or open the database ${path}: its directory is not writable. ` +
					'Check the permissions and that the volume is not mounted read-only'
			);
		}
		return make('IO', `Cannot open the database ${path}; is the path a directory?`);
	}
	if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
		return make(
			'LOCKED',
			`The database ${path} is locked by another connection. ` +
				'Is another Planboard server, CLI command or backup running against the same file?'
		);
	}
	if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
		return make(
			'CORRUPT',
			`${path} is not a valid SQLite database or is damaged. ` +
				'Restore it from a backup or move it aside'
		);
	}
	if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
		return make(
			'DISK_FULL',
			`The disk holding ${path} is full; the write was rolled back and earlier data is intact. ` +
				'Free some space and retry'
		);
	}
	if (isUniqueViolation(error)) {
		return make('CONFLICT', `A record with the same unique key already exists in ${path}`);
	}
	if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
		return make('IO', `I/O error on the database ${path}`);
	}
	return error;
}

/** `path` is a PostgreSQL location (see location.ts) rather than a file. */
function isPostgresLocation(path: string): boolean {
	return /^postgres(ql)?:\/\//.test(path);
}

/**
 * A PostgreSQL failure by its SQLSTATE (or the socket's errno when the server cannot be reached).
 * Messages name the server as `location` shows it: never the password.
 */
function fromPostgres(options: {
	error: unknown;
	code: string;
	path: string;
	make: (code: StoreErrorCode, message: string) => StoreError;
}): unknown {
	const { error, code, path, make } = options;
	if (code === '23505') return make('CONFLICT', `A record with the same unique key already exists`);
	if (code === '53100')
		return make(
			'DISK_FULL',
			`The disk of the PostgreSQL server ${path} is full; the write was rolled back and earlier data is intact. Free some space and retry`
		);
	if (code === '25006')
		return make('READ_ONLY', `The PostgreSQL database ${path} was opened read-only`);
	if (code === '55P03' || code === '40P01')
		return make(
			'LOCKED',
			`A lock in the PostgreSQL database ${path} is held by another connection. Is another Planboard server or CLI command writing the same rows?`
		);
	if (code === 'XX001' || code === 'XX002')
		return make('CORRUPT', `The PostgreSQL server ${path} reports damaged data`);
	if (code === '28P01' || code === '28000')
		return make('IO', `PostgreSQL at ${path} refused the user name or password`);
	if (code === '3D000') return make('IO', `The database of ${path} does not exist on that server`);
	if (code.startsWith('08') || code.startsWith('57P') || /^E[A-Z]+$/.test(code))
		return make(
			'IO',
			`Cannot reach PostgreSQL at ${path}: the server is down, unreachable or restarting. Nothing was written; retry once it answers`
		);
	return error;
}

function isFsDenied(code: string): boolean {
	return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}

/**
 * True for a UNIQUE or PRIMARY KEY violation, which repositories report as CONFLICT: SQLite's
 * codes, or PostgreSQL's 23505 (which its driver has already turned into a CONFLICT StoreError).
 */
export function isUniqueViolation(error: unknown): boolean {
	if (error instanceof StoreError) return error.code === 'CONFLICT';
	const code = errorCode(error);
	return (
		code === 'SQLITE_CONSTRAINT_UNIQUE' ||
		code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
		code === '23505'
	);
}

import { execFileSync } from 'node:child_process';
import {
	chownSync,
	cpSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './child-server.js';

/**
 * A real PostgreSQL (Debian's `postgresql` package; `.ci/run` installs it) in a temporary
 * directory on a free loopback port, trust authentication for the user `planboard`, stopped and
 * removed by `close`. One cluster per test file; `createDatabase` gives each test its own database.
 * PostgreSQL refuses to run as root, so as root every server command runs as the `postgres` user
 * (runuser), which owns the directory.
 */
export interface PostgresHarness {
	port: number;
	/** A new, empty database; returns its URL (`postgres://planboard@127.0.0.1:<port>/<name>`). */
	createDatabase(): string;
	/** Stops the server (fast shutdown: connections are cut, as in an outage); data kept. */
	stop(): void;
	/**
	 * Freezes every process of the cluster (SIGSTOP): the port still accepts TCP connections but
	 * nothing answers, as with a server that hangs or a network that drops packets.
	 */
	pause(): void;
	/** Lets a paused cluster run again (SIGCONT). */
	resume(): void;
	/** Starts it again on the same port and directory. */
	start(): void;
	/** Stops it if running and removes its directory. */
	close(): void;
	/** The running server's value of a setting (`SHOW <name>`), e.g. `fsync` → `'off'`. */
	show(setting: string): string;
}

export interface PostgresOptions {
	/**
	 * Run with PostgreSQL's default durability (fsync, full_page_writes and synchronous_commit
	 * on), as a deployment does. Off unless told: a test's cluster never outlives a crash, so it
	 * skips the flushes; a benchmark that compares durable stores must turn this on.
	 */
	durable?: boolean;
}

const BIN_ROOT = '/usr/lib/postgresql';

/** The newest installed server's bin folder (15 on Debian 12). */
function binDir(): string {
	const versions = existsSync(BIN_ROOT)
		? readdirSync(BIN_ROOT)
				.filter((v) => existsSync(join(BIN_ROOT, v, 'bin', 'initdb')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (versions.length === 0)
		throw new Error(
			`No PostgreSQL server under ${BIN_ROOT} (apt-get install postgresql; .ci/run installs it)`
		);
	return join(BIN_ROOT, versions[0], 'bin');
}

const asRoot = process.getuid?.() === 0;

/** Runs a server binary, as `postgres` when this process is root. */
function run(bin: string, args: string[]): string {
	const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
	return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function ownedByPostgres(dir: string): void {
	if (!asRoot) return;
	const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
	const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
	chownSync(dir, uid, gid);
}

/**
 * initdb takes seconds on a loaded machine; it runs once per machine into a template directory
 * (made elsewhere, then renamed into place, so parallel test files never see half of one) and
 * each cluster is a copy of it.
 */
function templateCluster(bin: string): string {
	const template = join(tmpdir(), `planboard-pg-template-${bin.split('/').at(-2)}`);
	if (existsSync(join(template, 'PG_VERSION'))) return template;
	const work = mkdtempSync(join(tmpdir(), 'planboard-pg-initdb-'));
	ownedByPostgres(work);
	run(join(bin, 'initdb'), [
		'-D',
		join(work, 'data'),
		'-U',
		'planboard',
		'--auth=trust',
		'--encoding=UTF8',
		'--locale=C.UTF-8',
		'--no-sync'
	]);
	try {
		renameSync(join(work, 'data'), template);
	} catch {
		// Another test file made it first: theirs is as good.
	}
	rmSync(work, { recursive: true, force: true });
	return template;
}

/** Sends the signal to the postmaster and every backend it started. */
function signalCluster(data: string, signal: NodeJS.Signals): void {
	const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
	const children = execFileSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' })
		.split('\n')
		.filter(Boolean)
		.map(Number);
	// The postmaster first, so it starts no backend the list missed.
	for (const pid of [postmaster, ...children]) process.kill(pid, signal);
}

/** A new, empty database `name` in the cluster on `port`; returns its URL. */
export function createDatabase(port: number, name: string): string {
	run(join(binDir(), 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'planboard', name]);
	return `postgres://planboard@127.0.0.1:${port}/${name}`;
}

export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresHarness> {
	const bin = binDir();
	const template = templateCluster(bin);
	const dir = mkdtempSync(join(tmpdir(), 'planboard-pg-'));
	ownedByPostgres(dir);
	const data = join(dir, 'data');
	cpSync(template, data, { recursive: true, preserveTimestamps: true });
	if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', data]);
	const port = await freePort();
	const ctl = (args: string[]) => run(join(bin, 'pg_ctl'), ['-D', data, ...args]);
	const start = () =>
		ctl([
			'-o',
			`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1` +
				(options.durable ? '' : ' -c fsync=off -c full_page_writes=off'),
			'-l',
			join(dir, 'log'),
			'-w',
			'start'
		]);
	let running = false;
	let paused = false;
	start();
	running = true;
	let databases = 0;
	const pid = process.pid;
	return {
		port,
		createDatabase() {
			return createDatabase(port, `t${pid}_${++databases}`);
		},
		show(setting) {
			if (!/^[a-z_]+$/.test(setting)) throw new Error(`not a setting name: ${setting}`);
			const sql = `SHOW ${setting}`;
			const args = ['-h', '127.0.0.1', '-p', String(port), '-U', 'planboard', '-d', 'postgres'];
			return execFileSync('psql', [...args, '-Atc', sql], {
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'pipe']
			}).trim();
		},
		stop() {
			if (!running) return;
			ctl(['-m', 'fast', '-w', 'stop']);
			running = false;
		},
		pause() {
			signalCluster(data, 'SIGSTOP');
			paused = true;
		},
		resume() {
			if (paused) signalCluster(data, 'SIGCONT');
			paused = false;
		},
		start() {
			if (running) return;
			start();
			running = true;
		},
		close() {
			try {
				// A frozen cluster would not act on the stop signal.
				if (paused) signalCluster(data, 'SIGCONT');
				if (running) ctl(['-m', 'immediate', '-w', 'stop']);
			} finally {
				running = false;
				rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}

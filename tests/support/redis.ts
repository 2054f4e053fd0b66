import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from './child-server.js';
import { tempDir } from './harness.js';

/**
 * A real `redis-server` (Debian's package; `.ci/run` installs it) on a free loopback port in a
 * temporary directory, with persistence off: a test starts one, may stop and restart it on the
 * same port to play an outage, and stops it at the end.
 */
export interface RedisHarness {
	port: number;
	/** `redis://127.0.0.1:<port>`, what `PLANBOARD_REDIS_URL` takes. */
	url: string;
	/** Ends the server (SIGTERM, nothing saved); resolves once it exited. */
	stop(): Promise<void>;
	/** Starts it again on the same port, empty; resolves once it answers PING. */
	restart(): Promise<void>;
	/** Stops it if running and removes its directory. */
	close(): Promise<void>;
}

export async function startRedis(): Promise<RedisHarness> {
	const tmp = tempDir('planboard-redis-');
	const port = await freePort();
	let child: ChildProcess | null = null;
	let exited: Promise<void> = Promise.resolve();
	let output = '';

	const start = async () => {
		output = '';
		const proc = spawn(
			'redis-server',
			[
				'--port',
				String(port),
				'--bind',
				'127.0.0.1',
				'--save',
				'',
				'--appendonly',
				'no',
				'--dir',
				tmp.dir,
				'--daemonize',
				'no'
			],
			{ stdio: ['ignore', 'pipe', 'pipe'] }
		);
		proc.stdout?.on('data', (d: Buffer) => (output += d.toString()));
		proc.stderr?.on('data', (d: Buffer) => (output += d.toString()));
		const spawnFailed = new Promise<never>((_, reject) =>
			proc.once('error', (error) =>
				reject(
					new Error(`redis-server could not start (apt-get install redis-server): ${error.message}`)
				)
			)
		);
		exited = new Promise((resolve) => proc.once('exit', () => resolve()));
		child = proc;
		await Promise.race([spawnFailed, waitForPing(port, () => output, proc)]);
	};

	const stop = async () => {
		if (!child) return;
		const proc = child;
		child = null;
		if (proc.exitCode === null) proc.kill('SIGTERM');
		await exited;
	};

	await start();
	return {
		port,
		url: `redis://127.0.0.1:${port}`,
		stop,
		restart: start,
		async close() {
			await stop();
			tmp.cleanup();
		}
	};
}

/** Sends PING over a raw connection every 20 ms until `+PONG` comes back (10 s at most). */
async function waitForPing(port: number, output: () => string, proc: ChildProcess): Promise<void> {
	const deadline = Date.now() + 10_000;
	while (Date.now() < deadline) {
		if (proc.exitCode !== null)
			throw new Error(`redis-server exited with ${proc.exitCode}:\n${output()}`);
		if (await ping(port)) return;
		await new Promise((r) => setTimeout(r, 20));
	}
	throw new Error(`redis-server did not answer PING on port ${port} within 10 s:\n${output()}`);
}

/** One PING; true on `+PONG`. */
export function ping(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect({ port, host: '127.0.0.1' });
		let answer = '';
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(1000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (d) => {
			answer += d.toString();
			if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
		});
	});
}

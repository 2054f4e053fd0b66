import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { testDatabaseEnv } from './test-database.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A port that was free a moment ago, so a restarted server can take the same address. */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const address = s.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			s.close(() => resolve(port));
		});
	});
}

export interface ChildServer {
	process: ChildProcess;
	port: number;
	output: string[];
	exited: Promise<number | null>;
}

/**
 * Starts a built server (`apps/sync/dist/main.js` or `apps/web/dist/main.js`) as a child
 * process, as production runs it, and resolves once it logged that it listens.
 */
export async function startChildServer(options: {
	entry: 'apps/sync/dist/main.js' | 'apps/web/dist/main.js';
	env: Record<string, string>;
	port?: number;
	timeoutMs?: number;
}): Promise<ChildServer> {
	const entry = root + options.entry;
	if (!existsSync(entry))
		throw new Error(`${options.entry} is not built: run "npm test" (it builds first)`);
	const child = spawn(process.execPath, [entry], {
		cwd: root,
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(options.port ?? 0),
			PLANBOARD_BANNER: '0',
			...options.env,
			...testDatabaseEnv({ ...process.env, ...options.env })
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const output: string[] = [];
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => resolve(code))
	);
	const port = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`server did not start:\n${output.join('')}`)),
			options.timeoutMs ?? 20_000
		);
		const onData = (chunk: Buffer) => {
			const text = chunk.toString();
			output.push(text);
			for (const line of text.split('\n')) {
				const m = line.match(
					/"event":"(?:sync|server)\.listening".*?"(?:port|url)":"?(?:http:\/\/localhost:)?(\d+)/
				);
				if (m) {
					clearTimeout(timer);
					resolve(Number(m[1]));
				}
			}
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', (c: Buffer) => output.push(c.toString()));
		void exited.then((code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code} before listening:\n${output.join('')}`));
		});
	});
	return { process: child, port, output, exited };
}

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startChildServer, type ChildServer } from './child-server.js';
import { tempDir } from './harness.js';
import { testDatabaseEnv } from './test-database.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface AppServer {
	baseUrl: string;
	dataDir: string;
	server: ChildServer;
	stop(): Promise<void>;
}

/**
 * What `npm start` runs, on a fresh data directory: `planboard init` (seeds the reference plan
 * and the demo accounts), then the combined web + sync server on a free port.
 */
export async function startAppServer(env: Record<string, string> = {}): Promise<AppServer> {
	const tmp = tempDir('planboard-app-');
	const fullEnv = { PLANBOARD_DATA: tmp.dir, ...env };
	Object.assign(fullEnv, testDatabaseEnv(fullEnv));
	const init = spawnSync(process.execPath, ['apps/cli/dist/main.js', 'init'], {
		cwd: root,
		env: { ...process.env, ...fullEnv },
		encoding: 'utf8'
	});
	if (init.status !== 0) throw new Error(`planboard init failed:\n${init.stdout}\n${init.stderr}`);
	const server = await startChildServer({ entry: 'apps/web/dist/main.js', env: fullEnv });
	return {
		baseUrl: `http://127.0.0.1:${server.port}`,
		dataDir: tmp.dir,
		server,
		async stop() {
			server.process.kill('SIGTERM');
			await server.exited;
			tmp.cleanup();
		}
	};
}

/**
 * Another server on the data directory of a running one, as several servers behind one address
 * share one database (SQLite in WAL mode takes several processes): nothing is seeded again.
 * Stop it before the first one, which removes the directory.
 */
export async function startAppServerBeside(
	first: AppServer,
	env: Record<string, string> = {}
): Promise<AppServer> {
	const server = await startChildServer({
		entry: 'apps/web/dist/main.js',
		env: { PLANBOARD_DATA: first.dataDir, ...env }
	});
	return {
		baseUrl: `http://127.0.0.1:${server.port}`,
		dataDir: first.dataDir,
		server,
		async stop() {
			server.process.kill('SIGTERM');
			await server.exited;
		}
	};
}

export const DEMO_PASSWORD = 'planboard-demo';

/** A demo account's sign-in through `POST /api/login`: its bearer token, user and cookie. */
export async function login(
	app: AppServer,
	username: string
): Promise<{ token: string; user: { id: string }; cookie: string }> {
	const res = await fetch(`${app.baseUrl}/api/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: DEMO_PASSWORD })
	});
	if (res.status !== 200) throw new Error(`login ${username}: HTTP ${res.status}`);
	const body = (await res.json()) as { token: string; user: { id: string } };
	return { ...body, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] };
}

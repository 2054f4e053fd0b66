import { spawnSync } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from './support/child-server.js';
import { tempDir } from './support/harness.js';

/**
 * Issue 13, items 8 (`/metrics`) and 9 (demo mode): what a server process exposes depends on the
 * address it listens on, so these start the built servers as production does.
 */
const root = fileURLToPath(new URL('../', import.meta.url));
const tmp = tempDir('planboard-exposure-');
const servers: ChildServer[] = [];
let n = 0;

afterAll(async () => {
	for (const s of servers) {
		s.process.kill('SIGTERM');
		await s.exited;
	}
	tmp.cleanup();
});

/** This machine's address on its network (not loopback): what another machine would connect to. */
function lanAddress(): string {
	for (const list of Object.values(networkInterfaces()))
		for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
	throw new Error('these tests need a non-loopback IPv4 interface');
}

async function start(
	entry: 'apps/sync/dist/main.js' | 'apps/web/dist/main.js',
	env: Record<string, string>
) {
	const server = await startChildServer({
		entry,
		env: { PLANBOARD_DATA: `${tmp.dir}/d${n++}`, ...env }
	});
	servers.push(server);
	return server;
}

async function status(url: string, headers: Record<string, string> = {}): Promise<number | string> {
	try {
		return (await fetch(url, { headers, signal: AbortSignal.timeout(3000) })).status;
	} catch (error) {
		return ((error as { cause?: { code?: string } }).cause?.code ?? 'error') as string;
	}
}

describe('/metrics (item 8)', () => {
	it('answers only loopback clients when no token is set, even listening on every interface', async () => {
		const s = await start('apps/sync/dist/main.js', {
			HOST: '0.0.0.0',
			PLANBOARD_DEMO: '0',
			PLANBOARD_METRICS: '1'
		});
		expect(await status(`http://127.0.0.1:${s.port}/metrics`)).toBe(200);
		expect(await status(`http://${lanAddress()}:${s.port}/metrics`)).toBe(403);
		expect(await status(`http://${lanAddress()}:${s.port}/healthz`)).toBe(200);
	});

	it('wants PLANBOARD_METRICS_TOKEN as a bearer token when it is set, from any address', async () => {
		const s = await start('apps/sync/dist/main.js', {
			HOST: '0.0.0.0',
			PLANBOARD_DEMO: '0',
			PLANBOARD_METRICS: '1',
			PLANBOARD_METRICS_TOKEN: 'bi-mat-do-luong'
		});
		const lan = `http://${lanAddress()}:${s.port}/metrics`;
		expect(await status(`http://127.0.0.1:${s.port}/metrics`)).toBe(401);
		expect(await status(lan, { authorization: 'Bearer wrong' })).toBe(401);
		expect(await status(lan, { authorization: 'Bearer bi-mat-do-luong' })).toBe(200);
	});
});

describe('demo mode (item 9)', () => {
	const refused = (env: Record<string, string>) => {
		const run = spawnSync(process.execPath, ['apps/web/dist/main.js'], {
			cwd: root,
			env: { ...process.env, PLANBOARD_DATA: `${tmp.dir}/r${n++}`, PORT: '0', HOST: '', ...env },
			encoding: 'utf8',
			timeout: 20_000
		});
		const lines = `${run.stdout}${run.stderr}`.split('\n').filter(Boolean);
		return { status: run.status, lines };
	};

	it('refuses NODE_ENV=production in one line, exit 1', () => {
		const { status, lines } = refused({ NODE_ENV: 'production' });
		expect(status).toBe(1);
		expect(lines).toHaveLength(1);
		expect(JSON.parse(lines[0])).toMatchObject({
			level: 'error',
			event: 'server.start_refused',
			message: expect.stringContaining('NODE_ENV=production')
		});
	});

	it('refuses a non-loopback address unless PLANBOARD_DEMO=1 asks for it', () => {
		for (const HOST of ['0.0.0.0', '::', lanAddress()]) {
			const { status, lines } = refused({ HOST });
			expect(status, HOST).toBe(1);
			expect(lines).toHaveLength(1);
			expect(JSON.parse(lines[0]).message).toContain('PLANBOARD_DEMO=1');
		}
		expect(refused({ HOST: '0.0.0.0', PLANBOARD_DEMO: '1', NODE_ENV: 'production' }).status).toBe(
			1
		);
	});

	it('serves the demo on loopback by default, so a plain npm start keeps working', async () => {
		const s = await start('apps/web/dist/main.js', { HOST: '' });
		expect(await status(`http://127.0.0.1:${s.port}/healthz`)).toBe(200);
		expect(await status(`http://${lanAddress()}:${s.port}/healthz`)).toBe('ECONNREFUSED');
	});

	it('listens on the network in demo mode with PLANBOARD_DEMO=1, and in production without demo', async () => {
		const demo = await start('apps/web/dist/main.js', { HOST: '0.0.0.0', PLANBOARD_DEMO: '1' });
		expect(await status(`http://${lanAddress()}:${demo.port}/healthz`)).toBe(200);
		const prod = await start('apps/web/dist/main.js', {
			HOST: '0.0.0.0',
			PLANBOARD_DEMO: '0',
			NODE_ENV: 'production'
		});
		expect(await status(`http://${lanAddress()}:${prod.port}/healthz`)).toBe(200);
	});
});

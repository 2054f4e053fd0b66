#!/usr/bin/env node
// The newcomer's path, as the README gives it: `npm start` on an empty data directory and a free
// port; wait for /healthz; log in as a demo user; see the Gia Lai plan; stop with SIGTERM. Any step
// that does not happen fails loudly with the server's last log lines.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
// The first start installs, compiles better-sqlite3 and builds: minutes on 2 cores.
const START_TIMEOUT_MS = 15 * 60_000;
const STOP_TIMEOUT_MS = 20_000;
const output = [];

function freePort() {
	return new Promise((done, fail) => {
		const server = createServer();
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => done(port));
		});
	});
}

function fail(message) {
	console.error(`newcomer: FAILED: ${message}`);
	console.error('newcomer: last lines of `npm start`:');
	for (const line of output.slice(-40)) console.error(`  | ${line}`);
	if (child.exitCode === null) {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
	process.exit(1);
}

const port = await freePort();
const data = mkdtempSync(join(tmpdir(), 'planboard-newcomer-'));
const base = `http://127.0.0.1:${port}`;
console.log(`newcomer: npm start with PLANBOARD_DATA=${data} PORT=${port}`);
const started = Date.now();
// Its own process group, so SIGTERM reaches npm, the runner and the server as Ctrl-C would.
const child = spawn('npm', ['start'], {
	cwd: root,
	detached: true,
	env: { ...process.env, PLANBOARD_DATA: data, PORT: String(port) },
	stdio: ['ignore', 'pipe', 'pipe']
});
for (const stream of [child.stdout, child.stderr]) {
	let partial = '';
	stream.setEncoding('utf8');
	stream.on('data', (chunk) => {
		const lines = (partial + chunk).split('\n');
		partial = lines.pop() ?? '';
		for (const line of lines) {
			output.push(line);
			if (line.startsWith('planboard:')) console.log(`newcomer: ${line}`);
		}
		if (output.length > 2000) output.splice(0, output.length - 2000);
	});
}
let gone = false;
child.once('exit', () => (gone = true));

async function waitForHealth() {
	while (Date.now() - started < START_TIMEOUT_MS) {
		if (gone) fail(`npm start exited before /healthz answered (exit ${child.exitCode})`);
		try {
			const res = await fetch(`${base}/healthz`);
			if (res.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 1000));
	}
	fail(`/healthz did not answer within ${START_TIMEOUT_MS / 1000} s`);
}

await waitForHealth();
console.log(`newcomer: /healthz answered after ${((Date.now() - started) / 1000).toFixed(0)} s`);

const login = await fetch(`${base}/api/login`, {
	method: 'POST',
	headers: { 'content-type': 'application/json' },
	body: JSON.stringify({ username: 'sotttt', password: 'planboard-demo' })
});
if (login.status !== 200) fail(`POST /api/login as the demo user sotttt answered ${login.status}`);
const { token } = await login.json();
if (typeof token !== 'string' || token === '') fail('POST /api/login gave no token');
console.log('newcomer: logged in as the demo user sotttt');

const plans = await fetch(`${base}/api/plans`, { headers: { authorization: `Bearer ${token}` } });
if (plans.status !== 200) fail(`GET /api/plans answered ${plans.status}`);
const list = await plans.json();
const giaLai = Array.isArray(list) && list.find((p) => /Gia Lai/i.test(String(p.title ?? '')));
if (!giaLai) fail(`GET /api/plans has no Gia Lai plan: ${JSON.stringify(list).slice(0, 300)}`);
console.log(`newcomer: GET /api/plans lists "${giaLai.title}"`);

process.kill(-child.pid, 'SIGTERM');
const groupAlive = () => {
	try {
		process.kill(-child.pid, 0);
		return true;
	} catch {
		return false;
	}
};
const stopDeadline = Date.now() + STOP_TIMEOUT_MS;
while (groupAlive() && Date.now() < stopDeadline) await new Promise((r) => setTimeout(r, 200));
if (groupAlive())
	fail(`a process of \`npm start\` still ran ${STOP_TIMEOUT_MS / 1000} s after SIGTERM`);
console.log('newcomer: stopped with SIGTERM; the newcomer path works');

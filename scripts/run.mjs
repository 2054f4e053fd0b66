#!/usr/bin/env node
// Entry point behind the README's commands. Needs only Node 20 and npm: it brings pnpm 12.4.2
// (project-local when the machine has no matching pnpm), installs the frozen lockfile, builds,
// and then starts the product, runs the tests, runs the CLI or the benchmarks.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const PNPM_VERSION = '12.4.2';
const [command, ...args] = process.argv.slice(2);
// The CLI's stdout is its output (JSON for scripts), so setup noise goes to stderr there.
const quiet = command === 'planboard';
const stdio = quiet ? ['inherit', 2, 2] : 'inherit';

function run(cmd, cmdArgs, options = {}) {
	const result = spawnSync(cmd, cmdArgs, { cwd: root, stdio, env: buildEnv(), ...options });
	if (result.error) throw result.error;
	return result.status ?? 1;
}

function must(cmd, cmdArgs, options) {
	const status = run(cmd, cmdArgs, options);
	if (status !== 0) {
		console.error(`planboard: "${cmd} ${cmdArgs.join(' ')}" failed with exit code ${status}`);
		process.exit(status);
	}
}

function buildEnv() {
	const env = { ...process.env };
	// better-sqlite3 compiles from source here; node-gyp finds Node's headers under /usr.
	if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h'))
		env.npm_config_nodedir = '/usr';
	return env;
}

function pnpm() {
	const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
	if (probe.status === 0 && probe.stdout.trim() === PNPM_VERSION) return 'pnpm';
	const local = join(root, '.tools', 'node_modules', '.bin', 'pnpm');
	if (!existsSync(local)) {
		must('npm', [
			'install',
			'--prefix',
			'.tools',
			'--no-save',
			'--no-package-lock',
			'--no-audit',
			'--no-fund',
			`pnpm@${PNPM_VERSION}`
		]);
	}
	return local;
}

function newestMtime(dir) {
	let newest = 0;
	if (!existsSync(dir)) return newest;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.'))
			continue;
		const path = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
	}
	return newest;
}

function cliIsFresh() {
	const out = join(root, 'apps/cli/dist/main.js');
	if (!existsSync(out)) return false;
	const built = statSync(out).mtimeMs;
	const dirs = [
		'packages/model',
		'packages/store',
		'packages/auth',
		'packages/plan-import',
		'apps/cli'
	];
	return dirs.every((d) => newestMtime(join(root, d, 'src')) <= built);
}

function setup({ build }) {
	const p = pnpm();
	must(p, ['install', '--frozen-lockfile']);
	if (build === 'all') must(p, ['run', 'build']);
	if (build === 'cli' && !cliIsFresh()) {
		for (const pkg of ['model', 'store', 'auth', 'plan-import', 'cli']) {
			must(p, ['--filter', `@planboard/${pkg}`, 'run', 'build']);
		}
	}
	return p;
}

/** One closing line over both vitest runs, in the plain 'N passed, N failed' form. */
function printTotals(names) {
	let passed = 0;
	let failed = 0;
	let skipped = 0;
	for (const name of names) {
		const file = join(root, '.tmp', `vitest-${name}.json`);
		if (!existsSync(file)) {
			failed++;
			continue;
		}
		const r = JSON.parse(readFileSync(file, 'utf8'));
		passed += r.numPassedTests;
		// A file that fails to load fails the run without failing a test: count it as one.
		failed += r.numFailedTests || (r.success ? 0 : 1);
		skipped += r.numPendingTests + r.numTodoTests;
	}
	console.log(
		`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`
	);
}

switch (command) {
	case 'start': {
		setup({ build: 'all' });
		must('node', ['apps/cli/dist/main.js', 'init']);
		process.exit(run('node', ['apps/web/dist/main.js']));
		break;
	}
	case 'test': {
		const p = setup({ build: 'all' });
		if (args.length > 0) process.exit(run(p, ['exec', 'vitest', 'run', ...args]));
		// Unit and integration tests in parallel; then the system tests (browser, child-process
		// servers, kill -9, flood) one file at a time, since they measure latency on 2 cores.
		const lint = run(p, ['exec', 'eslint', '.']);
		const report = (name) => [
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=.tmp/vitest-${name}.json`
		];
		const unit = run(p, ['exec', 'vitest', 'run', 'packages', 'apps', ...report('unit')]);
		const system = run(p, [
			'exec',
			'vitest',
			'run',
			'tests',
			'--no-file-parallelism',
			...report('system')
		]);
		printTotals(['unit', 'system']);
		if (lint !== 0) console.error('planboard: eslint found errors (see above)');
		process.exit([lint, unit, system].find((code) => code !== 0) ?? 0);
		break;
	}
	case 'planboard': {
		setup({ build: 'cli' });
		process.exit(run('node', ['apps/cli/dist/main.js', ...args], { stdio: 'inherit' }));
		break;
	}
	case 'bench': {
		const p = setup({ build: 'all' });
		const benches = readdirSync(join(root, 'bench'))
			.filter((f) => f.endsWith('.bench.ts'))
			.sort();
		const only = args.length > 0 ? benches.filter((b) => args.some((a) => b.includes(a))) : benches;
		for (const bench of only) must(p, ['exec', 'tsx', join('bench', bench)]);
		break;
	}
	default:
		console.error('usage: node scripts/run.mjs start|test|planboard|bench [args]');
		process.exit(2);
}

#!/usr/bin/env node
// Entry point behind the README's commands. Needs only Node 20 and npm: it brings pnpm 12.4.2
// into `.tools/` (never a pnpm of the machine's), installs the frozen lockfile, builds when a
// source changed, and then starts the product, runs the tests, runs the CLI or the benchmarks.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const PNPM_VERSION = '12.4.2';
// Where the project brings its own tools. Every child process gets this folder first on its PATH,
// so a script that calls a bare `pnpm` finds the project's own at any depth of nesting.
const TOOLS_BIN = join(root, '.tools', 'node_modules', '.bin');
const [command, ...args] = process.argv.slice(2);
// The CLI's stdout is its output (JSON for scripts), so setup noise goes to stderr there.
const quiet = command === 'planboard';
const stdio = quiet ? ['inherit', 2, 2] : 'inherit';
const env = buildEnv();

function run(cmd, cmdArgs, options = {}) {
	const result = spawnSync(cmd, cmdArgs, { cwd: root, stdio, env, ...options });
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

/** Runs one named setup step, saying what it does before and how long it took after. */
function step(name, fn) {
	const started = Date.now();
	console.error(`planboard: ${name} ...`);
	const result = fn();
	console.error(`planboard: ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return result;
}

function buildEnv() {
	const env = { ...process.env };
	env.PATH = [TOOLS_BIN, env.PATH].filter(Boolean).join(delimiter);
	// better-sqlite3 compiles from source here; node-gyp finds Node's headers under /usr.
	if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h'))
		env.npm_config_nodedir = '/usr';
	return env;
}

/** The project's own pnpm in `.tools/`, installed there on first use. */
function pnpm() {
	const local = join(TOOLS_BIN, 'pnpm');
	if (!existsSync(local)) {
		step(`installing pnpm ${PNPM_VERSION} into .tools/`, () =>
			must('npm', [
				'install',
				'--prefix',
				'.tools',
				'--no-save',
				'--no-package-lock',
				'--no-audit',
				'--no-fund',
				`pnpm@${PNPM_VERSION}`
			])
		);
	}
	return local;
}

/** Debian's PostgreSQL server, which the PostgreSQL test pass starts (.ci/run installs it). */
function postgresInstalled() {
	const versions = '/usr/lib/postgresql';
	return (
		existsSync(versions) &&
		readdirSync(versions).some((v) => existsSync(join(versions, v, 'bin', 'initdb')))
	);
}

const OUTPUTS = new Set(['node_modules', 'dist', 'build']);

function newestMtime(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = 0;
	for (const entry of readdirSync(path, { withFileTypes: true })) {
		if (OUTPUTS.has(entry.name) || entry.name.startsWith('.')) continue;
		newest = Math.max(newest, newestMtime(join(path, entry.name)));
	}
	return newest;
}

/** True when `output` exists and is newer than every source file under `sources`. */
function isFresh(output, sources) {
	const out = join(root, output);
	if (!existsSync(out)) return false;
	const built = statSync(out).mtimeMs;
	return sources.every((s) => newestMtime(join(root, s)) <= built);
}

/** The packages the CLI needs, in build order (each after those whose types it imports). */
const CLI_PACKAGES = ['plan-import', 'model', 'store', 'auth', 'cli'];
const CLI_SOURCES = CLI_PACKAGES.map((p) => (p === 'cli' ? 'apps/cli' : `packages/${p}`));
const BUILD_STAMP = '.tmp/build-stamp';
const ALL_SOURCES = ['apps', 'packages', 'package.json', 'pnpm-lock.yaml', 'tsconfig.base.json'];

function setup({ build }) {
	if (!existsSync(join(root, 'node_modules'))) {
		console.error(
			'planboard: first run on this machine: installing pnpm and the dependencies, compiling ' +
				'better-sqlite3 from source and building. This takes about 3 minutes on 2 cores; later ' +
				'runs start in seconds.'
		);
	}
	const p = pnpm();
	step('installing dependencies (frozen lockfile)', () =>
		must(p, ['install', '--frozen-lockfile'])
	);
	if (build === 'all' && !isFresh(BUILD_STAMP, ALL_SOURCES)) {
		step('building', () => must(p, ['run', 'build']));
		mkdirSync(join(root, '.tmp'), { recursive: true });
		writeFileSync(join(root, BUILD_STAMP), new Date().toISOString());
	}
	if (build === 'cli' && !isFresh('apps/cli/dist/main.js', CLI_SOURCES)) {
		step('building the CLI', () => {
			for (const pkg of CLI_PACKAGES) must(p, ['--filter', `@planboard/${pkg}`, 'run', 'build']);
		});
	}
	return p;
}

/**
 * One closing line over the vitest runs, in the plain 'N passed, N failed' form. `passes` maps
 * each run's name to its exit code: a run that wrote no report, or failed without failing a test
 * (a file that did not load, an error outside any test), counts as one failure and is named, so
 * the line never says "0 failed" over a red run.
 */
function printTotals(passes) {
	let passed = 0;
	let failed = 0;
	let skipped = 0;
	for (const [name, code] of passes) {
		const file = join(root, '.tmp', `vitest-${name}.json`);
		const r = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
		if (r) {
			passed += r.numPassedTests;
			failed += r.numFailedTests;
			skipped += r.numPendingTests + r.numTodoTests;
		}
		if (!r) {
			failed++;
			console.error(`planboard: the ${name} run wrote no report (exit code ${code})`);
		} else if (code !== 0 && !r.numFailedTests) {
			failed++;
			console.error(
				`planboard: the ${name} run exited with code ${code} with no failed test: an error ` +
					'outside the tests ("Unhandled Errors" or a file that failed to load, above)'
			);
		}
	}
	console.log(
		`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`
	);
}

switch (command) {
	case 'start': {
		setup({ build: 'all' });
		step('preparing the data directory (seeds the demo on first run)', () =>
			must('node', ['apps/cli/dist/main.js', 'init'])
		);
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
		// The same suite again on PostgreSQL (tests/support/test-database.ts): every test that opens
		// a store, starts a server or runs the CLI gets a database of its own in one cluster. Only
		// the parts that touch the store: packages/store and packages/auth already run on both
		// backends in the first pass, and model, plan-import, report and config hold no store. The
		// browser tests run too (about 12 minutes here): the app's own queries run only there.
		const passes = new Map([
			['unit', unit],
			['system', system]
		]);
		if (postgresInstalled()) {
			const onPostgres = { env: { ...env, PLANBOARD_TEST_BACKEND: 'postgres' } };
			console.error('planboard: the store-touching tests again, on PostgreSQL ...');
			passes.set(
				'unit-postgres',
				run(
					p,
					['exec', 'vitest', 'run', 'packages/boards', 'apps', ...report('unit-postgres')],
					onPostgres
				)
			);
			passes.set(
				'system-postgres',
				run(
					p,
					['exec', 'vitest', 'run', 'tests', '--no-file-parallelism', ...report('system-postgres')],
					onPostgres
				)
			);
		} else {
			console.error(
				'planboard: no PostgreSQL (/usr/lib/postgresql/*/bin/initdb): its pass skipped'
			);
		}
		printTotals(passes);
		if (lint !== 0) console.error('planboard: eslint found errors (see above)');
		process.exit([lint, ...passes.values()].find((code) => code !== 0) ?? 0);
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

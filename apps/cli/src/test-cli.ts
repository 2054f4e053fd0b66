import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testDatabaseEnv } from '../../../tests/support/test-database.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Runs the real command as a user would (through tsx from source; workspace packages load from
 * their built dist, which `npm test` builds first).
 */
export function planboard(...args: string[]) {
	return planboardWith({}, ...args);
}

export function planboardWith(
	options: { env?: Record<string, string>; input?: string },
	...args: string[]
) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'apps/cli/src/main.ts', ...args], {
		cwd: root,
		encoding: 'utf8',
		timeout: 60_000,
		env: { ...process.env, ...options.env, ...testDatabaseEnv({ ...process.env, ...options.env }) },
		input: options.input
	});
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planboardWith } from '../apps/cli/src/test-cli.js';
import { startSyncServer, tempDir } from './support/harness.js';
import { ON_POSTGRES, openTestStore, testDatabaseEnv } from './support/test-database.js';

/** The suite's backend switch (PLANBOARD_TEST_BACKEND) puts every kind of store where it says. */
describe('the test backend', () => {
	const dirs: Array<() => void> = [];
	afterEach(() => dirs.splice(0).forEach((cleanup) => cleanup()));
	const dir = () => {
		const t = tempDir();
		dirs.push(t.cleanup);
		return t.dir;
	};

	it('opens stores, sync servers and child processes on the same database per path', async () => {
		const data = dir();
		const path = join(data, 'planboard.db');
		const first = openTestStore({ path });
		expect(first.path.startsWith('postgres://')).toBe(ON_POSTGRES);
		first.users.create({
			username: 'nguyen',
			displayName: 'Nguyễn',
			role: 'viewer',
			agencyId: null,
			passwordHash: 'x'
		});
		first.close();

		const server = await startSyncServer({ databasePath: path });
		try {
			expect(server.store.path.startsWith('postgres://')).toBe(ON_POSTGRES);
			expect(server.store.users.getByUsername('nguyen')?.displayName).toBe('Nguyễn');
		} finally {
			await server.close();
		}

		expect(Boolean(testDatabaseEnv({ PLANBOARD_DATA: data }).PLANBOARD_DATABASE_URL)).toBe(
			ON_POSTGRES
		);
		const listed = planboardWith({ env: { PLANBOARD_DATA: data } }, 'user', 'list');
		expect(listed.code, listed.stderr).toBe(0);
		expect(listed.stdout).toContain('nguyen');
	});

	it('gives another path another, empty database', () => {
		const store = openTestStore({ path: join(dir(), 'planboard.db') });
		try {
			expect(store.users.getByUsername('nguyen')).toBeNull();
		} finally {
			store.close();
		}
	});
});

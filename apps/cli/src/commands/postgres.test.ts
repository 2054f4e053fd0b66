import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '@planboard/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../tests/support/harness.js';
import { startPostgres, type PostgresHarness } from '../../../../tests/support/postgres.js';
import { planboardWith } from '../test-cli.js';

const tmp = tempDir('planboard-cli-pg-');
let pg: PostgresHarness;
let url = '';
const run = (...args: string[]) =>
	planboardWith(
		{ env: { PLANBOARD_DATA: tmp.dir, PLANBOARD_DEMO: '0', PLANBOARD_DATABASE_URL: url } },
		...args
	);

beforeAll(async () => {
	pg = await startPostgres();
	url = pg.createDatabase().replace('planboard@', 'planboard:s3cret@');
});
afterAll(() => {
	pg?.close();
	tmp.cleanup();
});

describe('the CLI with PLANBOARD_DATABASE_URL', () => {
	it('creates, fills and exports the store in PostgreSQL, never in the data directory', () => {
		const init = run('init');
		expect(init.code).toBe(0);
		expect(init.stderr).toContain(`Dữ liệu: postgres://planboard@127.0.0.1:${pg.port}/`);
		expect(init.stderr + init.stdout).not.toContain('s3cret');
		expect(
			run('user', 'add', '--username', 'admin', '--role', 'admin', '--password', 'mot-mat-khau-dai')
				.code
		).toBe(0);
		const out = join(tmp.dir, 'plan.json');
		const exported = run('export', 'gia-lai-2024', '--format', 'json', '--out', out);
		expect(exported.stderr).toContain('Đã xuất json');
		expect(exported.code).toBe(0);
		expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({
			format: 'planboard-backup',
			plan: { id: 'gia-lai-2024' }
		});
		expect(existsSync(join(tmp.dir, 'planboard.db'))).toBe(false);

		const store = openStore({ url });
		try {
			expect(store.plans.list().map((p) => p.id)).toEqual(['gia-lai-2024']);
			expect(store.users.getByUsername('ADMIN')?.role).toBe('admin');
			// The board's documents were written with the plan, in the same transaction.
			expect(store.updates.documents('plan/gia-lai-2024').length).toBeGreaterThan(1);
		} finally {
			store.close();
		}
	});
});

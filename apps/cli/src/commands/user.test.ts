import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '@planboard/store';
import { tempDir } from '../../../../tests/support/harness.js';
import { planboardWith } from '../test-cli.js';

const tmp = tempDir('planboard-cli-user-');
const env = { PLANBOARD_DATA: tmp.dir, PLANBOARD_DEMO: '0' };
const run = (...args: string[]) => planboardWith({ env }, ...args);

afterAll(() => tmp.cleanup());

describe('planboard init and user', () => {
	it('initializes a data directory once, without demo accounts when PLANBOARD_DEMO=0', () => {
		const first = run('init');
		expect(first.code).toBe(0);
		expect(first.stdout).toContain('user add');
		expect(run('init').code).toBe(0);
		const store = openStore({ path: `${tmp.dir}/planboard.db` });
		expect(store.plans.list().map((p) => p.id)).toEqual(['gia-lai-2024']);
		expect(store.users.count()).toBe(0);
		store.close();
	});

	it('adds users, with clear errors for unknown roles, unknown agencies and short passwords', () => {
		expect(
			run('user', 'add', '--username', 'admin', '--role', 'admin', '--password', 'mot-mat-khau-dai')
				.code
		).toBe(0);
		const badRole = run(
			'user',
			'add',
			'--username',
			'x1',
			'--role',
			'boss',
			'--password',
			'mot-mat-khau-dai'
		);
		expect(badRole.code).toBe(2);
		expect(badRole.stderr).toMatch(/unknown role "boss"/);
		const badAgency = run(
			'user',
			'add',
			'--username',
			'x2',
			'--role',
			'officer',
			'--agency',
			'so-khong-co',
			'--password',
			'mot-mat-khau-dai'
		);
		expect(badAgency.code).toBe(2);
		expect(badAgency.stderr).toMatch(/unknown agency "so-khong-co"/);
		const short = run(
			'user',
			'add',
			'--username',
			'khach3',
			'--role',
			'viewer',
			'--password',
			'ngan'
		);
		expect(short.code).not.toBe(0);
		expect(short.stderr).toContain('ít nhất 10 ký tự');
		const viaStdin = planboardWith(
			{ env, input: 'mat-khau-tu-stdin\n' },
			'user',
			'add',
			'--username',
			'bdbp',
			'--role',
			'officer',
			'--agency',
			'bch-bdbp',
			'--password-stdin'
		);
		expect(viaStdin.code).toBe(0);
	});

	it('lists users as JSON without any password hash', () => {
		const r = run('user', 'list', '--json');
		expect(r.code).toBe(0);
		const users = JSON.parse(r.stdout) as {
			username: string;
			role: string;
			agencyId: string | null;
		}[];
		expect(users.map((u) => [u.username, u.role, u.agencyId])).toEqual([
			['admin', 'admin', null],
			['bdbp', 'officer', 'bch-bdbp']
		]);
		expect(r.stdout).not.toMatch(/argon2|hash/i);
	});

	it('resets a password and disables a user, ending their sessions', () => {
		expect(
			run('user', 'reset-password', '--username', 'bdbp', '--password', 'mat-khau-moi-hon').code
		).toBe(0);
		expect(run('user', 'disable', '--username', 'bdbp').code).toBe(0);
		const store = openStore({ path: `${tmp.dir}/planboard.db` });
		expect(store.users.getByUsername('bdbp')?.disabled).toBe(true);
		store.close();
		const unknown = run('user', 'disable', '--username', 'nobody');
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toMatch(/no user "nobody"/);
	});
});

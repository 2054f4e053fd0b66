import { afterAll, describe, expect, it } from 'vitest';
import { createSession, createUserWithPassword, verifyLogin } from '@planboard/auth';
import type { Store } from '@planboard/store';
import { tempDir } from '../../../../tests/support/harness.js';
import { planboardWith } from '../test-cli.js';
import { openTestStore } from '../../../../tests/support/test-database.js';

const dirs: (() => void)[] = [];
afterAll(() => dirs.forEach((cleanup) => cleanup()));

/**
 * A data directory of its own for each test, so no test reads another's leftovers; `run` is the
 * real command on it, `store` opens its database.
 */
function dataDir() {
	const tmp = tempDir('planboard-cli-user-');
	dirs.push(tmp.cleanup);
	const env = { PLANBOARD_DATA: tmp.dir, PLANBOARD_DEMO: '0' };
	return {
		env,
		run: (...args: string[]) => planboardWith({ env }, ...args),
		store: () => openTestStore({ path: `${tmp.dir}/planboard.db` })
	};
}

/** Users created straight in the store: setup, not what these tests are about. */
async function withUsers(
	store: Store,
	users: { username: string; role: 'admin' | 'officer'; agencyId: string | null }[]
) {
	for (const u of users)
		await createUserWithPassword({
			store,
			...u,
			displayName: u.username,
			password: 'mat-khau-ban-dau'
		});
}

describe('planboard init and user', () => {
	it('initializes a data directory once, without demo accounts when PLANBOARD_DEMO=0', () => {
		const { run, store: open } = dataDir();
		const first = run('init');
		expect(first.code).toBe(0);
		expect(first.stdout).toContain('user add');
		expect(run('init').code).toBe(0);
		const store = open();
		expect(store.plans.list().map((p) => p.id)).toEqual(['gia-lai-2024']);
		expect(store.users.count()).toBe(0);
		store.close();
	});

	// Six runs of the real command (tsx from source): tens of seconds on a loaded machine.
	it('adds users, with clear errors for unknown roles, unknown agencies and short passwords', () => {
		const { run, env, store: open } = dataDir();
		// The agency directory the officer's agency is checked against.
		expect(run('init').code).toBe(0);
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
		const store = open();
		expect(store.users.list().map((u) => [u.username, u.role, u.agencyId])).toEqual([
			['admin', 'admin', null],
			['bdbp', 'officer', 'bch-bdbp']
		]);
		store.close();
	}, 90_000);

	it('lists users as JSON without any password hash', async () => {
		const { run, store: open } = dataDir();
		const store = open();
		await withUsers(store, [
			{ username: 'admin', role: 'admin', agencyId: null },
			{ username: 'bdbp', role: 'officer', agencyId: 'bch-bdbp' }
		]);
		store.close();
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

	it("resets a password and disables a user, ending their sessions and no one else's", async () => {
		const { run, store: open } = dataDir();
		let store = open();
		await withUsers(store, [
			{ username: 'admin', role: 'admin', agencyId: null },
			{ username: 'bdbp', role: 'officer', agencyId: 'bch-bdbp' }
		]);
		const bdbp = store.users.getByUsername('bdbp')!;
		const admin = store.users.getByUsername('admin')!;
		const first = [
			createSession({ store, userId: bdbp.id }),
			createSession({ store, userId: bdbp.id })
		];
		const bystander = createSession({ store, userId: admin.id });
		store.close();

		expect(
			run('user', 'reset-password', '--username', 'bdbp', '--password', 'mat-khau-moi-hon').code
		).toBe(0);
		store = open();
		for (const s of first) expect(store.sessions.get(s.session.id)).toBeNull();
		expect(store.sessions.get(bystander.session.id)).not.toBeNull();
		expect(await verifyLogin({ store, username: 'bdbp', password: 'mat-khau-ban-dau' })).toBeNull();
		expect((await verifyLogin({ store, username: 'bdbp', password: 'mat-khau-moi-hon' }))?.id).toBe(
			bdbp.id
		);
		const second = createSession({ store, userId: bdbp.id });
		store.close();

		expect(run('user', 'disable', '--username', 'bdbp').code).toBe(0);
		store = open();
		expect(store.users.getByUsername('bdbp')?.disabled).toBe(true);
		expect(store.sessions.get(second.session.id)).toBeNull();
		expect(store.sessions.get(bystander.session.id)).not.toBeNull();
		store.close();
		const unknown = run('user', 'disable', '--username', 'nobody');
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toMatch(/no user "nobody"/);
	}, 90_000);
});

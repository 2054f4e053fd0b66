import { verifyLogin } from '@planboard/auth';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/harness.js';
import { createInitialAdmin } from './initial-admin.js';
import { planboardWith } from './test-cli.js';
import { openTestStore } from '../../../tests/support/test-database.js';

const dirs: (() => void)[] = [];
afterAll(() => dirs.forEach((cleanup) => cleanup()));

function newDataDir(): string {
	const tmp = tempDir('planboard-cli-admin-');
	dirs.push(tmp.cleanup);
	return tmp.dir;
}

describe('the first administrator from the environment', () => {
	it('is created on a store without users, once, and never overwritten', async () => {
		const store = openTestStore({ path: `${newDataDir()}/planboard.db` });
		try {
			const admin = { username: 'QuanTri', password: 'mat-khau-dau-tien' };
			expect(await createInitialAdmin({ store, admin })).toBe('created');
			const user = await verifyLogin({ store, username: 'quantri', password: admin.password });
			expect(user).toMatchObject({ username: 'quantri', role: 'admin', agencyId: null });
			const hash = store.users.getPasswordHash(user!.id);
			// A restart with another password changes nothing: the account is the admin's now.
			const again = { username: 'quantri', password: 'mat-khau-thu-hai-khac' };
			expect(await createInitialAdmin({ store, admin: again })).toBe('exists');
			expect(await createInitialAdmin({ store, admin: { ...again, username: 'khac' } })).toBe(
				'exists'
			);
			expect(store.users.count()).toBe(1);
			expect(store.users.getPasswordHash(user!.id)).toBe(hash);
		} finally {
			store.close();
		}
	});

	it('refuses a weak password or a bad username with the rule of "planboard user add"', async () => {
		const store = openTestStore({ path: `${newDataDir()}/planboard.db` });
		try {
			await expect(
				createInitialAdmin({ store, admin: { username: 'quantri', password: 'ngan-qua' } })
			).rejects.toThrow('PLANBOARD_ADMIN_USERNAME/PASSWORD: Mật khẩu phải có ít nhất 10 ký tự.');
			await expect(
				createInitialAdmin({
					store,
					admin: { username: 'quản trị', password: 'mot-mat-khau-dai' }
				})
			).rejects.toThrow(/Tên đăng nhập phải dài 3-32 ký tự/);
			expect(store.users.count()).toBe(0);
		} finally {
			store.close();
		}
	});

	// Two runs of the real command (tsx from source): seconds each on a loaded machine.
	it('comes from "planboard init" with PLANBOARD_DEMO=0, the password never printed', async () => {
		const dir = newDataDir();
		const secret = 'bi-mat-cua-quan-tri';
		const env = {
			PLANBOARD_DATA: dir,
			PLANBOARD_DEMO: '0',
			PLANBOARD_ADMIN_USERNAME: 'quantri',
			PLANBOARD_ADMIN_PASSWORD: secret
		};
		const weak = planboardWith({ env: { ...env, PLANBOARD_ADMIN_PASSWORD: 'ngan' } }, 'init');
		expect(weak.code).toBe(1);
		expect(weak.stderr).toContain('Mật khẩu phải có ít nhất 10 ký tự.');
		const init = planboardWith({ env }, 'init');
		expect(init.code).toBe(0);
		expect(init.stderr).toContain('Đã tạo quản trị viên quantri');
		expect(init.stdout + init.stderr + weak.stdout + weak.stderr).not.toContain(secret);
		const store = openTestStore({ path: `${dir}/planboard.db` });
		try {
			expect(await verifyLogin({ store, username: 'quantri', password: secret })).toMatchObject({
				role: 'admin'
			});
			expect(store.users.count()).toBe(1);
		} finally {
			store.close();
		}
	});
});

import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../tests/support/harness.js';
import { planboardWith } from '../test-cli.js';
import { openTestStore } from '../../../../tests/support/test-database.js';

const tmp = tempDir('planboard-cli-email-');
const env = { PLANBOARD_DATA: tmp.dir, PLANBOARD_DEMO: '0' };
const run = (...args: string[]) => planboardWith({ env }, ...args);

afterAll(() => tmp.cleanup());

const stored = () => {
	const store = openTestStore({ path: `${tmp.dir}/planboard.db` });
	try {
		return store.users.getByUsername('bdbp');
	} finally {
		store.close();
	}
};

describe('planboard user email', () => {
	it("sets, turns off and removes a user's reminder email, refusing what is not an address", () => {
		expect(run('init').code).toBe(0);
		const password = ['--password', 'mot-mat-khau-dai'];
		expect(run('user', 'add', '--username', 'bdbp', '--role', 'viewer', ...password).code).toBe(0);

		const set = run('user', 'email', '--username', 'bdbp', '--email', 'bdbp@gialai.gov.vn');
		expect(set.code).toBe(0);
		expect(stored()).toMatchObject({ email: 'bdbp@gialai.gov.vn', emailDigest: true });
		expect(
			run('user', 'email', '--username', 'bdbp', '--email', 'bdbp@gialai.gov.vn', '--digest', 'off')
				.code
		).toBe(0);
		expect(stored()).toMatchObject({ emailDigest: false });

		const bad = run('user', 'email', '--username', 'bdbp', '--email', 'không phải email');
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('không phải địa chỉ email');
		expect(run('user', 'email', '--username', 'bdbp').code).toBe(2);

		expect(run('user', 'email', '--username', 'bdbp', '--no-email').code).toBe(0);
		expect(stored()?.email).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import { AuthError } from './errors.js';
import { BACKENDS, useTempStore } from '../../store/src/test-store.js';
import { createUserWithPassword, setUserPassword, verifyLogin } from './users.js';

describe.each(BACKENDS)('%s', (backend) => {
	const t = useTempStore(backend);
	const valid = {
		displayName: 'Trần Bình',
		role: 'officer',
		agencyId: 'so-yte',
		password: 'một mật khẩu dài'
	};

	async function authError(promise: Promise<unknown>): Promise<AuthError> {
		const error = await promise.then(
			() => null,
			(caught: unknown) => caught
		);
		expect(error).toBeInstanceOf(AuthError);
		return error as AuthError;
	}

	describe('createUserWithPassword', () => {
		it('creates a user with a normalised username and an Argon2id hash', async () => {
			const user = await createUserWithPassword({
				store: t.store,
				...valid,
				username: ' Binh.Tran '
			});
			expect(user).toMatchObject({ username: 'binh.tran', role: 'officer', agencyId: 'so-yte' });
			expect(user).not.toHaveProperty('passwordHash');
			expect(t.store.users.getPasswordHash(user.id)).toMatch(/^\$argon2id\$/);
			expect(
				await verifyLogin({ store: t.store, username: 'BINH.TRAN', password: valid.password })
			).toMatchObject({ id: user.id });
			expect(
				await verifyLogin({ store: t.store, username: 'binh.tran', password: 'sai mật khẩu rồi' })
			).toBeNull();
			expect(
				await verifyLogin({ store: t.store, username: 'nobody', password: valid.password })
			).toBeNull();
		});

		it('rejects invalid fields with specific codes', async () => {
			const cases: [Record<string, unknown>, string][] = [
				[{ username: 'ab' }, 'INVALID_USERNAME'],
				[{ username: 'bình' }, 'INVALID_USERNAME'],
				[{ username: 'ok-name', displayName: '  ' }, 'INVALID_DISPLAY_NAME'],
				[{ username: 'ok-name', role: 'root' }, 'INVALID_ROLE'],
				[{ username: 'ok-name', agencyId: null }, 'INVALID_AGENCY'],
				[{ username: 'ok-name', agencyId: 'Sở Y tế' }, 'INVALID_AGENCY'],
				[{ username: 'ok-name', password: 'ngắn' }, 'WEAK_PASSWORD']
			];
			for (const [override, code] of cases) {
				const error = await authError(
					createUserWithPassword({ store: t.store, ...valid, ...override } as never)
				);
				expect(error.code).toBe(code);
			}
			expect(t.store.users.count()).toBe(0);
		});

		it('reports a taken username in any letter case', async () => {
			await createUserWithPassword({ store: t.store, ...valid, username: 'anh' });
			const error = await authError(
				createUserWithPassword({ store: t.store, ...valid, username: 'ANH' })
			);
			expect(error.code).toBe('USERNAME_TAKEN');
			expect(error.message).toContain('"anh"');
		});

		it('refuses disabled users at login and changes passwords', async () => {
			const user = await createUserWithPassword({ store: t.store, ...valid, username: 'chi' });
			await setUserPassword({ store: t.store, userId: user.id, password: 'mật khẩu mới toanh' });
			expect(
				await verifyLogin({ store: t.store, username: 'chi', password: 'mật khẩu mới toanh' })
			).not.toBeNull();
			t.store.users.update({ id: user.id, disabled: true });
			expect(
				await verifyLogin({ store: t.store, username: 'chi', password: 'mật khẩu mới toanh' })
			).toBeNull();
			expect(
				(
					await authError(
						setUserPassword({ store: t.store, userId: 'x', password: 'đủ mười ký tự' })
					)
				).code
			).toBe('USER_NOT_FOUND');
		});
	});
});

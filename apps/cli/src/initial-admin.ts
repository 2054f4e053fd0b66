import { AuthError, createUserWithPassword } from '@planboard/auth';
import type { InitialAdmin } from '@planboard/config';
import type { Store } from '@planboard/store';

export const INITIAL_ADMIN_DISPLAY_NAME = 'Quản trị hệ thống';

/**
 * Creates the first administrator on a store without users; does nothing once any user exists,
 * so a restart with the same or a changed `PLANBOARD_ADMIN_PASSWORD` never overwrites an account
 * (change it with `planboard user reset-password`). The username and password pass the same
 * checks as `planboard user add` (createUserWithPassword). Two servers starting together on one
 * database may both find it empty: the second one's insert conflicts and counts as already made.
 */
export async function createInitialAdmin(options: {
	store: Store;
	admin: InitialAdmin;
}): Promise<'created' | 'exists'> {
	const { store, admin } = options;
	if (store.users.count() > 0) return 'exists';
	try {
		await createUserWithPassword({
			store,
			username: admin.username,
			displayName: INITIAL_ADMIN_DISPLAY_NAME,
			role: 'admin',
			agencyId: null,
			password: admin.password
		});
		return 'created';
	} catch (error) {
		if (error instanceof AuthError && error.code === 'USERNAME_TAKEN') return 'exists';
		if (error instanceof AuthError)
			throw new Error(`PLANBOARD_ADMIN_USERNAME/PASSWORD: ${error.message}`, { cause: error });
		throw error;
	}
}

import { error } from '@sveltejs/kit';
import type { User } from '@planboard/store';

/** API routes: 401 with a JSON message when there is no valid session. */
export function requireUser(locals: App.Locals): User {
	if (!locals.user) error(401, { message: 'Cần đăng nhập.' });
	return locals.user;
}

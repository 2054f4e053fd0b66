import { redirect } from '@sveltejs/kit';
import { logout } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		await logout({ sessionId: locals.sessionId, url, cookies });
		redirect(303, '/login');
	}
};

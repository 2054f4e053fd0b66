import { fail, redirect } from '@sveltejs/kit';
import { sameOriginPath } from '$lib/same-origin-path';
import { demoAccounts } from '$lib/server/demo';
import { login } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/');
	return { demo: demoAccounts() };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const username = String(form.get('username') ?? '');
		const result = await login({
			username,
			password: String(form.get('password') ?? ''),
			ip: getClientAddress(),
			url,
			cookies
		});
		if (!result.ok) return fail(result.status, { username, message: result.message });
		redirect(303, sameOriginPath({ target: url.searchParams.get('next'), origin: url.origin }));
	}
};

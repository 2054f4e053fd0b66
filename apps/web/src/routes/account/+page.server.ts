import { emailProblem } from '@planboard/auth';
import { fail, redirect } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

/**
 * The signed-in user's own settings: where their daily reminder email goes, and whether they
 * get it. The address is checked here by the same rule as the admin page and the CLI
 * (`emailProblem` of packages/auth), whatever the browser let through.
 */
export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
	const { store, config } = runtime();
	const user = store.users.get(locals.user.id);
	return {
		email: user?.email ?? '',
		digest: user?.emailDigest ?? true,
		/** Without a mail server nothing is sent; the page says so instead of hiding the form. */
		mailEnabled: config.smtpUrl !== null
	};
};

export const actions: Actions = {
	email: async ({ request, locals }) => {
		if (!locals.user) redirect(303, '/login');
		const form = await request.formData();
		const email = String(form.get('email') ?? '').trim();
		const digest = form.get('digest') === 'on';
		const problem = email === '' ? null : emailProblem(email);
		if (problem) return fail(400, { email, digest, error: 'invalid' as const });
		const { store, log } = runtime();
		const user = store.users.update({
			id: locals.user.id,
			email: email || null,
			emailDigest: digest
		});
		if (!user) redirect(303, '/login');
		store.audit.log({
			userId: user.id,
			action: 'user.email',
			detail: `${user.username} ${user.email ? 'set' : 'none'} ${user.emailDigest ? 'digest' : 'no-digest'}`
		});
		log.info('account.email', { user: user.username, digest: user.emailDigest });
		return { saved: true, email: user.email ?? '', digest: user.emailDigest };
	}
};

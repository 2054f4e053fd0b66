import { redirect } from '@sveltejs/kit';
import { LANG_COOKIE, langFrom } from '$lib/i18n';
import { sameOriginPath } from '$lib/same-origin-path';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const form = await request.formData();
		cookies.set(LANG_COOKIE, langFrom(String(form.get('lang'))), {
			path: '/',
			httpOnly: false,
			sameSite: 'lax',
			secure: false,
			maxAge: 365 * 24 * 3600
		});
		// Only ever back to a page of this site.
		redirect(303, sameOriginPath({ target: request.headers.get('referer'), origin: url.origin }));
	}
};

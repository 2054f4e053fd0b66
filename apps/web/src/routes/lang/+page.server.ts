import { redirect } from '@sveltejs/kit';
import { LANG_COOKIE, langFrom } from '$lib/i18n';
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
		const back = new URL(request.headers.get('referer') ?? '/', url);
		redirect(303, back.origin === url.origin ? back.pathname + back.search : '/');
	}
};

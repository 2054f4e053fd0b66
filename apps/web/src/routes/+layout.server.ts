import { LANG_COOKIE, langFrom } from '$lib/i18n';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, cookies }) => {
	const user = locals.user;
	return {
		lang: langFrom(cookies.get(LANG_COOKIE)),
		user: user
			? { id: user.id, username: user.username, displayName: user.displayName, role: user.role, agencyId: user.agencyId }
			: null
	};
};

import { fail } from '@sveltejs/kit';
import { unsubscribeDigest } from '../../../../server/unsubscribe.js';
import { runtime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

/**
 * An email digest's unsubscribe link. Opening it (GET) only asks: mail scanners open every
 * link. A POST unsubscribes: the page's button, or the mail provider's RFC 8058 one-click POST
 * (`List-Unsubscribe=One-Click`, sent from its servers without a session or an Origin, which the
 * cross-site form check lets through for this path). No session is needed: the token is the
 * proof.
 */
export const load: PageServerLoad = () => ({});

export const actions: Actions = {
	default: ({ params }) => {
		const user = unsubscribeDigest({ store: runtime().store, token: params.token });
		if (!user) return fail(404, { done: false });
		runtime().log.info('digest.unsubscribe', { user: user.username });
		return { done: true };
	}
};

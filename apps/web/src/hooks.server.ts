import type { Handle } from '@sveltejs/kit';
import { SESSION_COOKIE, validateSessionToken } from '@planboard/auth';
import { LANG_COOKIE, langFrom } from '$lib/i18n';
import { crossSiteFormRefusal } from '$lib/server/csrf';
import { apiRequestRefusal } from '$lib/server/api-guard';
import { runtime } from '$lib/server/runtime';
import { sessionCookieOptions } from '$lib/server/session';

/** Every request: the session from `Authorization: Bearer` or the cookie. */
export const handle: Handle = async ({ event, resolve }) => {
	const refused = crossSiteFormRefusal(event.request, event.url);
	if (refused) return refused;
	const { store } = runtime();
	const bearer = event.request.headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
	const token = bearer ?? event.cookies.get(SESSION_COOKIE) ?? null;
	event.locals.user = null;
	event.locals.sessionId = null;
	if (token) {
		const result = await validateSessionToken({
			store,
			token,
			maxAgeMs: runtime().config.sessionMaxAgeMs
		});
		if (result) {
			event.locals.user = result.user;
			event.locals.sessionId = result.session.id;
			// Sliding expiry: send the cookie again only when the session was extended.
			if (!bearer && result.refreshed) {
				event.cookies.set(
					SESSION_COOKIE,
					token,
					sessionCookieOptions(event.url, result.session.expiresAt)
				);
			}
		} else if (!bearer) {
			event.cookies.delete(SESSION_COOKIE, sessionCookieOptions(event.url));
		}
	}
	const refusal = apiRequestRefusal({
		request: event.request,
		url: event.url,
		signedIn: event.locals.user !== null,
		bearer: bearer !== undefined
	});
	if (refusal) return refusal;
	// The page's language is the reader's choice, so screen readers speak it with the right voice.
	const lang = langFrom(event.cookies.get(LANG_COOKIE));
	const response = await resolve(event, {
		transformPageChunk: ({ html }) =>
			lang === 'vi' ? html : html.replace('<html lang="vi">', `<html lang="${lang}">`)
	});
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	return response;
};

import { json, text } from '@sveltejs/kit';

/** What a plain HTML form can send cross-site without a preflight. */
const FORM_TYPES = [
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
];
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * Pages whose POST is authorized by a secret token in the address, never by the session cookie:
 * a forged cross-site form gains nothing without the token. The digest's unsubscribe link is
 * one: RFC 8058's one-click unsubscribe has the mail provider POST `List-Unsubscribe=One-Click`
 * to it from its own servers, with no Origin.
 */
const TOKEN_FORMS = [/^\/unsubscribe\/[A-Za-z0-9_-]+$/];

/**
 * SvelteKit's cross-site form check (turned off in svelte.config.js in favour of this one), with
 * two exceptions: the token-authorized pages above, and a request that carries
 * `Authorization: Bearer`, which is a script's, not a forged
 * form's (a browser never adds that header across sites without a CORS preflight, which this
 * server never grants), so API clients can upload plan files without sending an Origin.
 * Returns the 403 to answer, or null.
 */
export function crossSiteFormRefusal(request: Request, url: URL): Response | null {
	if (!UNSAFE.has(request.method)) return null;
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (!FORM_TYPES.includes(type)) return null;
	if (request.headers.get('origin') === url.origin) return null;
	if (request.method === 'POST' && TOKEN_FORMS.some((path) => path.test(url.pathname))) return null;
	if (/^Bearer\s+\S+$/i.test(request.headers.get('authorization') ?? '')) return null;
	const message = `Cross-site ${request.method} form submissions are forbidden`;
	return request.headers.get('accept') === 'application/json'
		? json({ message }, { status: 403 })
		: text(message, { status: 403 });
}

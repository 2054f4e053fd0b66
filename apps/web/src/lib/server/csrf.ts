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
 * SvelteKit's cross-site form check (turned off in svelte.config.js in favour of this one), with
 * one exception: a request that carries `Authorization: Bearer` is a script's, not a forged
 * form's (a browser never adds that header across sites without a CORS preflight, which this
 * server never grants), so API clients can upload plan files without sending an Origin.
 * Returns the 403 to answer, or null.
 */
export function crossSiteFormRefusal(request: Request, url: URL): Response | null {
	if (!UNSAFE.has(request.method)) return null;
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (!FORM_TYPES.includes(type)) return null;
	if (request.headers.get('origin') === url.origin) return null;
	if (/^Bearer\s+\S+$/i.test(request.headers.get('authorization') ?? '')) return null;
	const message = `Cross-site ${request.method} form submissions are forbidden`;
	return request.headers.get('accept') === 'application/json'
		? json({ message }, { status: 403 })
		: text(message, { status: 403 });
}

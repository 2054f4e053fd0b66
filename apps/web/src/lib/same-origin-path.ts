/**
 * Where to send the browser after a login (`?next=`) or a language switch (`Referer`): the
 * target resolved against this site's own origin, as the browser will resolve the `Location`
 * header, and accepted only if it stays on that origin; otherwise `fallback`. Returns a path
 * (`/plans/x?y#z`), never an absolute URL. Leading slashes are collapsed, so the result can never
 * be read as a scheme-relative `//host` (WHATWG parsing turns `\` into `/`: `/\evil.example`
 * and `/./\evil.example` both name another host).
 */
export function sameOriginPath(options: {
	target: string | null | undefined;
	origin: string;
	fallback?: string;
}): string {
	const fallback = options.fallback ?? '/';
	if (!options.target) return fallback;
	let url: URL;
	try {
		url = new URL(options.target, options.origin);
	} catch {
		return fallback;
	}
	if (url.origin !== new URL(options.origin).origin) return fallback;
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return fallback;
	return '/' + `${url.pathname}${url.search}${url.hash}`.replace(/^\/+/, '');
}

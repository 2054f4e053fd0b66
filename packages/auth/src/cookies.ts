/** The session cookie's name; web sets it, sync reads it from the WebSocket upgrade request. */
export const SESSION_COOKIE = 'planboard_session';

const ATTRIBUTES = 'HttpOnly; SameSite=Lax; Path=/';

/** A Set-Cookie value. `secure` should be true whenever the site is served over HTTPS. */
export function sessionCookie(options: {
	token: string;
	expiresAt: Date;
	secure: boolean;
}): string {
	const secure = options.secure ? '; Secure' : '';
	return `${SESSION_COOKIE}=${options.token}; ${ATTRIBUTES}; Expires=${options.expiresAt.toUTCString()}${secure}`;
}

/** A Set-Cookie value that deletes the session cookie (sign-out, invalid session). */
export function blankSessionCookie(options: { secure: boolean }): string {
	const secure = options.secure ? '; Secure' : '';
	return `${SESSION_COOKIE}=; ${ATTRIBUTES}; Max-Age=0${secure}`;
}

/** Parses a Cookie request header; the first occurrence of a name wins, as browsers send it. */
export function parseCookieHeader(header: string | null | undefined): Map<string, string> {
	const cookies = new Map<string, string>();
	for (const pair of (header ?? '').split(';')) {
		const eq = pair.indexOf('=');
		if (eq <= 0) continue;
		const name = pair.slice(0, eq).trim();
		if (!name || cookies.has(name)) continue;
		let value = pair.slice(eq + 1).trim();
		if (value.startsWith('"') && value.endsWith('"') && value.length >= 2)
			value = value.slice(1, -1);
		try {
			value = decodeURIComponent(value);
		} catch {
			// A malformed escape is kept verbatim rather than dropping the cookie.
		}
		cookies.set(name, value);
	}
	return cookies;
}

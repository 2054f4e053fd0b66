/**
 * Browsers always send `Origin` on WebSocket upgrades; a foreign one is a cross-site attempt to
 * ride the session cookie. Non-browser clients (CLI, tests, benchmarks) send none and rely on
 * their token alone.
 *
 * Without a configured list the only accepted origin is this server's own, scheme included: a
 * page served over plain http on the same host (another port's app, a captive portal rewriting
 * http) must not open an https site's sockets with its cookie. Behind a TLS proxy the socket is
 * plain http while browsers send `https://…`: list the public origin in `PLANBOARD_ORIGIN`.
 */
export function originAllowed(options: {
	origin: string | undefined;
	host: string | undefined;
	/** Whether this request arrived over TLS (the socket's own, never a forwarded header). */
	secure?: boolean;
	allowed: string[] | null;
}): boolean {
	const { origin, host, allowed } = options;
	if (!origin) return true;
	const actual = originOf(origin);
	if (!actual) return false;
	if (allowed && allowed.length > 0) return allowed.some((a) => originOf(a) === actual);
	if (!host) return false;
	return originOf(`${options.secure ? 'https' : 'http'}://${host}`) === actual;
}

/** Scheme, host and port as the URL standard serialises them (default ports dropped). */
function originOf(value: string): string | null {
	try {
		const url = new URL(value);
		return url.origin === 'null' ? null : url.origin;
	} catch {
		return null;
	}
}

/**
 * Browsers always send `Origin` on WebSocket upgrades; a foreign one is a cross-site attempt to
 * ride the session cookie. Non-browser clients (CLI, tests, benchmarks) send none and rely on
 * their token alone.
 */
export function originAllowed(options: {
	origin: string | undefined;
	host: string | undefined;
	allowed: string[] | null;
}): boolean {
	const { origin, host, allowed } = options;
	if (!origin) return true;
	if (allowed && allowed.length > 0) return allowed.includes(origin.replace(/\/$/, ''));
	try {
		return new URL(origin).host === host;
	} catch {
		return false;
	}
}

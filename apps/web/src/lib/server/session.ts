import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE, createSession, invalidateSession, verifyLogin } from '@planboard/auth';
import type { User } from '@planboard/store';
import { runtime } from './runtime';
import { loginLimiter } from './rate-limit';

/** `Secure` whenever the app is served over https; SvelteKit's default would also set it on http. */
export function sessionCookieOptions(url: URL, expires?: Date) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: url.protocol === 'https:',
		...(expires ? { expires } : {})
	};
}

export type LoginResult =
	| { ok: true; token: string; user: User }
	| { ok: false; status: 401 | 429; message: string; retryAfterSeconds?: number };

/** One path for the form and the JSON API, so both share the rate limit and the messages. */
export async function login(options: {
	username: string;
	password: string;
	ip: string;
	url: URL;
	cookies: Cookies;
}): Promise<LoginResult> {
	const { store, log, config } = runtime();
	const username = options.username.trim().toLowerCase();
	// Counted here, before the slow Argon2 check: concurrent requests cannot all pass the limit.
	const verdict = await loginLimiter().attempt({ username, ip: options.ip });
	if (!verdict.allowed) {
		log.warn('login.rate_limited', { username, ip: options.ip });
		const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
		return {
			ok: false,
			status: 429,
			message: `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
			retryAfterSeconds: verdict.retryAfterSeconds
		};
	}
	// Runs Argon2 even for an unknown username, so timing does not reveal which names exist.
	const user = await verifyLogin({ store, username, password: options.password });
	if (!user) {
		log.warn('login.failed', { username, ip: options.ip });
		return { ok: false, status: 401, message: 'Tên đăng nhập hoặc mật khẩu không đúng.' };
	}
	await loginLimiter().recordSuccess({ username, ip: options.ip });
	const { token, session } = await createSession({
		store,
		userId: user.id,
		maxAgeMs: config.sessionMaxAgeMs
	});
	options.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(options.url, session.expiresAt));
	log.info('login.ok', { username });
	return { ok: true, token, user };
}

/** Deletes the session on the server and closes its sockets at once. */
export async function logout(options: { sessionId: string | null; url: URL; cookies: Cookies }) {
	const { store, sync, log } = runtime();
	if (options.sessionId) {
		await invalidateSession({ store, sessionId: options.sessionId });
		sync.revokeSession(options.sessionId);
		log.info('logout', { session: options.sessionId.slice(0, 6) });
	}
	options.cookies.delete(SESSION_COOKIE, sessionCookieOptions(options.url));
}

/** The user as the API shows it: never the password hash. */
export function publicUser(user: User) {
	return {
		id: user.id,
		username: user.username,
		displayName: user.displayName,
		role: user.role,
		agencyId: user.agencyId
	};
}

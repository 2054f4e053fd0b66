import { json } from '@sveltejs/kit';
import { login, publicUser } from '$lib/server/session';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, cookies, url, getClientAddress }) => {
	const body = (await request.json().catch(() => null)) as {
		username?: unknown;
		password?: unknown;
	} | null;
	if (!body || typeof body.username !== 'string' || typeof body.password !== 'string') {
		return json({ message: 'Cần gửi JSON gồm "username" và "password".' }, { status: 400 });
	}
	const result = await login({
		username: body.username,
		password: body.password,
		ip: getClientAddress(),
		url,
		cookies
	});
	if (!result.ok) {
		const headers: Record<string, string> = result.retryAfterSeconds
			? { 'retry-after': String(result.retryAfterSeconds) }
			: {};
		return json(
			{ message: result.message, retryAfterSeconds: result.retryAfterSeconds },
			{ status: result.status, headers }
		);
	}
	return json({ token: result.token, user: publicUser(result.user) });
};

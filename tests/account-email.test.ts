import { join } from 'node:path';
import type { Store } from '@planboard/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startAppServer, type AppServer } from './support/app-server.js';
import { openTestStore } from './support/test-database.js';

let app: AppServer;
let store: Store;
let cookie: string;
let userId: string;

beforeAll(async () => {
	app = await startAppServer();
	({
		cookie,
		user: { id: userId }
	} = await login(app, 'bdbp'));
	store = openTestStore({ path: join(app.dataDir, 'planboard.db') });
});

afterAll(async () => {
	store?.close();
	await app?.stop();
});

/** The account page's form as a browser posts it (same origin, the session cookie). */
const save = (fields: Record<string, string>, session: string | null = cookie) =>
	fetch(`${app.baseUrl}/account?/email`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: app.baseUrl,
			accept: 'application/json',
			'content-type': 'application/x-www-form-urlencoded',
			...(session ? { cookie: session } : {})
		},
		body: new URLSearchParams(fields).toString()
	});

const stored = () => store.users.get(userId)!;

describe('a user sets their own digest email', () => {
	it('stores a valid address and the digest choice, for the signed-in user only', async () => {
		const res = await save({ email: '  canbo@bienphong.gialai.gov.vn ', digest: 'on' });
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ type: 'success' });
		expect(stored()).toMatchObject({ email: 'canbo@bienphong.gialai.gov.vn', emailDigest: true });
		// Unticked: no digest, the address kept.
		expect((await save({ email: 'canbo@bienphong.gialai.gov.vn' })).status).toBe(200);
		expect(stored()).toMatchObject({ emailDigest: false });
	});

	it('refuses an address the server rule rejects, whatever the browser allowed, and changes nothing', async () => {
		const before = stored();
		for (const email of [
			'canbo@bienphong',
			'not an email',
			'a@b.c;d@e.f',
			`${'a'.repeat(250)}@x.vn`
		]) {
			const res = await save({ email, digest: 'on' });
			expect(await res.json(), email).toMatchObject({ type: 'failure', status: 400 });
			expect(stored(), email).toMatchObject({
				email: before.email,
				emailDigest: before.emailDigest
			});
		}
	});

	it('clears the address when left empty, and needs a session', async () => {
		expect((await save({ email: '' })).status).toBe(200);
		expect(stored().email).toBeNull();
		const anonymous = await save({ email: 'x@y.vn' }, null);
		expect(await anonymous.json()).toMatchObject({ type: 'redirect', location: '/login' });
		expect(stored().email).toBeNull();
	});
});

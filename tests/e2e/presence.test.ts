import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../support/app-server.js';
import { connect, type Client } from '../support/harness.js';
import { PLAN, boardSuite } from './board-helpers.js';

const suite = boardSuite();

interface LoggedIn {
	token: string;
	user: { id: string; displayName: string; agencyId: string | null };
}

async function login(origin: string, username: string): Promise<LoggedIn> {
	const res = await fetch(`${origin}/api/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: DEMO_PASSWORD })
	});
	if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
	return (await res.json()) as LoggedIn;
}

describe('presence in Chromium', () => {
	it("shows a viewer who claims to be the coordinator under the viewer's true name", async () => {
		const page = await suite.board('sotttt');
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		const origin = new URL(page.url()).origin;
		const coord = await login(origin, 'sotttt');
		const viewer = await login(origin, 'lanhdao');

		let forger: Client | null = null;
		try {
			forger = connect({
				url: `${origin.replace(/^http/, 'ws')}/collab`,
				document: `plan/${PLAN}`,
				token: viewer.token
			});
			await forger.ready;
			const awareness = forger.provider.awareness;
			if (!awareness) throw new Error('the provider carries no awareness');
			awareness.setLocalState({
				user: {
					id: coord.user.id,
					name: coord.user.displayName,
					agencyId: coord.user.agencyId,
					color: 'url(https://evil.example/x.png)'
				},
				card: null,
				typing: null
			});
			const peer = page.locator(`[data-testid="peer"][data-user="${viewer.user.id}"]`);
			await peer.waitFor({ timeout: 5000 });
			expect(await peer.locator('.name').textContent()).toBe(viewer.user.displayName);
			expect(await page.getByTestId('presence').textContent()).not.toContain(
				coord.user.displayName
			);
			const background = await peer.locator('.avatar').getAttribute('style');
			expect(background).not.toContain('url(');

			// A number as the name: the server replaces it, and nothing on the page breaks.
			awareness.setLocalState({ user: { id: coord.user.id, name: 42 }, card: 'x', typing: 7 });
			await page.waitForTimeout(300);
			expect(await peer.locator('.name').textContent()).toBe(viewer.user.displayName);
			expect(await page.locator(`[data-testid="peer"][data-user="${coord.user.id}"]`).count()).toBe(
				0
			);
			expect(errors).toEqual([]);
		} finally {
			forger?.destroy();
		}
	});
});

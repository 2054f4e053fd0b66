import { describe, expect, it } from 'vitest';
import { closeEndsSession, refusalEndsSession, signInPath } from './session-end';

describe('session end', () => {
	it('ends the session on close code 4401 only', () => {
		expect(closeEndsSession({ code: 4401 })).toBe(true);
		for (const code of [1000, 1006, 1009, 4400, 4403, 4408, 4422, 4429, 4507])
			expect(closeEndsSession({ code })).toBe(false);
		expect(closeEndsSession(undefined)).toBe(false);
	});

	it('ends the session on an unauthorized refusal, not on a refused document', () => {
		expect(refusalEndsSession('unauthorized')).toBe(true);
		expect(refusalEndsSession('forbidden')).toBe(false);
		expect(refusalEndsSession('newer-schema')).toBe(false);
		expect(refusalEndsSession(undefined)).toBe(false);
	});

	it('links to sign-in with the page (path and query) to come back to', () => {
		const url = new URL('http://localhost:3000/plans/gia-lai-2024?scope=all&card=a/b#x');
		const path = signInPath(url);
		expect(path).toBe('/login?next=%2Fplans%2Fgia-lai-2024%3Fscope%3Dall%26card%3Da%2Fb');
		expect(new URL(path, url).searchParams.get('next')).toBe(
			'/plans/gia-lai-2024?scope=all&card=a/b'
		);
	});
});

import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE, blankSessionCookie, parseCookieHeader, sessionCookie } from './cookies.js';

describe('session cookie', () => {
	const expiresAt = new Date('2025-03-01T12:00:00Z');

	it('sets HttpOnly, SameSite=Lax, Path=/ and Expires, plus Secure only when asked', () => {
		const plain = sessionCookie({ token: 'abc.def', expiresAt, secure: false });
		expect(plain).toBe(
			'planboard_session=abc.def; HttpOnly; SameSite=Lax; Path=/; Expires=Sat, 01 Mar 2025 12:00:00 GMT'
		);
		expect(plain).not.toContain('Secure');
		expect(sessionCookie({ token: 'abc.def', expiresAt, secure: true })).toBe(`${plain}; Secure`);
	});

	it('blanks the cookie with Max-Age=0', () => {
		expect(blankSessionCookie({ secure: false })).toBe(
			'planboard_session=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0'
		);
		expect(blankSessionCookie({ secure: true })).toMatch(/; Secure$/);
	});

	it('parses a Cookie header, first occurrence winning', () => {
		const cookies = parseCookieHeader(
			`theme=dark; ${SESSION_COOKIE}=a.b; ${SESSION_COOKIE}=c.d; q="x%20y"; junk; =v`
		);
		expect(cookies.get(SESSION_COOKIE)).toBe('a.b');
		expect(cookies.get('theme')).toBe('dark');
		expect(cookies.get('q')).toBe('x y');
		expect(cookies.size).toBe(3);
		expect(parseCookieHeader(undefined).size).toBe(0);
	});
});

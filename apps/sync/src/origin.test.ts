import { describe, expect, it } from 'vitest';
import { originAllowed } from './origin.js';

describe('originAllowed', () => {
	const own = { host: 'planboard.test:3000', allowed: null };

	it('accepts the server own origin and clients that send none', () => {
		expect(originAllowed({ ...own, origin: 'http://planboard.test:3000' })).toBe(true);
		expect(originAllowed({ ...own, origin: undefined })).toBe(true);
		expect(
			originAllowed({
				host: 'planboard.test',
				secure: true,
				allowed: null,
				origin: 'https://planboard.test:443'
			})
		).toBe(true);
	});

	it('compares the scheme as well as the host', () => {
		expect(originAllowed({ ...own, origin: 'https://planboard.test:3000' })).toBe(false);
		expect(originAllowed({ ...own, secure: true, origin: 'http://planboard.test:3000' })).toBe(
			false
		);
		expect(originAllowed({ ...own, origin: 'ws://planboard.test:3000' })).toBe(false);
	});

	it('refuses other hosts, ports and unreadable origins', () => {
		expect(originAllowed({ ...own, origin: 'http://evil.example' })).toBe(false);
		expect(originAllowed({ ...own, origin: 'http://planboard.test:3001' })).toBe(false);
		expect(originAllowed({ ...own, origin: 'null' })).toBe(false);
		expect(originAllowed({ ...own, host: undefined, origin: 'http://planboard.test:3000' })).toBe(
			false
		);
	});

	it('checks a configured list by scheme, host and port', () => {
		const allowed = ['https://planboard.example.vn'];
		expect(originAllowed({ host: 'x', allowed, origin: 'https://planboard.example.vn' })).toBe(
			true
		);
		expect(originAllowed({ host: 'x', allowed, origin: 'https://PLANBOARD.example.vn/' })).toBe(
			true
		);
		expect(originAllowed({ host: 'x', allowed, origin: 'http://planboard.example.vn' })).toBe(
			false
		);
	});
});

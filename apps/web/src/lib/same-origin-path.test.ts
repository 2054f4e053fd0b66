import { describe, expect, it } from 'vitest';
import { sameOriginPath } from './same-origin-path';

const origin = 'http://planboard.test:3000';
const to = (target: string | null) => sameOriginPath({ target, origin });

describe('sameOriginPath', () => {
	it('keeps paths of this site with their query and fragment', () => {
		expect(to('/plans/gia-lai-2024?agency=bdbp#c1')).toBe('/plans/gia-lai-2024?agency=bdbp#c1');
		expect(to('http://planboard.test:3000/admin')).toBe('/admin');
		expect(to('plans/x')).toBe('/plans/x');
	});

	it('sends every way of naming another site, or another scheme, to the fallback', () => {
		for (const evil of [
			'/\\evil.example',
			'\\\\evil.example',
			'//evil.example',
			'///evil.example',
			'https://evil.example/',
			'https:evil.example',
			'http://planboard.test:3001/',
			'https://planboard.test:3000/',
			'javascript:alert(1)',
			'JaVaScRiPt:alert(1)',
			'data:text/html,<script>alert(1)</script>',
			'/\t/evil.example',
			'http://evil.example@planboard.test:3000.evil.example/'
		]) {
			expect(to(evil), evil).toBe('/');
		}
	});

	it('never returns a scheme-relative path, even when the resolved path starts with two slashes', () => {
		expect(to('/./\\evil.example')).toBe('/evil.example');
		expect(to('/%5Cevil.example')).toBe('/%5Cevil.example');
		expect(to('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
	});

	it('falls back on nothing at all', () => {
		expect(to(null)).toBe('/');
		expect(to('')).toBe('/');
		expect(sameOriginPath({ target: '//x', origin, fallback: '/login' })).toBe('/login');
	});
});

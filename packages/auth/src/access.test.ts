import { describe, expect, it } from 'vitest';
import { ROLES, documentAccess } from './access.js';
import { agencyDocName, parseDocName, planDocName } from './doc-names.js';

describe('document names', () => {
	it('builds and parses both shapes', () => {
		expect(planDocName('p-2025')).toBe('plan/p-2025');
		expect(agencyDocName({ planId: 'p-2025', agencyId: 'so-yte' })).toBe(
			'plan/p-2025/agency/so-yte'
		);
		expect(parseDocName('plan/p-2025')).toEqual({ kind: 'plan', planId: 'p-2025' });
		expect(parseDocName('plan/p-2025/agency/so-yte')).toEqual({
			kind: 'agency',
			planId: 'p-2025',
			agencyId: 'so-yte'
		});
	});

	it('rejects anything else', () => {
		for (const name of [
			'',
			'plan',
			'plan/',
			'plan/P',
			'plan/a/agency',
			'plan/a/agency/',
			'plan/a/x/b',
			'plan/a/agency/b/c',
			'board/a',
			`plan/${'a'.repeat(65)}`,
			'plan/a b'
		]) {
			expect(parseDocName(name)).toBeNull();
		}
		expect(() => planDocName('Bad')).toThrow(RangeError);
		expect(() => agencyDocName({ planId: 'p', agencyId: '../x' })).toThrow(RangeError);
	});
});

describe('documentAccess', () => {
	const plan = 'plan/p';
	const own = 'plan/p/agency/a1';
	const other = 'plan/p/agency/a2';
	const table: Record<string, [string, string, string, string]> = {
		//                        plan     own      other    unknown
		admin: ['write', 'write', 'write', 'none'],
		coordinator: ['write', 'write', 'write', 'none'],
		officer: ['read', 'write', 'read', 'none'],
		viewer: ['read', 'read', 'read', 'none']
	};

	it.each(ROLES)('gives %s the expected access', (role) => {
		const user = { role, agencyId: 'a1' };
		const got = [plan, own, other, 'plan/p/notes'].map((document) =>
			documentAccess({ user, document })
		);
		expect(got).toEqual(table[role]);
	});

	it('gives an officer without an agency read access only, and unknown roles nothing', () => {
		expect(documentAccess({ user: { role: 'officer', agencyId: null }, document: own })).toBe(
			'read'
		);
		expect(documentAccess({ user: { role: 'root', agencyId: 'a1' }, document: plan })).toBe('none');
	});
});

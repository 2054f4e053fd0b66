import { describe, expect, it } from 'vitest';
import { ROLES, documentAccess } from './access.js';

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

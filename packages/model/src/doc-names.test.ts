import { describe, expect, it } from 'vitest';
import { agencyDocName, isDocId, parseDocName, planDocName } from './doc-names.js';
import { asAgencyId, asPlanId } from './ids.js';

describe('document names', () => {
	it('names and parses the plan and agency documents', () => {
		expect(planDocName('kh-2025')).toBe('plan/kh-2025');
		const name = agencyDocName({ planId: 'kh-2025', agencyId: 'so-tttt' });
		expect(name).toBe('plan/kh-2025/agency/so-tttt');
		expect(parseDocName(name)).toEqual({ kind: 'agency', planId: 'kh-2025', agencyId: 'so-tttt' });
		expect(parseDocName('plan/kh-2025')).toEqual({ kind: 'plan', planId: 'kh-2025' });
	});

	it('accepts exactly the ids the model accepts', () => {
		// Ids the model mints or accepts (upper case, dots, 128 characters) name documents too.
		for (const id of ['A.1', 'x'.repeat(128), 'sở-tttt', '0123456789abcdef']) {
			expect(isDocId(id)).toBe(true);
			expect(() => asPlanId(id)).not.toThrow();
			expect(parseDocName(agencyDocName({ planId: id, agencyId: id }))).toEqual({
				kind: 'agency',
				planId: id,
				agencyId: id
			});
		}
		for (const id of ['', 'a/b', 'a b', 'x'.repeat(129), 'tab\there']) {
			expect(isDocId(id)).toBe(false);
			expect(() => asAgencyId(id)).toThrow();
			expect(() => planDocName(id)).toThrow(RangeError);
		}
	});

	it('refuses names of any other shape', () => {
		for (const name of [
			'',
			'plan',
			'plan/',
			'plan/a/agency/',
			'board/p',
			'plan/p/agency',
			'plan/p/agency/a/x',
			'plan/p/other/a',
			'plan/a b',
			`plan/${'a'.repeat(129)}`
		]) {
			expect(parseDocName(name)).toBeNull();
		}
		expect(() => agencyDocName({ planId: 'p', agencyId: '../x' })).toThrow(RangeError);
	});
});

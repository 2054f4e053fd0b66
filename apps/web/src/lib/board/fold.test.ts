import { describe, expect, it } from 'vitest';
import { fold, matchesQuery } from './fold';

describe('fold', () => {
	it('strips Vietnamese diacritics and đ, and lowercases', () => {
		expect(fold('Sở TT&TT')).toBe('so tttt');
		expect(fold('Huyện  Đức Cơ')).toBe('huyen duc co');
	});
	it('matches every word of the query regardless of marks and case', () => {
		expect(matchesQuery('Sở Thông tin và Truyền thông (Sở TT&TT)', 'so tttt')).toBe(true);
		expect(matchesQuery('Sở Tài chính', 'so tttt')).toBe(false);
		expect(matchesQuery('Ủy ban nhân dân huyện Đức Cơ', 'duc co')).toBe(true);
		expect(matchesQuery('Ủy ban nhân dân huyện Đức Cơ', 'ia grai')).toBe(false);
	});
});

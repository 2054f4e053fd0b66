import { describe, expect, it } from 'vitest';
import { agencyKey, foldChars, foldVietnamese } from './fold.js';

describe('foldVietnamese', () => {
	it('drops case, diacritics and đ, and collapses spaces', () => {
		expect(foldVietnamese('  Đơn vị  PHỐI   hợp ')).toBe('don vi phoi hop');
	});
	it('folds tone-placement variants and NFD alike', () => {
		expect(foldVietnamese('Uỷ ban')).toBe(foldVietnamese('Ủy ban'));
		expect(foldVietnamese('hoá')).toBe(foldVietnamese('hóa'));
		expect(foldVietnamese('Sở Văn hóa'.normalize('NFD'))).toBe('so van hoa');
	});
});

describe('foldChars', () => {
	it('keeps indexes of NFC text', () => {
		const s = 'Đơn vị chủ trì: Sở Tài chính';
		expect(foldChars(s)).toHaveLength(s.length);
		expect(foldChars(s).indexOf('chu tri')).toBe(s.indexOf('chủ trì'));
	});
});

describe('agencyKey', () => {
	it('ignores punctuation and spells out UBND', () => {
		expect(agencyKey('UBND huyện Đức Cơ')).toBe(agencyKey('Ủy ban nhân dân huyện Đức  Cơ'));
		expect(agencyKey('Sở TT&TT')).toBe('so tt tt');
	});
});

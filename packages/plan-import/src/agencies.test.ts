import { describe, expect, it } from 'vitest';
import { splitAgencies } from './agency-list.js';
import { matchAgency } from './agencies.js';
import { loadGiaLaiDirectory } from './directory.js';

const directory = loadGiaLaiDirectory();

describe('splitAgencies', () => {
	it('keeps names and groups that contain commas whole', () => {
		expect(
			splitAgencies(
				'Các sở, ban, ngành, đoàn thể của tỉnh; Sở Văn hóa, Thể thao và Du lịch, Ủy ban nhân dân các huyện, thị xã, thành phố.'
			)
		).toEqual([
			'Các sở, ban, ngành, đoàn thể của tỉnh',
			'Sở Văn hóa, Thể thao và Du lịch',
			'Ủy ban nhân dân các huyện, thị xã, thành phố'
		]);
	});
	it('splits "," and "và" before an agency name', () => {
		expect(splitAgencies('Sở Tài chính và Sở Kế hoạch và Đầu tư, Công an tỉnh')).toEqual([
			'Sở Tài chính',
			'Sở Kế hoạch và Đầu tư',
			'Công an tỉnh'
		]);
	});
	it('expands an enumerated group into one mention per member', () => {
		expect(
			splitAgencies('Ủy ban nhân dân các huyện biên giới: Đức Cơ, Chư Prông và Ia Grai')
		).toEqual([
			'Ủy ban nhân dân huyện Đức Cơ',
			'Ủy ban nhân dân huyện Chư Prông',
			'Ủy ban nhân dân huyện Ia Grai'
		]);
	});
});

describe('Gia Lai directory', () => {
	it('has the 17 district-level units with stable ids', () => {
		const districts = directory.agencies.filter((a) => a.kind === 'district');
		expect(districts).toHaveLength(17);
		expect(districts.map((d) => d.id)).toContain('ubnd-duc-co');
		expect(new Set(directory.agencies.map((a) => a.id)).size).toBe(directory.agencies.length);
		for (const g of directory.groups)
			for (const m of g.members) expect(directory.agencies.some((a) => a.id === m)).toBe(true);
	});
	it('records the 2025 merger of Sở TT&TT and Sở KH&ĐT', () => {
		const ids = directory.agencies.filter((a) => a.validTo === '2025-02-28').map((a) => a.id);
		expect(ids).toEqual(expect.arrayContaining(['so-tttt', 'so-khdt']));
	});
});

describe('matchAgency', () => {
	it('ignores case, diacritics, spacing and tone placement', () => {
		expect(matchAgency(directory, 'Bộ Chỉ huy Bộ đội biên phòng tỉnh').agencyId).toBe('bch-bdbp');
		expect(matchAgency(directory, 'Bộ Chỉ huy Bộ đội biên phòng tỉnh Gia Lai').agencyId).toBe(
			'bch-bdbp'
		);
		expect(matchAgency(directory, 'Uỷ ban nhân dân huyện  Đức Cơ').agencyId).toBe('ubnd-duc-co');
		expect(matchAgency(directory, 'SỞ VĂN HOÁ, THỂ THAO VÀ DU LỊCH').agencyId).toBe('so-vhttdl');
		expect(matchAgency(directory, 'Sở TT&TT').agencyId).toBe('so-tttt');
		expect(matchAgency(directory, 'Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh').agencyId).toBe(
			'ubmttq'
		);
	});
	it('resolves groups with their members', () => {
		const ref = matchAgency(directory, 'UBND các huyện, thị xã, thành phố');
		expect(ref.groupId).toBe('ubnd-cap-huyen');
		expect(ref.memberIds).toHaveLength(17);
		expect(
			matchAgency(directory, 'Các cơ quan thông tấn báo chí hoạt động trên địa bàn tỉnh').groupId
		).toBe('co-quan-bao-chi');
	});
	it('keeps unknown names with null ids, and works with an empty directory', () => {
		expect(matchAgency(directory, 'Báo Tuyên Quang')).toEqual({
			text: 'Báo Tuyên Quang',
			agencyId: null,
			groupId: null,
			memberIds: []
		});
		expect(matchAgency({ province: '', agencies: [], groups: [] }, 'Sở Y tế').agencyId).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures/fixtures.js';
import { splitAgencies } from './agency-list.js';
import { matchAgency } from './agencies.js';
import { loadGiaLaiDirectory } from './directory.js';
import { parsePlan } from './parse.js';
import type { AgencyDirectory } from './types.js';

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

describe('matchAgency on another province (Quảng Trị 2026)', () => {
	const quangTri = JSON.parse(fixture('quang-tri-2026.directory.json')) as AgencyDirectory;
	const id = (text: string, dir: AgencyDirectory = quangTri) => {
		const ref = matchAgency(dir, text);
		return ref.agencyId ?? ref.groupId;
	};

	it('ignores case, diacritics and spacing', () => {
		expect(id('SỞ VĂN HOÁ,  THỂ THAO VÀ DU LỊCH')).toBe('so-vhttdl');
		expect(id('So Van hoa, The thao va Du lich')).toBe('so-vhttdl');
		expect(id('Báo và Phát thanh,Truyền hình  Quảng Trị')).toBe('bao-ptth');
		expect(id('uy ban nhan dan cac xa, phuong, dac khu')).toBe('ubnd-cap-xa');
		expect(id('UBND đặc khu Cồn Cỏ')).toBe('ubnd-con-co');
	});

	it('never maps a name onto a different agency', () => {
		expect(id('Báo và Phát thanh, Truyền hình Quảng Trị', directory)).toBeNull();
		expect(id('Báo Gia Lai')).toBeNull();
		expect(id('Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Trị', directory)).toBeNull();
		expect(id('Sở Văn hóa và Thể thao')).toBeNull();
		expect(id('Ủy ban nhân dân xã Hướng Lập')).toBeNull();
		const withBorder: AgencyDirectory = {
			province: 'Gia Lai',
			agencies: directory.agencies,
			groups: [
				...directory.groups,
				{
					id: 'ubnd-huyen-bien-gioi',
					name: 'Ủy ban nhân dân các huyện biên giới',
					members: ['ubnd-duc-co', 'ubnd-chu-prong', 'ubnd-ia-grai']
				}
			]
		};
		expect(id('UBND các huyện biên giới', withBorder)).toBe('ubnd-huyen-bien-gioi');
		expect(id('Ủy ban nhân dân các xã biên giới', withBorder)).toBeNull();
	});

	it('keeps groups as groups with their members', () => {
		const communes = matchAgency(quangTri, 'UBND các xã, phường, đặc khu');
		expect(communes).toMatchObject({ agencyId: null, groupId: 'ubnd-cap-xa' });
		expect(communes.memberIds).toEqual([
			'ubnd-huong-phung',
			'ubnd-lia',
			'ubnd-dong-ha',
			'ubnd-con-co'
		]);
		const departments = matchAgency(quangTri, 'các sở, ban, ngành');
		expect(departments.groupId).toBe('so-ban-nganh');
		expect(departments.memberIds).toHaveLength(6);
		expect(matchAgency(directory, 'các sở, ban, ngành').groupId).toBe('so-ban-nganh');
	});

	it('keeps an unknown name in the plan as written, with null ids and a warning', () => {
		const plan = parsePlan(fixture('quang-tri-2026-prose.txt'), { directory: quangTri });
		const task = plan.tasks.find((t) => t.number === 'II.5')!;
		expect(task.coordinating).toEqual(['Sở Nội vụ', 'Ủy ban nhân dân các xã biên giới']);
		expect(task.coordinatingRefs[1]).toEqual({
			text: 'Ủy ban nhân dân các xã biên giới',
			agencyId: null,
			groupId: null,
			memberIds: []
		});
		expect(plan.warnings).toContainEqual({
			line: task.line,
			message: 'Unknown agency "Ủy ban nhân dân các xã biên giới" (kept as written)'
		});
		expect(plan.tasks[0].coordinatingRefs.map((r) => r.agencyId ?? r.groupId)).toEqual([
			'vp-ubnd',
			'so-tai-chinh',
			'ubnd-cap-xa'
		]);
		expect(plan.tasks[1].coordinatingRefs.map((r) => r.agencyId)).toEqual(['bao-ptth', 'hoi-lhpn']);
	});
});

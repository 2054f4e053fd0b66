import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadGiaLaiDirectory, validityWarnings, parsePlan } from '@planboard/plan-import';
import { describe, expect, it } from 'vitest';
import { DirectoryError } from './agency-rules.js';
import { migrate, migrations } from './migrations.js';
import { openStore } from './open.js';
import { BACKENDS, useTempStore } from './test-store.js';

describe.each(BACKENDS)('%s', (backend) => {
	const t = useTempStore(backend);
	const gialai = loadGiaLaiDirectory();

	function refusal(fn: () => unknown): DirectoryError {
		try {
			fn();
		} catch (error) {
			if (error instanceof DirectoryError) return error;
			throw error;
		}
		throw new Error('expected a DirectoryError');
	}

	describe('agency directory', () => {
		it('seeds once from the bundled directory and gives it back unchanged', () => {
			expect(t.store.agencies.province()).toBeNull();
			expect(t.store.agencies.seed(gialai)).toBe(true);
			const { province, agencies, groups } = gialai;
			expect(t.store.agencies.toDirectory()).toEqual({ province, agencies, groups });
			expect(t.store.agencies.get('so-tttt')?.successorIds).toEqual(['so-khcn', 'so-vhttdl']);

			expect(t.store.agencies.seed({ province: 'Khác', agencies: [], groups: [] })).toBe(false);
			expect(t.store.agencies.list()).toHaveLength(agencies.length);
			expect(t.store.agencies.province()).toBe('Gia Lai');
		});

		it('gives the directory of a day: agencies that existed then, groups with those members', () => {
			t.store.agencies.seed(gialai);
			const before = t.store.agencies.toDirectory('2025-02-28');
			expect(before.agencies.map((a) => a.id)).toContain('so-tttt');
			const after = t.store.agencies.toDirectory('2025-07-01');
			const ids = after.agencies.map((a) => a.id);
			expect(ids).not.toContain('so-tttt');
			expect(ids).not.toContain('ubnd-duc-co');
			expect(ids).toContain('so-khcn');
			// The district group has no member left on 2025-07-01, so it is not in that day's directory.
			expect(after.groups.map((g) => g.id)).not.toContain('ubnd-cap-huyen');
			expect(after.groups.find((g) => g.id === 'so-ban-nganh')?.members).not.toContain('so-khdt');
			expect(() => t.store.agencies.toDirectory('2025-02-30')).toThrow(/NĂM-THÁNG-NGÀY/);
		});

		it('adds an agency with a derived id, a kind of the new local level and a start date', () => {
			t.store.agencies.seed(gialai);
			const ward = t.store.agencies.add({
				name: '  Ủy ban nhân dân   phường Pleiku ',
				shortName: 'UBND phường Pleiku',
				kind: 'ward',
				validFrom: '2025-07-01'
			});
			expect(ward).toEqual({
				id: 'uy-ban-nhan-dan-phuong-pleiku',
				name: 'Ủy ban nhân dân phường Pleiku',
				shortName: 'UBND phường Pleiku',
				kind: 'ward',
				validFrom: '2025-07-01'
			});
			expect(t.store.agencies.list().at(-1)?.id).toBe(ward.id);
			expect(t.store.agencies.add({ name: 'Ủy ban nhân dân phường  Pleiku 2' }).id).toBe(
				'uy-ban-nhan-dan-phuong-pleiku-2'
			);
			expect(t.store.agencies.list({ asOf: '2025-06-30' }).map((a) => a.id)).not.toContain(ward.id);
			expect(
				t.store.agencies.add({ id: 'dac-khu-ly-son', name: 'Đặc khu Lý Sơn', kind: 'special-zone' })
			).toMatchObject({ shortName: 'Đặc khu Lý Sơn', kind: 'special-zone' });
		});

		it('refuses bad names, ids, kinds and dates with a specific message', () => {
			t.store.agencies.seed(gialai);
			const add = (input: Parameters<typeof t.store.agencies.add>[0]) =>
				refusal(() => t.store.agencies.add(input));
			expect(add({ name: '   ' })).toMatchObject({
				code: 'INVALID',
				message: 'Tên đơn vị không được để trống.'
			});
			expect(add({ name: 'Sở\nY tế mới' }).message).toMatch(/ký tự điều khiển/);
			expect(add({ name: 'Sở' + ' dài'.repeat(60) }).message).toMatch(/vượt quá giới hạn 200/);
			expect(add({ name: 'Sở Mới', id: 'Sở Mới' }).message).toMatch(
				/Mã đơn vị "Sở Mới" không hợp lệ/
			);
			expect(add({ name: 'Sở Mới', kind: 'province' }).message).toMatch(/Loại đơn vị "province"/);
			expect(add({ name: 'Sở Mới', validFrom: '1/7/2025' }).message).toMatch(
				/Ngày bắt đầu "1\/7\/2025"/
			);
			expect(add({ name: 'Sở Mới', id: 'so-y-te' })).toMatchObject({ code: 'CONFLICT' });
			// Same name ignoring case and diacritics as a current agency: the importer could not tell them apart.
			expect(add({ name: 'so y te' })).toMatchObject({ code: 'CONFLICT' });
			expect(add({ name: 'so y te' }).message).toContain('Sở Y tế');
			// A district's name is free again once the district has ended.
			expect(
				t.store.agencies.add({ name: 'UBND huyện Đức Cơ', validFrom: '2025-07-01' }).name
			).toBe('UBND huyện Đức Cơ');
			expect(t.store.agencies.list()).toHaveLength(gialai.agencies.length + 1);
		});

		it('renames, keeping the old names as aliases so plans written before still match', () => {
			t.store.agencies.seed(gialai);
			const renamed = t.store.agencies.rename({
				id: 'so-nnptnt',
				name: 'Sở Nông nghiệp và Môi trường',
				shortName: 'Sở NN&MT'
			});
			const before = gialai.agencies.find((a) => a.id === 'so-nnptnt')!;
			expect(renamed.name).toBe('Sở Nông nghiệp và Môi trường');
			expect(renamed.aliases).toEqual([...(before.aliases ?? []), before.name, before.shortName]);
			expect(
				refusal(() => t.store.agencies.rename({ id: 'so-nnptnt', name: 'Sở Y tế' })).code
			).toBe('CONFLICT');
			expect(refusal(() => t.store.agencies.rename({ id: 'nope', name: 'X' })).message).toBe(
				'Không có đơn vị mã "nope".'
			);
		});

		it('retires on a date with successors, and merges one agency into another', () => {
			t.store.agencies.seed(gialai);
			const ended = t.store.agencies.retire({ id: 'so-y-te', on: '2025-07-01' });
			expect(ended.validTo).toBe('2025-06-30');
			expect(ended.successorIds).toBeUndefined();
			expect(t.store.agencies.list({ asOf: '2025-06-30' }).map((a) => a.id)).toContain('so-y-te');
			expect(t.store.agencies.list({ asOf: '2025-07-01' }).map((a) => a.id)).not.toContain(
				'so-y-te'
			);
			expect(
				refusal(() => t.store.agencies.retire({ id: 'so-y-te', on: '2025-08-01' })).message
			).toBe('"Sở Y tế" đã ngừng hoạt động từ 2025-07-01.');

			const commune = t.store.agencies.add({
				id: 'ubnd-xa-duc-co',
				name: 'Ủy ban nhân dân xã Đức Cơ',
				kind: 'commune',
				validFrom: '2025-07-01'
			});
			// A successor must exist on the day the agency ends.
			expect(
				refusal(() =>
					t.store.agencies.retire({ id: 'so-gtvt', on: '2025-06-01', successorIds: [commune.id] })
				).message
			).toMatch(/không hoạt động vào ngày 2025-06-01/);
			// The seed already ends the districts on 2025-07-01; retiring on that day names successors.
			expect(
				t.store.agencies.retire({ id: 'ubnd-duc-co', on: '2025-07-01', successorIds: [commune.id] })
			).toMatchObject({ validTo: '2025-06-30', successorIds: [commune.id] });

			const merged = t.store.agencies.merge({
				id: 'so-tnmt',
				intoId: 'so-nnptnt',
				on: '2025-03-01'
			});
			expect(merged).toMatchObject({ validTo: '2025-02-28', successorIds: ['so-nnptnt'] });
			expect(
				refusal(() =>
					t.store.agencies.merge({ id: 'so-y-te', intoId: 'so-y-te', on: '2025-03-01' })
				).code
			).toBe('INVALID');
			expect(
				refusal(() => t.store.agencies.merge({ id: 'so-y-te', intoId: 'x', on: '2025-03-01' })).code
			).toBe('NOT_FOUND');
			expect(
				refusal(() => t.store.agencies.retire({ id: commune.id, on: '2025-07-01' })).message
			).toMatch(/phải sau ngày bắt đầu 2025-07-01/);
		});

		it('keeps groups: a new group for the communes, agencies joining it as they are added', () => {
			t.store.agencies.seed(gialai);
			const group = t.store.agencies.addGroup({
				name: 'Ủy ban nhân dân các xã, phường, đặc khu',
				aliases: ['UBND các xã, phường, đặc khu']
			});
			expect(group).toEqual({
				id: 'uy-ban-nhan-dan-cac-xa-phuong-dac-khu',
				name: 'Ủy ban nhân dân các xã, phường, đặc khu',
				aliases: ['UBND các xã, phường, đặc khu'],
				members: []
			});
			const commune = t.store.agencies.add({
				name: 'Ủy ban nhân dân xã Ia Dom',
				kind: 'commune',
				validFrom: '2025-07-01',
				groupIds: [group.id]
			});
			const ward = t.store.agencies.add({
				name: 'Ủy ban nhân dân phường Pleiku',
				kind: 'ward',
				validFrom: '2025-07-01',
				groupIds: [group.id, group.id]
			});
			expect(t.store.agencies.toDirectory('2025-07-01').groups.at(-1)?.members).toEqual([
				commune.id,
				ward.id
			]);
			expect(t.store.agencies.toDirectory('2025-06-30').groups.map((g) => g.id)).not.toContain(
				group.id
			);
			const seeded = t.store.agencies.addGroup({
				name: 'Các sở',
				memberIds: ['so-y-te', 'so-gddt']
			});
			expect(seeded.members).toEqual(['so-y-te', 'so-gddt']);

			expect(
				refusal(() => t.store.agencies.add({ name: 'Xã Mới', groupIds: ['khong-co'] })).message
			).toBe('Không có nhóm mã "khong-co".');
			expect(t.store.agencies.get('xa-moi')).toBeNull();
			expect(
				refusal(() => t.store.agencies.addGroup({ name: 'ubnd cac xa, phuong, dac khu' })).code
			).toBe('CONFLICT');
			expect(
				refusal(() => t.store.agencies.addGroup({ name: 'Nhóm', memberIds: ['x'] })).code
			).toBe('NOT_FOUND');
		});

		it('feeds the importer: a plan dated after a merger is warned with the successor', () => {
			t.store.agencies.seed(gialai);
			t.store.agencies.merge({ id: 'so-tnmt', intoId: 'so-nnptnt', on: '2025-03-01' });
			const directory = t.store.agencies.toDirectory();
			const plan = parsePlan(
				'Gia Lai, ngày 5 tháng 9 năm 2025\nKẾ HOẠCH\nThử\nII. NỘI DUNG\n1. Trồng rừng. Chủ trì: Sở Tài nguyên và Môi trường. Thời gian: tháng 10/2025.\n',
				{ directory }
			);
			expect(plan.tasks[0].leadRefs[0].agencyId).toBe('so-tnmt');
			expect(validityWarnings(plan, directory).map((w) => w.message)).toEqual([
				expect.stringContaining(
					'its successor: "Sở Nông nghiệp và Phát triển nông thôn" (so-nnptnt)'
				)
			]);
		});

		// SQLite's own history: PostgreSQL starts at the current schema (pg-migrations.ts).
		it.runIf(backend === 'sqlite')(
			'migrates a version 1 database and keeps the directory across reopening',
			() => {
				const dir = mkdtempSync(join(tmpdir(), 'planboard-agencies-'));
				try {
					const path = join(dir, 'old.db');
					const raw = new Database(path);
					migrate({ db: raw, migrations: migrations.slice(0, 1) });
					raw
						.prepare(
							"INSERT INTO plans (id, title, year, source_json, created_at) VALUES ('p', 'P', 2024, '{}', 0)"
						)
						.run();
					raw.close();
					const store = openStore({ path });
					expect(store.plans.list().map((p) => p.id)).toEqual(['p']);
					expect(store.agencies.seed(gialai)).toBe(true);
					store.agencies.rename({ id: 'so-y-te', name: 'Sở Y tế tỉnh Gia Lai' });
					store.close();
					const again = openStore({ path });
					expect(again.agencies.get('so-y-te')?.aliases).toContain('Sở Y tế');
					again.close();
				} finally {
					rmSync(dir, { recursive: true, force: true });
				}
			}
		);
	});
});

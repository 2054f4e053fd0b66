import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agencyDocName, planDocName } from '@planboard/model';
import { readAgencies, readCards, readContributions, readTasks } from '@planboard/model';
import { loadGiaLaiDirectory, PlanImportError } from '@planboard/plan-import';
import type { Store } from '@planboard/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tempDir } from '../../../tests/support/harness.js';
import { storedRows } from '../../../tests/support/stored.js';
import { AgencyMappingError, boardPreview, importBoard, newPlanId, readDocument } from './index.js';
import { openTestStore } from '../../../tests/support/test-database.js';

const PLAN = readFileSync(new URL('./fixtures/bien-gioi-2025.txt', import.meta.url));
const LE_THANH = 'Đồn Biên phòng Cửa khẩu quốc tế Lệ Thanh';
const TRUNG_TAM = 'Trung tâm Văn hóa cộng đồng biên giới';

let tmp: ReturnType<typeof tempDir>;
let store: Store;

beforeEach(() => {
	tmp = tempDir('planboard-boards-');
	store = openTestStore({ path: join(tmp.dir, 'planboard.db') });
	// As `planboard init` does: the installation's directory starts as the bundled one.
	store.agencies.seed(loadGiaLaiDirectory());
});
afterEach(() => {
	store.close();
	tmp.cleanup();
});

const stored = (document: string): Y.Doc => readDocument(store, document);

/** Every row of every table, to show that a failed import wrote nothing. */
const everything = () => storedRows(store);

describe('importBoard', () => {
	it('creates a board under a fresh id from the title and year, with its documents', async () => {
		const { summary, created } = await importBoard({ store, bytes: PLAN, source: 'kh.txt' });
		expect(created).toBe(true);
		expect(summary).toEqual({
			id: 'tuyen-truyen-ve-chu-quyen-bien-gioi-quoc-gia-2025',
			title: 'Kế hoạch tuyên truyền về chủ quyền biên giới quốc gia năm 2025',
			tasks: 3,
			agencies: expect.any(Number),
			warnings: [
				{ line: 13, message: expect.stringContaining(LE_THANH) },
				{ line: 14, message: expect.stringContaining(TRUNG_TAM) }
			]
		});
		expect(store.plans.get(summary.id)?.year).toBe(2025);
		const agencies = store.plans.agencies(summary.id).map((a) => a.id);
		expect(agencies).toHaveLength(summary.agencies);
		expect(agencies).toEqual(expect.arrayContaining(['bch-bdbp', 'so-tttt', 'ubnd-duc-co']));
		const planDoc = stored(planDocName(summary.id));
		expect(readTasks(planDoc).map((t) => t.number)).toEqual(['II.1', 'II.2', 'II.3', 'III.1']);
		const bdbp = stored(agencyDocName({ planId: summary.id, agencyId: 'bch-bdbp' }));
		expect(readCards(bdbp).map((c) => c.taskId)).toEqual(['ii-1']);
		// A second board from the same file gets the next free id; the first is untouched.
		const again = await importBoard({ store, bytes: PLAN, source: 'kh.txt' });
		expect(again.summary.id).toBe(`${summary.id}-2`);
		expect(store.plans.list()).toHaveLength(2);
	});

	it('applies mappings: onto a directory agency, or a new directory agency under its own name', async () => {
		const { summary } = await importBoard({
			store,
			bytes: PLAN,
			source: 'kh.txt',
			mappings: {
				[LE_THANH]: { agencyId: 'bch-bdbp' },
				[TRUNG_TAM]: { newAgency: 'Trung tâm Văn hóa - Thông tin biên giới' }
			}
		});
		const bdbp = stored(agencyDocName({ planId: summary.id, agencyId: 'bch-bdbp' }));
		expect(readCards(bdbp).map((c) => c.taskId)).toEqual(['ii-1', 'ii-2']);
		const agencies = readAgencies(stored(planDocName(summary.id)));
		expect(agencies.map((a) => a.name)).not.toContain(LE_THANH);
		const added = agencies.find((a) => a.name === 'Trung tâm Văn hóa - Thông tin biên giới');
		expect(added?.id).toBe('trung-tam-van-hoa-thong-tin-bien-gioi');
		// It joined the installation's directory, so officers can be given that agency.
		expect(store.agencies.get(added!.id)?.name).toBe('Trung tâm Văn hóa - Thông tin biên giới');
		const lane = stored(agencyDocName({ planId: summary.id, agencyId: added!.id }));
		expect(readCards(lane).map((c) => c.taskId)).toEqual(['ii-3']);
		// Đức Cơ coordinates II.2 and II.3: its contribution entries are there at once.
		const ducCo = stored(agencyDocName({ planId: summary.id, agencyId: 'ubnd-duc-co' }));
		expect(readContributions(ducCo).map((c) => c.taskId)).toEqual(['ii-2', 'ii-3']);
	});

	it('answers a dry run with the preview and stores nothing', async () => {
		const before = everything();
		const result = await importBoard({ store, bytes: PLAN, source: 'kh.txt', dryRun: true });
		expect(result.created).toBe(false);
		const preview = boardPreview({ store, result });
		expect(preview.id).toBe('tuyen-truyen-ve-chu-quyen-bien-gioi-quoc-gia-2025');
		expect(preview.sections.map((s) => [s.number, s.tasks.map((t) => t.number)])).toEqual([
			['II', ['II.1', 'II.2', 'II.3']],
			['III', ['III.1']]
		]);
		expect(preview.sections[1].tasks[0].due).toBe('2025-12-15');
		expect(preview.mentions.find((m) => m.text === LE_THANH)).toEqual({
			text: LE_THANH,
			match: { kind: 'unknown' },
			lines: [13]
		});
		expect(preview.mentions.find((m) => m.text === 'Ủy ban nhân dân huyện Đức Cơ')).toEqual({
			text: 'Ủy ban nhân dân huyện Đức Cơ',
			match: { kind: 'agency', id: 'ubnd-duc-co', name: expect.stringContaining('Đức Cơ') },
			lines: [13, 14]
		});
		expect((preview.plan as { tasks: unknown[] }).tasks).toHaveLength(3);
		expect(everything()).toBe(before);
	});

	it('writes nothing when the file is not a plan or a mapping is wrong', async () => {
		await importBoard({ store, bytes: PLAN, source: 'kh.txt' });
		const before = everything();
		await expect(
			importBoard({ store, bytes: new Uint8Array([0, 1, 2, 255, 0, 7]), source: 'x.txt' })
		).rejects.toBeInstanceOf(PlanImportError);
		await expect(
			importBoard({
				store,
				bytes: new TextEncoder().encode('Danh sách đi chợ\n- rau\n- cá\n'),
				source: 'cho.txt'
			})
		).rejects.toBeInstanceOf(PlanImportError);
		await expect(
			importBoard({
				store,
				bytes: PLAN,
				source: 'kh.txt',
				mappings: { [LE_THANH]: { agencyId: 'khong-co' } }
			})
		).rejects.toBeInstanceOf(AgencyMappingError);
		// A new agency whose name the directory already has is refused with the directory's reason.
		await expect(
			importBoard({
				store,
				bytes: PLAN,
				source: 'kh.txt',
				mappings: { [LE_THANH]: { newAgency: 'Báo Gia Lai' } }
			})
		).rejects.toThrow(/Báo Gia Lai/);
		// An agency added before a later mapping fails is rolled back with the board.
		await expect(
			importBoard({
				store,
				bytes: PLAN,
				source: 'kh.txt',
				mappings: {
					[LE_THANH]: { newAgency: 'Đồn Biên phòng Lệ Thanh' },
					[TRUNG_TAM]: { agencyId: 'khong-co' }
				}
			})
		).rejects.toBeInstanceOf(AgencyMappingError);
		expect(everything()).toBe(before);
	});
});

describe('newPlanId', () => {
	it('drops "Kế hoạch" and the written year, cuts at a word, and never reuses an id', async () => {
		expect(newPlanId({ store, title: 'Kế hoạch', year: 2026 })).toBe('ke-hoach-2026');
		const long =
			'Kế hoạch hoạt động thông tin đối ngoại năm 2024 trên địa bàn tỉnh Gia Lai và các tỉnh lân cận';
		const id = newPlanId({ store, title: long, year: 2024 });
		expect(id).toBe('hoat-dong-thong-tin-doi-ngoai-tren-dia-ban-tinh-2024');
		expect(id.length).toBeLessThanOrEqual(64);
		const { summary } = await importBoard({ store, bytes: PLAN, source: 'kh.txt' });
		expect(newPlanId({ store, title: summary.title, year: 2025 })).toBe(`${summary.id}-2`);
	});
});

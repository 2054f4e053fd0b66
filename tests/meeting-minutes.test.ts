import { join } from 'node:path';
import { meetingChanges, sqliteDocumentStore, type HistoryReader } from '@planboard/boards';
import {
	addTask,
	initAgencyDoc,
	initPlanDoc,
	newAgendaItem,
	readMeeting,
	recordParticipant,
	setCurrentItem,
	setStatus,
	startMeeting,
	taskTitleText,
	updateTask
} from '@planboard/model';
import { readPackageParts, toMinutesDocx } from '@planboard/report';
import type { Store } from '@planboard/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { A, T, gialaiSeed } from '../packages/model/src/test-fixtures.js';
import { tempDir } from './support/harness.js';
import { officeConvert } from './support/office.js';
import { openTestStore } from './support/test-database.js';

const seed = gialaiSeed();
const PLAN = `plan/${seed.planId}`;
const BDBP = `plan/${seed.planId}/agency/${A.bdbp}`;

let tmp: ReturnType<typeof tempDir>;
let store: Store;
let clock: number;
let chair: string;
let lan: string;

beforeEach(() => {
	tmp = tempDir('planboard-minutes-');
	clock = Date.parse('2024-06-03T01:30:00Z'); // 08:30 in Vietnam
	store = openTestStore({ path: join(tmp.dir, 'planboard.db'), now: () => clock });
	const user = (
		username: string,
		displayName: string,
		role: 'coordinator' | 'officer',
		agencyId: string
	) => store.users.create({ username, displayName, role, agencyId, passwordHash: 'x' }).id;
	chair = user('sotttt', 'Nguyễn Văn Chủ Trì', 'coordinator', A.stttt);
	lan = user('bdbp', 'Trần Thị Lan', 'officer', A.bdbp);
});
afterEach(() => {
	store.close();
	tmp.cleanup();
});

const reader = (): HistoryReader => ({ documents: sqliteDocumentStore(store), users: store.users });

/** Runs `fn` on a live document and logs each update it makes as `userId`, `minutes` later. */
function write(doc: Y.Doc, name: string, userId: string | null, minutes: number, fn: () => void) {
	clock += minutes * 60_000;
	const log = (update: Uint8Array) => store.updates.append({ document: name, update, userId });
	doc.on('update', log);
	fn();
	doc.off('update', log);
}

describe('meeting minutes', () => {
	it('record participants by agency, each agenda item with its changes (who, before, after) and the tasks added, and open in LibreOffice', async () => {
		const plan = new Y.Doc();
		const bdbp = new Y.Doc();
		write(plan, PLAN, null, 0, () => initPlanDoc(plan, seed));
		write(bdbp, BDBP, null, 0, () =>
			initAgencyDoc(bdbp, { agencyId: A.bdbp, taskIds: seed.cards[A.bdbp] })
		);
		// Before the meeting: not in the minutes.
		write(plan, PLAN, chair, 5, () => updateTask(plan, { taskId: T.press, timeframe: 'Quý III' }));

		const agenda = [newAgendaItem('section', 'II'), newAgendaItem('task', T.border)];
		write(plan, PLAN, chair, 5, () => {
			startMeeting(plan, {
				place: 'Phòng họp Sở Thông tin và Truyền thông',
				agenda,
				presenter: { id: chair, name: 'Nguyễn Văn Chủ Trì' },
				by: chair,
				at: clock
			});
			recordParticipant(plan, {
				id: chair,
				name: 'Nguyễn Văn Chủ Trì',
				agencyId: A.stttt,
				at: clock
			});
			recordParticipant(plan, { id: lan, name: 'Trần Thị Lan', agencyId: A.bdbp, at: clock });
		});
		// Item 1 (section II): a deadline moved, a title typed key by key.
		write(plan, PLAN, chair, 2, () =>
			updateTask(plan, { taskId: T.legal, due: '2024-09-30', by: chair })
		);
		for (const ch of ' (sửa)') {
			write(plan, PLAN, chair, 0, () => {
				const title = taskTitleText(plan, T.legal);
				title.insert(title.length, ch);
			});
		}
		// Item 2 (task II.6.2): the border guard's card moves, a follow-up task is added.
		write(plan, PLAN, chair, 3, () => setCurrentItem(plan, { index: 1, by: chair, at: clock }));
		write(bdbp, BDBP, lan, 2, () => setStatus(bdbp, { taskId: T.border, status: 'in_progress' }));
		write(plan, PLAN, chair, 2, () =>
			addTask(plan, {
				sectionId: 'II.6',
				title: 'Tổ chức hội nghị giao ban thông tin biên giới',
				lead: [A.bdbp],
				due: '2024-08-15',
				by: chair
			})
		);
		clock += 60_000;
		const meeting = readMeeting(plan)!;
		const changes = await meetingChanges(reader(), {
			planId: seed.planId,
			agencyIds: [A.stttt, A.sngv, A.bdbp, A.bao],
			from: new Date(meeting.startedAt),
			to: new Date(clock)
		});
		// The title typed in six updates is one change, and the earlier timeframe edit is left out.
		expect(changes.map((c) => [c.agencyId, c.field, c.author?.displayName])).toEqual([
			[null, 'due', 'Nguyễn Văn Chủ Trì'],
			[null, 'title', 'Nguyễn Văn Chủ Trì'],
			[A.bdbp, 'status', 'Trần Thị Lan'],
			[null, 'task', 'Nguyễn Văn Chủ Trì']
		]);

		const docx = toMinutesDocx({
			plan,
			meeting,
			endedAt: clock,
			changes,
			chair: 'Nguyễn Văn Chủ Trì',
			secretary: 'Lê Thư Ký'
		});
		const xml = readPackageParts(docx)['word/document.xml'];
		const paragraphs = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/g)].map((p) =>
			[...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
		);
		const text = paragraphs.join('\n').replaceAll('&quot;', '"');
		for (const line of [
			'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
			'Độc lập - Tự do - Hạnh phúc',
			'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
			'Số: …/BB-STTTT',
			'Gia Lai, ngày 03 tháng 6 năm 2024',
			'BIÊN BẢN',
			'2. Địa điểm: Phòng họp Sở Thông tin và Truyền thông.',
			'3. Chủ trì: Nguyễn Văn Chủ Trì.',
			'- Sở Thông tin và Truyền thông: Nguyễn Văn Chủ Trì',
			'- Bộ Chỉ huy Bộ đội Biên phòng tỉnh: Trần Thị Lan',
			'1. Mục II. Nội dung thực hiện',
			'2. Nhiệm vụ II.6.2. Chương trình phối hợp thông tin khu vực biên giới',
			'THƯ KÝ',
			'CHỦ TRÌ',
			'Lê Thư Ký'
		]) {
			expect(paragraphs).toContain(line);
		}
		expect(text).toMatch(/1\. Thời gian: bắt đầu lúc 08 giờ 40 ngày 03\/06\/2024, kết thúc lúc/);
		const item1 = text.slice(text.indexOf('1. Mục II.'), text.indexOf('2. Nhiệm vụ II.6.2'));
		expect(item1).toContain(
			'Nguyễn Văn Chủ Trì sửa thời hạn hoàn thành của nhiệm vụ II.1 “Tiếp tục hoàn thiện hành lang pháp lý trong công tác thông tin đối ngoại (sửa)”: từ “31/12/2024” thành “30/09/2024”'
		);
		expect(item1).toContain(
			'từ “Tiếp tục hoàn thiện hành lang pháp lý trong công tác thông tin đối ngoại” thành “Tiếp tục hoàn thiện hành lang pháp lý trong công tác thông tin đối ngoại (sửa)”'
		);
		const item2 = text.slice(
			text.indexOf('2. Nhiệm vụ II.6.2'),
			text.indexOf('III. NHIỆM VỤ PHÁT SINH')
		);
		expect(item2).toContain(
			'Trần Thị Lan sửa trạng thái của thẻ của BĐBP cho nhiệm vụ II.6.2 “Chương trình phối hợp thông tin khu vực biên giới”: từ “Chưa thực hiện” thành “Đang thực hiện”'
		);
		expect(item2).toContain('Nguyễn Văn Chủ Trì thêm nhiệm vụ II.6.');
		expect(text.slice(text.indexOf('III. NHIỆM VỤ PHÁT SINH'))).toMatch(
			/- II\.6\.\d+\. Tổ chức hội nghị giao ban thông tin biên giới \(chủ trì: BĐBP; thời hạn: 15\/08\/2024\)\./
		);
		expect(text).not.toContain('Quý III');

		const out = officeConvert(docx, 'bien-ban.docx', 'txt:Text')
			.get('bien-ban.txt')!
			.toString('utf8');
		expect(out).toContain('BIÊN BẢN');
		expect(out).toContain('Bộ Chỉ huy Bộ đội Biên phòng tỉnh: Trần Thị Lan');
		expect(out).toContain('từ “Chưa thực hiện” thành “Đang thực hiện”');
		expect(out).toContain('CHỦ TRÌ');
	}, 90_000);
});

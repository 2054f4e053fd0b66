import type { MeetingChange } from '@planboard/boards';
import { readPlanMeta, vietnamDate, type Meeting } from '@planboard/model';
import type * as Y from 'yjs';
import { dmy } from './dates.js';
import { PORTRAIT, PORTRAIT_WIDTH, wordDocument, wordPackage } from './docx-package.js';
import {
	GIA_LAI_STTTT,
	bodyPara,
	nationalHeader,
	titleBlock,
	type Reporter
} from './docx-parts.js';
import { cell, para, row, sectPr, table } from './docx-xml.js';
import { minutesContent, vietnamTime } from './minutes-content.js';

export interface MinutesOptions {
	/** The plan document as it stands when the meeting ends. */
	plan: Y.Doc;
	meeting: Meeting;
	/** Epoch milliseconds. */
	endedAt: number;
	/** The changes made during the meeting, oldest first (boards' meetingChanges). */
	changes: readonly MeetingChange[];
	/** Who chaired (started) the meeting and who kept the minutes (ended it): display names. */
	chair: string;
	secretary: string;
	/** The body holding the meeting; the Gia Lai Department of Information and Communications by default. */
	reporter?: Reporter;
}

/** The subject printed under BIÊN BẢN, also the stored minutes' title. */
export function minutesSubject(plan: Y.Doc): string {
	return `Cuộc họp triển khai ${readPlanMeta(plan).title}`;
}

function when(ms: number): string {
	return `${vietnamTime(ms)} ngày ${dmy(vietnamDate(ms))}`;
}

/** Secretary on the left, chair on the right, each with the space to sign and their name. */
function signatures(options: { chair: string; secretary: string }): string {
	const half = Math.round(PORTRAIT_WIDTH / 2);
	const block = (role: string, name: string) => [
		para(role, { align: 'center', size: 14, bold: true, before: 12 }),
		para('(Ký, ghi rõ họ tên)', { align: 'center', size: 14, italic: true, after: 60 }),
		para(name, { align: 'center', size: 14, bold: true })
	];
	return table({
		widths: [half, PORTRAIT_WIDTH - half],
		rows: [
			row([
				cell({ width: half, paragraphs: block('THƯ KÝ', options.secretary) }),
				cell({ width: PORTRAIT_WIDTH - half, paragraphs: block('CHỦ TRÌ', options.chair) })
			])
		],
		borders: false
	});
}

/**
 * The minutes of a meeting (Biên bản cuộc họp) as a Word document laid out per Nghị định
 * 30/2020/NĐ-CP: national header, BIÊN BẢN with its subject, time, place, chair, secretary and
 * participants by agency, each agenda item with the changes decided (who, what, before and
 * after), the tasks added, and the signatures of secretary and chair. Always Vietnamese.
 */
export function toMinutesDocx(options: MinutesOptions): Uint8Array {
	const { meeting, endedAt } = options;
	const reporter = options.reporter ?? GIA_LAI_STTTT;
	const content = minutesContent(options);
	const subject = minutesSubject(options.plan);
	const list = (lines: string[], none: string) =>
		(lines.length > 0 ? lines.map((l) => `- ${l}`) : [none]).map((l) => bodyPara(l));
	const body = [
		nationalHeader({ reporter, asOf: vietnamDate(endedAt), within: PORTRAIT_WIDTH, code: 'BB' }),
		titleBlock({ title: 'BIÊN BẢN', summary: subject, within: PORTRAIT_WIDTH }),
		bodyPara('I. THỜI GIAN, ĐỊA ĐIỂM VÀ THÀNH PHẦN THAM DỰ', { bold: true }),
		bodyPara(
			`1. Thời gian: bắt đầu lúc ${when(meeting.startedAt)}, kết thúc lúc ${when(endedAt)}.`
		),
		bodyPara(`2. Địa điểm: ${meeting.place.trim() || '(chưa ghi)'}.`),
		bodyPara(`3. Chủ trì: ${options.chair}.`),
		bodyPara(`4. Thư ký: ${options.secretary}.`),
		bodyPara('5. Thành phần tham dự:'),
		...list(
			content.participants.map((p) => `${p.agency}: ${p.names.join(', ')}`),
			'(Không ghi nhận người tham dự.)'
		),
		bodyPara('II. NỘI DUNG CUỘC HỌP', { bold: true }),
		...content.items.flatMap((item, i) => [
			bodyPara(`${i + 1}. ${item.heading}`, { bold: true }),
			bodyPara('Quyết định và thay đổi:', { italic: true }),
			...list(item.changes, 'Không có thay đổi.')
		]),
		...(content.other.length > 0
			? [bodyPara('Các thay đổi khác trong cuộc họp:', { bold: true }), ...list(content.other, '')]
			: []),
		bodyPara('III. NHIỆM VỤ PHÁT SINH', { bold: true }),
		...list(content.followUps, 'Không có nhiệm vụ phát sinh.'),
		bodyPara(
			`Cuộc họp kết thúc lúc ${when(endedAt)}. Biên bản được lập và thông qua tại cuộc họp./.`
		),
		signatures(options),
		sectPr(PORTRAIT)
	];
	return wordPackage({ title: `Biên bản ${subject}`, document: wordDocument(body.join('')) });
}

import {
	agencyDocName,
	draftReport,
	openRound,
	planDocName,
	submitReport,
	type AgencyId
} from '@planboard/model';
import { describe, expect, it } from 'vitest';
import { A, T } from '../../model/src/test-fixtures.js';
import { readRoundSource, toRoundDocx } from './round-report.js';
import { PLAN_ID, checkXmlBalanced, filledDocs } from './test-board.js';
import { convert, unzipText } from './test-office.js';

/** The Vietnamese day 2024-11-10 ends at 16:59:59.999 UTC. */
const ON_TIME = Date.parse('2024-11-10T10:00:00Z');
const LATE = Date.parse('2024-11-12T02:00:00Z');

function roundDocs() {
	const docs = filledDocs();
	const plan = docs.get(planDocName(PLAN_ID))!;
	const lane = (id: AgencyId) => docs.get(agencyDocName({ planId: PLAN_ID, agencyId: id }))!;
	const roundId = openRound({
		plan,
		title: 'Báo cáo 6 tháng',
		due: '2024-11-10',
		agencies: [A.stttt, A.bdbp, A.sngv],
		by: 'u-coord',
		byName: 'Điều phối'
	});
	const draft = draftReport({ plan, agency: lane(A.bdbp), roundId });
	submitReport({
		plan,
		agency: lane(A.bdbp),
		roundId,
		rows: draft.rows.map((r) => ({ ...r, progress: 70, result: 'Tổ chức 12 buổi tuyên truyền' })),
		difficulties: 'Địa bàn rộng, đi lại khó khăn',
		proposals: 'Cấp thêm tài liệu song ngữ',
		at: ON_TIME,
		by: 'u-bdbp',
		byName: 'Cán bộ BĐBP'
	});
	const stttt = draftReport({ plan, agency: lane(A.stttt), roundId });
	submitReport({
		plan,
		agency: lane(A.stttt),
		roundId,
		rows: stttt.rows,
		difficulties: '',
		proposals: 'Bổ sung kinh phí năm 2025',
		at: LATE,
		by: 'u-stttt',
		byName: 'Cán bộ Sở'
	});
	return { docs, roundId };
}

describe('toRoundDocx', () => {
	const { docs, roundId } = roundDocs();
	const source = readRoundSource({
		loadDoc: (n) => docs.get(n) ?? null,
		planId: PLAN_ID,
		roundId
	})!;
	const bytes = toRoundDocx(source, { asOf: '2024-11-15' });
	const parts = unzipText(bytes);
	const xml = parts['word/document.xml'];
	const paragraphs = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/g)].map((p) =>
		[...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
	);

	it('reads the round and the reports submitted, in the round agency order', () => {
		expect(source.round.title).toBe('Báo cáo 6 tháng');
		expect(source.submissions.map((s) => [s.agencyId, s.late])).toEqual([
			[A.stttt, true],
			[A.bdbp, false]
		]);
		expect(
			readRoundSource({ loadDoc: (n) => docs.get(n) ?? null, planId: PLAN_ID, roundId: 'x' })
		).toBeNull();
	});

	it('is the Decree 30 report, saying who reported on time, late and not at all', () => {
		for (const part of Object.values(parts)) expect(() => checkXmlBalanced(part)).not.toThrow();
		expect(paragraphs).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
		expect(paragraphs).toContain('Gia Lai, ngày 15 tháng 11 năm 2024');
		expect(
			paragraphs.some((p) => p.startsWith('Báo cáo 6 tháng: kết quả thực hiện Kế hoạch'))
		).toBe(true);
		expect(paragraphs).toContain(
			'Tổng hợp từ báo cáo của 2/3 đơn vị được đề nghị báo cáo (Báo cáo 6 tháng, hạn gửi ngày 10/11/2024):'
		);
		expect(paragraphs).toContain('- Gửi đúng hạn: Bộ Chỉ huy Bộ đội Biên phòng tỉnh;');
		expect(paragraphs).toContain('- Gửi muộn: Sở Thông tin và Truyền thông (ngày 12/11/2024);');
		expect(paragraphs).toContain('- Chưa gửi báo cáo: Sở Ngoại vụ.');
		expect(paragraphs).toContain('III. KHÓ KHĂN, VƯỚNG MẮC');
		expect(paragraphs).toContain(
			'- Bộ Chỉ huy Bộ đội Biên phòng tỉnh: Địa bàn rộng, đi lại khó khăn'
		);
		expect(paragraphs).toContain('IV. ĐỀ XUẤT, KIẾN NGHỊ');
		expect(paragraphs).toContain('- Sở Thông tin và Truyền thông: Bổ sung kinh phí năm 2025');
	});

	it("fills the appendix from the reports, not the live cards, for the asked agencies' tasks only", () => {
		const appendix = xml.slice(xml.lastIndexOf('<w:tbl>'));
		// The border guard reported 70 % with its result; its live card says 50 %.
		expect(appendix).toContain('Tổ chức 12 buổi tuyên truyền');
		expect(appendix).toContain('BĐBP: Tổ chức 12 buổi tuyên truyền');
		// The newspaper's duty: its agency was not asked, so it is not in this round's report.
		expect(appendix).not.toContain(`>${T.dutyBao}</w:t>`);
		expect(appendix).toContain(`>${T.border}</w:t>`);
		// Live figures are not what was reported.
		expect(appendix).not.toContain('Thiếu kinh phí');
	});

	it('opens in LibreOffice with its text intact', () => {
		const txt = convert(bytes, 'round.docx', 'txt:Text')['round.txt'];
		expect(txt).toContain('Gửi muộn: Sở Thông tin và Truyền thông');
		expect(txt).toContain('Cấp thêm tài liệu song ngữ');
	});
});

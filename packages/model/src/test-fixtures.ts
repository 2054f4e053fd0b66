import * as Y from 'yjs';
import { initAgencyDoc } from './agency-doc.js';
import { asAgencyId, asPlanId, asTaskId, type AgencyId, type TaskId } from './ids.js';
import { initPlanDoc, type BoardSeed } from './plan-doc.js';

export const A = {
	stttt: asAgencyId('so-tttt'),
	sngv: asAgencyId('so-ngoai-vu'),
	bdbp: asAgencyId('bchbdbp'),
	bao: asAgencyId('bao-gia-lai'),
	group: asAgencyId('cac-so-nganh')
};

export const T = {
	legal: asTaskId('II.1'),
	press: asTaskId('II.4'),
	border: asTaskId('II.6.2'),
	dutyTttt: asTaskId('III.3'),
	dutyBao: asTaskId('III.13')
};

/** A small board modelled on the Gia Lai 2024 foreign-information plan. */
export function gialaiSeed(): BoardSeed {
	return {
		planId: asPlanId('gia-lai-2024-ttdn'),
		meta: {
			title: 'Kế hoạch hoạt động thông tin đối ngoại năm 2024 trên địa bàn tỉnh Gia Lai',
			issuer: 'Ủy ban nhân dân tỉnh Gia Lai',
			number: '123/KH-UBND',
			date: '2024-01-20',
			year: 2024,
			reportDue: '2024-11-10'
		},
		sections: [
			{ id: 'II', number: 'II', title: 'Nội dung thực hiện' },
			{ id: 'II.6', number: 'II.6', title: 'Triển khai các hoạt động cụ thể', parentId: 'II' },
			{ id: 'III', number: 'III', title: 'Tổ chức thực hiện' }
		],
		agencies: [
			{
				id: A.stttt,
				name: 'Sở Thông tin và Truyền thông',
				shortName: 'Sở TT&TT',
				kind: 'department'
			},
			{ id: A.sngv, name: 'Sở Ngoại vụ', shortName: 'SNgV', kind: 'department' },
			{ id: A.bdbp, name: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', shortName: 'BĐBP', kind: 'armed' },
			{ id: A.bao, name: 'Báo Gia Lai', shortName: 'Báo GL', kind: 'press' },
			{
				id: A.group,
				name: 'Các sở, ban, ngành của tỉnh',
				shortName: 'Sở, ngành',
				kind: 'group',
				members: [A.stttt, A.sngv]
			}
		],
		tasks: [
			{
				id: T.legal,
				number: 'II.1',
				sectionId: 'II',
				title: 'Tiếp tục hoàn thiện hành lang pháp lý trong công tác thông tin đối ngoại',
				content: 'Rà soát, sửa đổi, bổ sung các văn bản của tỉnh về công tác thông tin đối ngoại.',
				timeframe: 'Cả năm 2024',
				due: '2024-12-31',
				lead: [A.stttt],
				coordinating: [A.group],
				kind: 'task'
			},
			{
				id: T.press,
				number: 'II.4',
				sectionId: 'II',
				title: 'Cung cấp thông tin báo chí về tình hình phát triển kinh tế xã hội',
				content: 'Cung cấp thông tin cho báo chí.',
				timeframe: 'Cả năm 2024',
				due: null,
				lead: [A.group],
				coordinating: [A.bao],
				kind: 'task'
			},
			{
				id: T.border,
				number: 'II.6.2',
				sectionId: 'II.6',
				title: 'Chương trình phối hợp thông tin khu vực biên giới',
				content: 'Thực hiện Chương trình 399/CTr-STTTT-BCHBĐBP.',
				due: '2024-11-10',
				lead: [A.stttt, A.bdbp],
				coordinating: [A.bao],
				kind: 'task'
			},
			{
				id: T.dutyTttt,
				number: 'III.3',
				sectionId: 'III',
				title: 'Sở Thông tin và Truyền thông',
				content: '',
				lead: [A.stttt],
				kind: 'duty',
				items: ['Chủ trì, theo dõi, đôn đốc thực hiện Kế hoạch.', 'Tổng hợp, báo cáo.']
			},
			{
				id: T.dutyBao,
				number: 'III.13',
				sectionId: 'III',
				title: 'Báo Gia Lai; Đài Phát thanh - Truyền hình Gia Lai',
				content: '',
				lead: [A.bao],
				kind: 'duty',
				items: ['Mở chuyên trang, chuyên mục về thông tin đối ngoại.']
			}
		],
		milestones: [
			{ id: 'report', date: '2024-11-10', text: 'Hạn gửi báo cáo kết quả về Sở TT&TT' },
			{
				id: 'qdnd-80',
				date: '2024-12-22',
				text: '80 năm Ngày thành lập Quân đội nhân dân Việt Nam'
			},
			{ id: 'dbp-70', date: '2024-05-07', text: '70 năm Chiến thắng Điện Biên Phủ' }
		],
		cards: {
			[A.stttt]: [T.legal, T.press, T.border, T.dutyTttt],
			[A.sngv]: [T.press],
			[A.bdbp]: [T.border],
			[A.bao]: [T.dutyBao]
		} as Record<AgencyId, TaskId[]>
	};
}

export function planDoc(): Y.Doc {
	const doc = new Y.Doc();
	initPlanDoc(doc, gialaiSeed());
	return doc;
}

/** The Sở TT&TT lane: four cards, all todo. */
export function agencyDoc(taskIds: TaskId[] = gialaiSeed().cards[A.stttt]): Y.Doc {
	const doc = new Y.Doc();
	initAgencyDoc(doc, { agencyId: A.stttt, taskIds, contributionTaskIds: [T.press] });
	return doc;
}

/** Replicas of `origin`, as clients receive the server-created state. */
export function replicasOf(origin: Y.Doc, n: number): Y.Doc[] {
	const update = Y.encodeStateAsUpdate(origin);
	return Array.from({ length: n }, () => {
		const d = new Y.Doc();
		Y.applyUpdate(d, update);
		return d;
	});
}

/** mulberry32: small, seedable, good enough to pick operations. */
export function prng(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (n: number) => Math.floor(next() * n);
	const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
	const shuffle = <T>(xs: T[]): T[] => {
		for (let i = xs.length - 1; i > 0; i--) {
			const j = int(i + 1);
			[xs[i], xs[j]] = [xs[j], xs[i]];
		}
		return xs;
	};
	return { next, int, pick, shuffle };
}

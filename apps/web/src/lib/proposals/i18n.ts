import type { Lang } from '@planboard/model';

/** Texts of proposals, Vietnamese first; kept beside the feature, as plan editing's are. */
const dict = {
	proposals: { vi: 'Đề xuất', en: 'Proposals' },
	cardProposals: { vi: 'Đề xuất thay đổi kế hoạch', en: 'Proposed plan changes' },
	noProposals: { vi: 'Chưa có đề xuất nào.', en: 'No proposals yet.' },
	noOpenProposals: { vi: 'Không có đề xuất nào đang chờ.', en: 'No proposal is waiting.' },
	propose: { vi: 'Đề xuất thay đổi', en: 'Propose a change' },
	kind: { vi: 'Loại đề xuất', en: 'Kind of change' },
	kindDue: { vi: 'Đổi hạn hoàn thành', en: 'New due date' },
	kindCoordinating: { vi: 'Thêm đơn vị phối hợp', en: 'Extra coordinating agency' },
	kindSplit: { vi: 'Tách nhiệm vụ làm hai', en: 'Split the task in two' },
	valueDue: { vi: 'Hạn mới', en: 'New due date' },
	valueCoordinating: { vi: 'Đơn vị phối hợp thêm', en: 'Coordinating agency to add' },
	valueSplit: { vi: 'Tên nhiệm vụ tách ra', en: 'Title of the new task' },
	note: { vi: 'Ghi chú, lý do', en: 'Note, reason' },
	send: { vi: 'Gửi đề xuất', en: 'Send proposal' },
	sent: { vi: 'Đã gửi đề xuất.', en: 'Proposal sent.' },
	statusOpen: { vi: 'Đang chờ', en: 'Waiting' },
	statusAccepted: { vi: 'Đã chấp nhận', en: 'Accepted' },
	statusDeclined: { vi: 'Đã từ chối', en: 'Declined' },
	proposedBy: { vi: 'Đề xuất bởi {name}, {time}', en: 'Proposed by {name}, {time}' },
	decidedBy: { vi: '{name}, {time}', en: '{name}, {time}' },
	declineReason: { vi: 'Lý do từ chối', en: 'Reason for declining' },
	accept: { vi: 'Chấp nhận', en: 'Accept' },
	decline: { vi: 'Từ chối', en: 'Decline' },
	accepted: {
		vi: 'Đã chấp nhận đề xuất cho nhiệm vụ {number}.',
		en: 'Accepted the proposal for task {number}.'
	},
	declined: {
		vi: 'Đã từ chối đề xuất cho nhiệm vụ {number}.',
		en: 'Declined the proposal for task {number}.'
	},
	failed: { vi: 'Không thực hiện được: {error}', en: 'Could not do it: {error}' },
	reasonNeeded: { vi: 'Cần nêu lý do từ chối.', en: 'A reason is needed to decline.' },
	task: { vi: 'Nhiệm vụ', en: 'Task' },
	agency: { vi: 'Đơn vị', en: 'Agency' }
} as const;

export type ProposalKey = keyof typeof dict;

export function pp(lang: Lang, key: ProposalKey): string {
	return dict[key][lang];
}

/** Every text here, for the checks that both languages are complete (i18n-catalog). */
export { dict as proposalMessages };

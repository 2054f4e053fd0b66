import type { Lang, RoundAgencyState } from '@planboard/model';

/** Texts of reporting rounds, Vietnamese first; kept beside the feature, as proposals' are. */
const dict = {
	pageTitle: { vi: 'Báo cáo định kỳ', en: 'Periodic reports' },
	backToBoard: { vi: 'Về bảng công việc', en: 'Back to the board' },
	loading: { vi: 'Đang tải…', en: 'Loading…' },
	noRounds: { vi: 'Chưa có đợt báo cáo nào.', en: 'No reporting round yet.' },
	openRound: { vi: 'Mở đợt báo cáo', en: 'Open a reporting round' },
	title: { vi: 'Tên đợt báo cáo', en: 'Round title' },
	titlePlaceholder: { vi: 'Ví dụ: Báo cáo 6 tháng', en: 'For example: Six-month report' },
	due: { vi: 'Hạn gửi báo cáo', en: 'Due date' },
	agencies: { vi: 'Đơn vị phải báo cáo', en: 'Agencies asked to report' },
	open: { vi: 'Mở đợt', en: 'Open round' },
	opened: { vi: 'Đã mở đợt “{title}”.', en: 'Opened the round “{title}”.' },
	pickAgency: { vi: 'Chọn ít nhất một đơn vị.', en: 'Pick at least one agency.' },
	suggested: {
		vi: 'Đợt báo cáo gợi ý từ các mốc của kế hoạch',
		en: 'Rounds suggested by the plan’s milestones'
	},
	useSuggestion: { vi: 'Dùng gợi ý này', en: 'Use this suggestion' },
	dueOn: { vi: 'Hạn {date}', en: 'Due {date}' },
	openedBy: { vi: 'Mở bởi {name}, {time}', en: 'Opened by {name}, {time}' },
	closedBy: { vi: 'Đã đóng bởi {name}, {time}', en: 'Closed by {name}, {time}' },
	close: { vi: 'Đóng đợt', en: 'Close the round' },
	closedNote: {
		vi: 'Đợt đã đóng, không nhận thêm báo cáo.',
		en: 'The round is closed; no more reports are taken.'
	},
	download: { vi: 'Tải báo cáo tổng hợp (DOCX)', en: 'Download the consolidated report (DOCX)' },
	agency: { vi: 'Đơn vị', en: 'Agency' },
	state: { vi: 'Tình trạng', en: 'State' },
	submittedAt: { vi: 'Thời điểm gửi', en: 'Submitted' },
	read: { vi: 'Xem báo cáo', en: 'Read the report' },
	summary: {
		vi: 'Đã gửi {done}/{total} · Muộn {late} · Quá hạn chưa gửi {overdue}',
		en: 'Submitted {done}/{total} · Late {late} · Overdue {overdue}'
	},
	myReport: { vi: 'Báo cáo của đơn vị', en: 'Your agency’s report' },
	prefilled: {
		vi: 'Đã điền sẵn từ các thẻ của đơn vị; có thể sửa trước khi gửi.',
		en: 'Pre-filled from your agency’s cards; edit before sending.'
	},
	task: { vi: 'Nhiệm vụ', en: 'Task' },
	status: { vi: 'Trạng thái', en: 'Status' },
	progress: { vi: 'Tiến độ (%)', en: 'Progress (%)' },
	result: { vi: 'Kết quả thực hiện', en: 'Results' },
	difficulties: { vi: 'Khó khăn, vướng mắc', en: 'Difficulties and obstacles' },
	proposals: { vi: 'Đề xuất, kiến nghị', en: 'Proposals and recommendations' },
	submit: { vi: 'Gửi báo cáo', en: 'Submit the report' },
	resubmit: { vi: 'Gửi lại báo cáo', en: 'Submit again' },
	submitted: { vi: 'Đã gửi báo cáo lúc {time}.', en: 'Report submitted at {time}.' },
	submittedLate: {
		vi: 'Đã gửi báo cáo lúc {time} (muộn hạn).',
		en: 'Report submitted at {time} (late).'
	},
	failed: { vi: 'Không thực hiện được: {error}', en: 'Could not do it: {error}' },
	none: { vi: '(không nêu)', en: '(none given)' },
	on_time: { vi: 'Đã gửi đúng hạn', en: 'Submitted on time' },
	late: { vi: 'Gửi muộn', en: 'Submitted late' },
	overdue: { vi: 'Quá hạn, chưa gửi', en: 'Overdue, not submitted' },
	waiting: { vi: 'Chưa gửi', en: 'Not submitted yet' }
} as const satisfies Record<string, Record<Lang, string>> & Record<RoundAgencyState, unknown>;

export type RoundKey = keyof typeof dict;

export function rt(lang: Lang, key: RoundKey): string {
	return dict[key][lang];
}

/** Every text here, for the checks that both languages are complete (i18n-catalog). */
export { dict as roundMessages };

import type { Lang } from '@planboard/model';

/** Texts of meeting mode, Vietnamese first; kept beside the feature that uses them. */
const dict = {
	meeting: { vi: 'Cuộc họp', en: 'Meeting' },
	startMeeting: { vi: 'Bắt đầu cuộc họp', en: 'Start a meeting' },
	cancel: { vi: 'Huỷ', en: 'Cancel' },
	place: { vi: 'Địa điểm', en: 'Place' },
	agenda: { vi: 'Chương trình họp', en: 'Agenda' },
	agendaPick: { vi: 'Mục hoặc nhiệm vụ', en: 'Section or task' },
	agendaAdd: { vi: 'Thêm vào chương trình', en: 'Add to the agenda' },
	agendaRemove: { vi: 'Bỏ {item}', en: 'Remove {item}' },
	agendaEmpty: { vi: 'Chưa có nội dung nào.', en: 'Nothing on the agenda yet.' },
	sections: { vi: 'Mục', en: 'Sections' },
	tasks: { vi: 'Nhiệm vụ', en: 'Tasks' },
	start: { vi: 'Bắt đầu', en: 'Start' },
	inProgress: { vi: 'Đang họp', en: 'Meeting in progress' },
	currentItem: { vi: 'Đang bàn: {item}', en: 'Now discussing: {item}' },
	itemOf: { vi: 'Nội dung {n}/{count}', en: 'Item {n} of {count}' },
	previous: { vi: 'Nội dung trước', en: 'Previous item' },
	next: { vi: 'Nội dung tiếp theo', en: 'Next item' },
	presenter: { vi: 'Người điều hành: {name}', en: 'Presenter: {name}' },
	present: { vi: 'Điều hành', en: 'Take over presenting' },
	following: { vi: 'Đang theo người điều hành', en: 'Following the presenter' },
	follow: { vi: 'Theo người điều hành', en: 'Follow the presenter' },
	stopFollowing: { vi: 'Thôi theo dõi', en: 'Stop following' },
	participants: { vi: 'Có mặt ({count})', en: 'Present ({count})' },
	endMeeting: { vi: 'Kết thúc và lập biên bản', en: 'End and issue the minutes' },
	ending: { vi: 'Đang lập biên bản…', en: 'Issuing the minutes…' },
	endFailed: {
		vi: 'Không lập được biên bản: {reason}',
		en: 'The minutes could not be issued: {reason}'
	},
	minutes: { vi: 'Biên bản cuộc họp', en: 'Meeting minutes' },
	minutesOf: { vi: 'Cuộc họp ngày {date}', en: 'Meeting of {date}' },
	download: { vi: 'Tải DOCX', en: 'Download DOCX' },
	noMinutes: { vi: 'Chưa có biên bản nào.', en: 'No minutes yet.' }
} satisfies Record<string, Record<Lang, string>>;

export type MeetingKey = keyof typeof dict;

export function mt(lang: Lang, key: MeetingKey): string {
	return dict[key][lang];
}

/** Every text here, for the checks that both languages are complete (i18n-catalog). */
export { dict as meetingMessages };

import { FIELD_LABELS, type Lang } from '@planboard/model';

/**
 * UI languages, model's type (its status labels use it too): Vietnamese first, English second.
 * The choice lives in the `lang` cookie.
 */
export type { Lang };

export const LANG_COOKIE = 'planboard_lang';

export function langFrom(value: string | undefined | null): Lang {
	return value === 'en' ? 'en' : 'vi';
}

const dict = {
	appName: { vi: 'Planboard', en: 'Planboard' },
	login: { vi: 'Đăng nhập', en: 'Sign in' },
	logout: { vi: 'Đăng xuất', en: 'Sign out' },
	username: { vi: 'Tên đăng nhập', en: 'Username' },
	password: { vi: 'Mật khẩu', en: 'Password' },
	demoAccounts: { vi: 'Tài khoản dùng thử', en: 'Demo accounts' },
	demoPassword: { vi: 'Mật khẩu chung', en: 'Shared password' },
	plans: { vi: 'Các kế hoạch', en: 'Plans' },
	noPlans: { vi: 'Chưa có kế hoạch nào.', en: 'No plans yet.' },
	year: { vi: 'Năm', en: 'Year' },
	board: { vi: 'Bảng công việc', en: 'Board' },
	progress: { vi: 'Tiến độ', en: 'Progress' },
	lead: { vi: 'Đơn vị chủ trì', en: 'Lead agency' },
	coordinating: { vi: 'Đơn vị phối hợp', en: 'Coordinating agencies' },
	due: { vi: 'Hạn', en: 'Due' },
	noDue: { vi: 'Không có hạn', en: 'No due date' },
	cards: { vi: 'thẻ', en: 'cards' },
	language: { vi: 'English', en: 'Tiếng Việt' },
	mainNavigation: { vi: 'Điều hướng chính', en: 'Main navigation' },
	signedInAs: { vi: 'Đang đăng nhập', en: 'Signed in as' },
	readOnly: { vi: 'Chỉ xem', en: 'Read only' },
	admin: { vi: 'Quản trị', en: 'Admin' },
	// Board view
	filters: { vi: 'Bộ lọc', en: 'Filters' },
	filterAgency: FIELD_LABELS.agency,
	filterSection: { vi: 'Mục', en: 'Section' },
	filterStatus: FIELD_LABELS.status,
	filterTimeliness: { vi: 'Thời hạn', en: 'Timeliness' },
	search: { vi: 'Tìm kiếm', en: 'Search' },
	searchPlaceholder: { vi: 'Số, tên nhiệm vụ, đơn vị…', en: 'Number, task, agency…' },
	all: { vi: 'Tất cả', en: 'All' },
	clearFilters: { vi: 'Xóa bộ lọc', en: 'Clear filters' },
	scopeMine: { vi: 'Đơn vị của tôi', en: 'My agency' },
	scopeAll: { vi: 'Tất cả đơn vị', en: 'All agencies' },
	lanesShown: { vi: 'Hiển thị', en: 'Showing' },
	groupMine: { vi: 'Đơn vị của tôi', en: 'My agency' },
	groupDepartment: { vi: 'Các sở, ban, ngành', en: 'Departments' },
	groupDistrict: { vi: 'UBND các huyện, thị xã, thành phố', en: 'District committees' },
	groupArmed: { vi: 'Lực lượng vũ trang, công an', en: 'Armed forces and police' },
	groupPress: { vi: 'Cơ quan báo chí', en: 'Press' },
	groupOther: { vi: 'Đơn vị khác', en: 'Other agencies' },
	collapse: { vi: 'Thu gọn', en: 'Collapse' },
	expand: { vi: 'Mở rộng', en: 'Expand' },
	noCards: { vi: 'Không có thẻ nào khớp bộ lọc.', en: 'No card matches the filters.' },
	emptyColumn: { vi: 'Trống', en: 'Empty' },
	coordinatingCount: { vi: '{n} đơn vị phối hợp', en: '{n} coordinating' },
	openNow: { vi: 'Đang mở: {names}', en: 'Open now: {names}' },
	cardLabel: { vi: 'Thẻ {number}: {title}', en: 'Card {number}: {title}' },
	moveHint: {
		vi: 'Enter để mở thẻ. Alt + mũi tên trái/phải để đổi trạng thái, Alt + mũi tên lên/xuống để đổi thứ tự.',
		en: 'Enter opens the card. Alt + Left/Right changes status, Alt + Up/Down reorders.'
	},
	moved: {
		vi: 'Đã chuyển thẻ {number} sang cột {status}, vị trí {position} trên {count}.',
		en: 'Moved card {number} to {status}, position {position} of {count}.'
	},
	cannotMove: { vi: 'Không thể di chuyển thêm.', en: 'Cannot move further.' },
	syncOnline: { vi: 'Đã kết nối', en: 'Online' },
	syncOffline: { vi: 'Mất kết nối', en: 'Offline' },
	syncWaiting: { vi: '{n} thay đổi đang chờ', en: '{n} changes waiting' },
	syncSyncing: { vi: 'Đang đồng bộ…', en: 'Syncing…' },
	syncLoading: { vi: 'Đang tải dữ liệu trực tiếp…', en: 'Loading live data…' },
	syncEnded: { vi: 'Đã ngắt kết nối', en: 'Disconnected' },
	sessionEndedWhy: {
		vi: 'Phiên đăng nhập đã kết thúc: tài khoản đã đăng xuất ở nơi khác, bị khoá, hoặc được đổi vai trò hay đơn vị.',
		en: 'Your session has ended: the account was signed out elsewhere, disabled, or given another role or agency.'
	},
	sessionEndedKept: {
		vi: '{n} thay đổi chưa gửi được giữ trên máy này và sẽ được gửi sau khi đăng nhập lại.',
		en: '{n} unsent changes are kept in this browser and will be sent once you sign in again.'
	},
	signInAgain: { vi: 'Đăng nhập lại', en: 'Sign in again' },
	editsDiscarded: {
		vi: 'Bạn không còn quyền sửa {names} (vai trò hoặc đơn vị của bạn đã thay đổi): {n} thay đổi chưa gửi trên máy này đã bị bỏ, vì máy chủ sẽ không nhận chúng.',
		en: 'You may no longer edit {names} (your role or agency changed): {n} unsent changes in this browser were discarded, as the server would refuse them.'
	},
	editsDiscardedPlan: { vi: 'kế hoạch', en: 'the plan' },
	onBoard: { vi: 'Đang trên bảng', en: 'On the board' },
	onlyYou: { vi: 'Chỉ có bạn', en: 'Only you' },
	follow: { vi: 'Theo dõi', en: 'Follow' },
	unfollow: { vi: 'Ngừng theo dõi', en: 'Stop following' },
	followPerson: { vi: 'Theo dõi {name}', en: 'Follow {name}' },
	followingPerson: { vi: 'Đang theo dõi {name}', en: 'Following {name}' },
	isTyping: { vi: '{names} đang nhập…', en: '{names} typing…' },
	// Card detail
	close: { vi: 'Đóng', en: 'Close' },
	planText: { vi: 'Nội dung nhiệm vụ trong kế hoạch', en: 'Task as written in the plan' },
	timeframe: { vi: 'Thời gian thực hiện', en: 'Timeframe' },
	status: FIELD_LABELS.status,
	progressPercent: FIELD_LABELS.progress,
	notes: { vi: 'Kết quả thực hiện', en: 'Result notes' },
	checklist: { vi: 'Danh mục việc cần làm', en: 'Checklist' },
	newItem: { vi: 'Việc mới', en: 'New item' },
	add: { vi: 'Thêm', en: 'Add' },
	remove: { vi: 'Xóa', en: 'Remove' },
	removeItem: { vi: 'Xóa “{name}”', en: 'Remove “{name}”' },
	evidence: FIELD_LABELS.evidence,
	evidenceUrl: { vi: 'Đường dẫn (http/https)', en: 'Link (http/https)' },
	evidenceLabel: { vi: 'Mô tả', en: 'Description' },
	invalidUrl: {
		vi: 'Đường dẫn phải bắt đầu bằng http:// hoặc https://',
		en: 'The link must start with http:// or https://'
	},
	figures: { vi: 'Số liệu báo cáo', en: 'Reported figures' },
	figureLabel: { vi: 'Chỉ tiêu', en: 'Figure' },
	figureValue: { vi: 'Giá trị', en: 'Value' },
	updates: { vi: 'Nhật ký cập nhật', en: 'Updates' },
	newUpdate: { vi: 'Nội dung cập nhật', en: 'Update text' },
	addUpdate: { vi: 'Ghi cập nhật', en: 'Post update' },
	nothingYet: { vi: 'Chưa có.', en: 'None yet.' },
	contributions: { vi: 'Đơn vị phối hợp', en: 'Coordinating agencies' },
	contributionDone: { vi: 'Đã hoàn thành phần phối hợp', en: 'Our part is done' },
	yourContribution: { vi: 'Phần phối hợp của đơn vị bạn', en: 'Your agency’s contribution' },
	readOnlyCard: { vi: 'Bạn chỉ có quyền xem thẻ này.', en: 'You can only view this card.' },
	agencyOfCard: { vi: 'Đơn vị thực hiện', en: 'Agency' },
	cardNotFound: { vi: 'Không tìm thấy thẻ.', en: 'Card not found.' },
	// Progress board
	progressTitle: { vi: 'Tiến độ thực hiện', en: 'Progress' },
	asOf: { vi: 'Tính đến ngày', en: 'As of' },
	asOfLine: { vi: 'Số liệu tính đến ngày {date}', en: 'Figures as of {date}' },
	show: { vi: 'Xem', en: 'Show' },
	largeScreen: { vi: 'Màn hình lớn', en: 'Large screen' },
	print: { vi: 'In', en: 'Print' },
	liveOnline: { vi: 'Cập nhật trực tiếp', en: 'Live' },
	liveConnecting: { vi: 'Đang kết nối…', en: 'Connecting…' },
	liveOffline: { vi: 'Mất kết nối, đang thử lại', en: 'Offline, retrying' },
	liveEnded: { vi: 'Đã ngắt kết nối', en: 'Disconnected' },
	shareEnded: {
		vi: 'Liên kết chia sẻ này đã hết hạn hoặc đã bị thu hồi.',
		en: 'This share link has expired or was revoked.'
	},
	sessionEnded: { vi: 'Phiên đăng nhập đã kết thúc.', en: 'Your session has ended.' },
	overall: { vi: 'Tiến độ chung', en: 'Overall progress' },
	overallDetail: { vi: '{done}/{total} thẻ hoàn thành', en: '{done}/{total} cards done' },
	byTimeliness: { vi: 'Theo thời hạn', en: 'By timeliness' },
	byAgency: { vi: 'Tiến độ theo đơn vị', en: 'Progress by agency' },
	bySection: { vi: 'Tiến độ theo mục', en: 'Progress by section' },
	overdueTasks: { vi: 'Nhiệm vụ quá hạn', en: 'Overdue tasks' },
	dueSoonTasks: { vi: 'Nhiệm vụ đến hạn trong 14 ngày tới', en: 'Due in the next 14 days' },
	allTasks: { vi: 'Tiến độ từng nhiệm vụ', en: 'Progress by task' },
	none: { vi: 'Không có.', en: 'None.' },
	taskNumber: FIELD_LABELS.number,
	task: FIELD_LABELS.task,
	agenciesConcerned: { vi: 'Đơn vị', en: 'Agencies' },
	agenciesDone: { vi: '{done}/{total} đơn vị hoàn thành', en: '{done}/{total} agencies done' },
	orphanCards: {
		vi: 'Báo cáo của nhiệm vụ không còn trong kế hoạch (không tính vào số liệu)',
		en: 'Reports on tasks no longer in the plan (not counted in the figures)'
	},
	percentDone: { vi: '{n}%', en: '{n}%' },
	chartValue: { vi: '{label}: {value}', en: '{label}: {value}' },
	calendar: { vi: 'Lịch mốc thời gian', en: 'Calendar' },
	month: { vi: 'Tháng {month}/{year}', en: '{month}/{year}' },
	reportDeadline: { vi: 'Hạn gửi báo cáo', en: 'Reporting deadline' },
	tasksDue: { vi: 'Hạn {n} nhiệm vụ: {numbers}', en: '{n} tasks due: {numbers}' },
	weekdays: { vi: 'T2,T3,T4,T5,T6,T7,CN', en: 'Mo,Tu,We,Th,Fr,Sa,Su' },
	downloads: { vi: 'Tải báo cáo', en: 'Downloads' },
	sharedBoard: { vi: 'Bảng tiến độ được chia sẻ', en: 'Shared progress board' },
	shareLinks: { vi: 'Liên kết chia sẻ', en: 'Share links' },
	// Calendar feed (ICS)
	calendarFeed: {
		vi: 'Lịch hạn trên điện thoại, Outlook, Google Lịch',
		en: 'Deadlines in your calendar app'
	},
	calendarFeedIntro: {
		vi: 'Một địa chỉ lịch (ICS) riêng của bạn: hạn các nhiệm vụ của đơn vị và hạn báo cáo của các kế hoạch. Ai có địa chỉ này đều xem được lịch, nên hãy giữ kín; đặt lại thì địa chỉ cũ ngừng hoạt động.',
		en: 'A calendar address (ICS) of your own: your agency’s task deadlines and the plans’ reporting deadlines. Anyone with the address can read it, so keep it private; resetting stops the old address.'
	},
	calendarFeedCreate: { vi: 'Tạo địa chỉ lịch', en: 'Create calendar address' },
	calendarFeedReset: { vi: 'Đặt lại địa chỉ lịch', en: 'Reset calendar address' },
	calendarFeedRemove: { vi: 'Tắt lịch', en: 'Turn the calendar off' },
	calendarFeedActive: { vi: 'Đang bật từ {date}.', en: 'On since {date}.' },
	calendarFeedNew: {
		vi: 'Địa chỉ mới (chỉ hiện lần này, hãy sao chép vào ứng dụng lịch):',
		en: 'New address (shown this once; copy it into your calendar app):'
	},
	calendarFeedOff: { vi: 'Lịch đã tắt.', en: 'The calendar is off.' },
	// New plan (upload, preview, create)
	newPlan: { vi: 'Kế hoạch mới', en: 'New plan' },
	newPlanIntro: {
		vi: 'Tải lên tệp kế hoạch (.txt, .docx, .pdf) hoặc dán nội dung. Bảng chỉ được tạo sau khi bạn xem trước và xác nhận.',
		en: 'Upload a plan file (.txt, .docx, .pdf) or paste its text. The board is created only after you check the preview.'
	},
	planFile: { vi: 'Tệp kế hoạch', en: 'Plan file' },
	orPaste: { vi: 'Hoặc dán nội dung kế hoạch', en: 'Or paste the plan text' },
	previewPlan: { vi: 'Xem trước', en: 'Preview' },
	uploading: { vi: 'Đang tải lên… {n}%', en: 'Uploading… {n}%' },
	parsing: { vi: 'Đang đọc kế hoạch…', en: 'Reading the plan…' },
	creating: { vi: 'Đang tạo bảng…', en: 'Creating the board…' },
	chooseFile: {
		vi: 'Hãy chọn một tệp hoặc dán nội dung kế hoạch.',
		en: 'Choose a file or paste the plan text.'
	},
	previewSummary: {
		vi: '{tasks} nhiệm vụ, {agencies} đơn vị, {warnings} cảnh báo',
		en: '{tasks} tasks, {agencies} agencies, {warnings} warnings'
	},
	warnings: { vi: 'Cảnh báo', en: 'Warnings' },
	noWarnings: { vi: 'Không có cảnh báo.', en: 'No warnings.' },
	line: { vi: 'Dòng {n}', en: 'Line {n}' },
	sourceLine: { vi: 'Dòng', en: 'Line' },
	agencyMentions: { vi: 'Đơn vị được nêu trong kế hoạch', en: 'Agencies named in the plan' },
	mentionAsWritten: { vi: 'Tên trong kế hoạch', en: 'As written' },
	mentionMatch: { vi: 'Khớp với danh mục', en: 'Directory match' },
	mentionChoice: { vi: 'Xử lý', en: 'Decision' },
	matchUnknown: { vi: 'Chưa có trong danh mục', en: 'Not in the directory' },
	matchGroup: { vi: 'Nhóm {n} đơn vị', en: 'Group of {n}' },
	acceptMatch: { vi: 'Giữ kết quả khớp', en: 'Accept the match' },
	keepAsWritten: { vi: 'Giữ tên như trong kế hoạch', en: 'Keep as written' },
	mapTo: { vi: 'Gán cho đơn vị trong danh mục', en: 'Map to a directory agency' },
	addNewAgency: { vi: 'Thêm đơn vị mới', en: 'Add as a new agency' },
	newAgencyName: { vi: 'Tên đơn vị mới', en: 'New agency name' },
	tasksBySection: { vi: 'Nhiệm vụ theo mục', en: 'Tasks by section' },
	createBoard: { vi: 'Tạo bảng', en: 'Create board' },
	startOver: { vi: 'Chọn tệp khác', en: 'Choose another file' },
	requestFailed: {
		vi: 'Không gửi được yêu cầu (mã {status}).',
		en: 'The request failed (status {status}).'
	},
	asOfViewing: { vi: 'Xem như tại {time}', en: 'As of {time}' },
	asOfReadOnly: {
		vi: 'Bảng như đã có tại thời điểm này; chỉ xem, không sửa được.',
		en: 'The board as it was at that moment; read only.'
	},
	asOfPick: { vi: 'Xem bảng tại ngày', en: 'See the board as of' },
	asOfGo: { vi: 'Xem', en: 'Show' },
	backToLive: { vi: 'Về bảng hiện tại', en: 'Back to the live board' },
	history: { vi: 'Lịch sử thay đổi', en: 'History' },
	historyEmpty: { vi: 'Chưa có thay đổi nào.', en: 'No changes yet.' },
	historyMore: { vi: 'Xem thêm', en: 'Show more' },
	historyFailed: { vi: 'Không tải được lịch sử.', en: 'Could not load the history.' },
	historySystem: { vi: 'Hệ thống', en: 'System' },
	changeCardCreated: { vi: 'tạo thẻ', en: 'created the card' },
	changeCardDeleted: { vi: 'xoá thẻ', en: 'deleted the card' },
	changeStatus: { vi: 'trạng thái: {before} → {after}', en: 'status: {before} → {after}' },
	changeProgress: { vi: 'tiến độ: {before}% → {after}%', en: 'progress: {before}% → {after}%' },
	changeNotes: { vi: 'sửa kết quả thực hiện', en: 'edited the result notes' },
	changeChecklist: { vi: 'sửa danh mục việc cần làm', en: 'edited the checklist' },
	changeEvidence: { vi: 'sửa minh chứng', en: 'edited the evidence' },
	changeFigures: { vi: 'sửa số liệu báo cáo', en: 'edited the reported figures' },
	changeUpdates: { vi: 'thêm cập nhật: {text}', en: 'added an update: {text}' },
	networkFailed: { vi: 'Mất kết nối tới máy chủ.', en: 'Cannot reach the server.' },
	// Notifications (the bell) and the email digest's unsubscribe page
	notifications: { vi: 'Thông báo', en: 'Notifications' },
	notificationsButton: { vi: 'Thông báo, {n} chưa đọc', en: 'Notifications, {n} unread' },
	notificationsEmpty: { vi: 'Không có thông báo nào.', en: 'No notifications.' },
	notificationsMarkAll: { vi: 'Đánh dấu tất cả đã đọc', en: 'Mark all as read' },
	notificationMarkRead: { vi: 'Đã đọc', en: 'Mark as read' },
	noticeChanged: { vi: '{by} đã sửa: {what}', en: '{by} changed: {what}' },
	noticeAccepted: { vi: '{by} đã chấp nhận đề xuất', en: '{by} accepted the proposal' },
	noticeDeclined: { vi: '{by} đã từ chối đề xuất', en: '{by} declined the proposal' },
	noticeReport: { vi: 'Báo cáo', en: 'Report' },
	noticeCoordinating: { vi: 'phối hợp', en: 'coordinating' },
	noticeRoundOpened: {
		vi: '{by} yêu cầu báo cáo, hạn {date}',
		en: '{by} asked for a report, due {date}'
	},
	noticeRoundClosed: { vi: '{by} đã đóng đợt báo cáo', en: '{by} closed the reporting round' },
	noticeWhat_card: { vi: 'thẻ', en: 'the card' },
	noticeWhat_status: { vi: 'trạng thái', en: 'status' },
	noticeWhat_progress: { vi: 'tiến độ', en: 'progress' },
	noticeWhat_notes: { vi: 'kết quả thực hiện', en: 'result notes' },
	noticeWhat_checklist: { vi: 'danh mục việc cần làm', en: 'checklist' },
	noticeWhat_evidence: { vi: 'minh chứng', en: 'evidence' },
	noticeWhat_figures: { vi: 'số liệu', en: 'figures' },
	noticeWhat_updates: { vi: 'cập nhật tiến độ', en: 'progress updates' },
	// The user's own settings page (/account): where the daily reminder email goes
	account: { vi: 'Tài khoản', en: 'Account' },
	accountDigest: { vi: 'Thư nhắc việc hằng ngày', en: 'Daily reminder email' },
	accountDigestIntro: {
		vi: 'Mỗi sáng, Planboard gửi thư liệt kê các nhiệm vụ của đơn vị bạn đã quá hạn hoặc sắp đến hạn trong 7 ngày tới.',
		en: 'Each morning Planboard sends an email listing your agency’s tasks that are overdue or due within the next 7 days.'
	},
	accountMailOff: {
		vi: 'Máy chủ chưa được cấu hình để gửi thư; địa chỉ sẽ được dùng khi quản trị viên bật chức năng này.',
		en: 'This server is not set up to send email yet; the address will be used once an administrator turns it on.'
	},
	accountEmail: { vi: 'Địa chỉ email', en: 'Email address' },
	accountEmailHint: {
		vi: 'Để trống nếu không muốn nhận thư.',
		en: 'Leave empty to receive no email.'
	},
	accountDigestOn: { vi: 'Nhận thư nhắc việc hằng ngày', en: 'Send me the daily reminder' },
	accountSave: { vi: 'Lưu', en: 'Save' },
	accountEmailInvalid: {
		vi: 'Địa chỉ email không hợp lệ; chưa lưu thay đổi.',
		en: 'That is not a valid email address; nothing was saved.'
	},
	accountSaved: { vi: 'Đã lưu.', en: 'Saved.' },
	digestUnsubscribe: { vi: 'Ngừng nhận thư nhắc việc', en: 'Stop the reminder emails' },
	digestUnsubscribeAsk: {
		vi: 'Bạn sẽ không nhận thư nhắc việc hằng ngày của Planboard nữa; quản trị viên có thể bật lại.',
		en: 'You will no longer receive Planboard’s daily reminder email; an administrator can turn it back on.'
	},
	digestUnsubscribeConfirm: { vi: 'Ngừng nhận thư', en: 'Unsubscribe' },
	digestUnsubscribed: {
		vi: 'Đã ngừng gửi thư nhắc việc cho bạn.',
		en: 'You will no longer receive reminder emails.'
	},
	digestUnsubscribeUnknown: {
		vi: 'Liên kết này không hợp lệ.',
		en: 'This link is not valid.'
	}
} as const;

export type MessageKey = keyof typeof dict;

export function t(lang: Lang, key: MessageKey): string {
	return dict[key][lang];
}

/** Every text here, for the checks that both languages are complete (i18n-catalog). */
export { dict as messages };

/** dd/mm/yyyy, the Vietnamese administrative date format, from an ISO date (model's formatter). */
export { formatDmy as formatDate } from '@planboard/model';

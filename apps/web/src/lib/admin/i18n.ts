import type { Lang } from '@planboard/model';

/** Texts of the administration pages (users, agencies and groups, share links), Vietnamese first. */
export const adminMessages = {
	ended: { vi: 'đã ngừng', en: 'ended' },
	agencyDirectory: { vi: 'Danh mục đơn vị', en: 'Agency directory' },
	newPlansAreMatchedAgainstThis: {
		vi: 'Kế hoạch mới được đối chiếu với danh mục này. Đổi tên giữ tên cũ để các kế hoạch cũ vẫn khớp; đơn vị ngừng hoạt động được giữ lại cùng ngày kết thúc và đơn vị kế thừa.',
		en: 'New plans are matched against this directory. A rename keeps the old name so older plans still match; an agency that ended stays, with its end date and successors.'
	},
	addAnAgency: { vi: 'Thêm đơn vị', en: 'Add an agency' },
	name: { vi: 'Tên đơn vị', en: 'Name' },
	shortName: { vi: 'Tên viết tắt', en: 'Short name' },
	kind: { vi: 'Loại', en: 'Kind' },
	idOptional: { vi: 'Mã (không bắt buộc)', en: 'Id (optional)' },
	existsFrom: { vi: 'Hoạt động từ ngày', en: 'Exists from' },
	memberOf: { vi: 'Thuộc nhóm', en: 'Member of' },
	addAgency: { vi: 'Thêm đơn vị', en: 'Add agency' },
	rename: { vi: 'Đổi tên', en: 'Rename' },
	agency: { vi: 'Đơn vị', en: 'Agency' },
	newName: { vi: 'Tên mới', en: 'New name' },
	newShortName: { vi: 'Tên viết tắt mới', en: 'New short name' },
	retire: { vi: 'Ngừng hoạt động', en: 'Retire' },
	endsOn: { vi: 'Ngừng hoạt động từ ngày', en: 'Ends on' },
	successors: { vi: 'Đơn vị kế thừa', en: 'Successors' },
	merge: { vi: 'Sáp nhập', en: 'Merge' },
	agencyMerged: { vi: 'Đơn vị bị sáp nhập', en: 'Agency merged' },
	mergedInto: { vi: 'Sáp nhập vào', en: 'Merged into' },
	on: { vi: 'Từ ngày', en: 'On' },
	addAGroup: { vi: 'Thêm nhóm đơn vị', en: 'Add a group' },
	groupName: { vi: 'Tên nhóm', en: 'Group name' },
	otherSpellingsOnePerLine: {
		vi: 'Cách viết khác (mỗi dòng một tên)',
		en: 'Other spellings (one per line)'
	},
	members: { vi: 'Thành viên', en: 'Members' },
	addGroup: { vi: 'Thêm nhóm', en: 'Add group' },
	id: { vi: 'Mã', en: 'Id' },
	valid: { vi: 'Hiệu lực', en: 'Valid' },
	also: { vi: 'Tên khác', en: 'Also' },
	from: { vi: 'từ', en: 'from' },
	until: { vi: 'đến hết', en: 'until' },
	current: { vi: 'đang hoạt động', en: 'current' },
	currentHeading: { vi: 'Đang hoạt động', en: 'Current' },
	endedHeading: { vi: 'Đã ngừng hoạt động', en: 'Ended' },
	groups: { vi: 'Nhóm đơn vị', en: 'Groups' },
	group: { vi: 'Tên nhóm', en: 'Group' },
	shareLinks: { vi: 'Liên kết chia sẻ', en: 'Share links' },
	progressBoardShareLinks: {
		vi: 'Liên kết chia sẻ bảng tiến độ',
		en: 'Progress board share links'
	},
	whoeverOpensALinkSeesThe: {
		vi: 'Người mở liên kết xem được bảng tiến độ trực tiếp của kế hoạch, không cần tài khoản, và không làm được gì khác. Thu hồi liên kết sẽ ngắt ngay các kết nối đang mở.',
		en: 'Whoever opens a link sees the plan’s live progress board without an account, and can do nothing else. Revoking a link closes its open connections at once.'
	},
	linkCreated: { vi: 'Đã tạo liên kết', en: 'Link created' },
	copyTheLinkNowItCannot: {
		vi: 'Sao chép liên kết ngay: sau khi rời trang sẽ không xem lại được.',
		en: 'Copy the link now: it cannot be shown again.'
	},
	link: { vi: 'Liên kết', en: 'Link' },
	copy: { vi: 'Sao chép', en: 'Copy' },
	createALink: { vi: 'Tạo liên kết', en: 'Create a link' },
	plan: { vi: 'Kế hoạch', en: 'Plan' },
	labelEGOctoberMeeting: {
		vi: 'Nhãn (ví dụ: Họp giao ban tháng 10)',
		en: 'Label (e.g. October meeting)'
	},
	expiresAfterEmptyUntilRevoked: {
		vi: 'Hết hạn sau ngày (để trống: đến khi thu hồi)',
		en: 'Expires after (empty: until revoked)'
	},
	createLink: { vi: 'Tạo liên kết', en: 'Create link' },
	links: { vi: 'Các liên kết', en: 'Links' },
	noLinksYet: { vi: 'Chưa có liên kết nào.', en: 'No links yet.' },
	label: { vi: 'Nhãn', en: 'Label' },
	created: { vi: 'Tạo lúc', en: 'Created' },
	expires: { vi: 'Hết hạn', en: 'Expires' },
	lastUsed: { vi: 'Dùng lần cuối', en: 'Last used' },
	status: { vi: 'Trạng thái', en: 'Status' },
	actions: { vi: 'Thao tác', en: 'Actions' },
	revoke: { vi: 'Thu hồi', en: 'Revoke' },
	administration: { vi: 'Quản trị', en: 'Administration' },
	createAUser: { vi: 'Tạo tài khoản', en: 'Create a user' },
	username: { vi: 'Tên đăng nhập', en: 'Username' },
	displayName: { vi: 'Họ tên', en: 'Display name' },
	role: { vi: 'Vai trò', en: 'Role' },
	password10Characters: { vi: 'Mật khẩu (ít nhất 10 ký tự)', en: 'Password (10+ characters)' },
	create: { vi: 'Tạo', en: 'Create' },
	users: { vi: 'Tài khoản', en: 'Users' },
	roleAndAgency: { vi: 'Vai trò và đơn vị', en: 'Role and agency' },
	password: { vi: 'Mật khẩu', en: 'Password' },
	reminderEmail: { vi: 'Email nhắc việc', en: 'Reminder email' },
	state: { vi: 'Trạng thái', en: 'State' },
	save: { vi: 'Lưu', en: 'Save' },
	newPasswordFor: { vi: 'Mật khẩu mới cho', en: 'New password for' },
	reset: { vi: 'Đặt lại', en: 'Reset' },
	emailOf: { vi: 'Email của', en: 'Email of' },
	dailyEmail: { vi: 'Nhận thư hằng ngày', en: 'Daily email' },
	disabled: { vi: 'Đã khóa', en: 'Disabled' },
	active: { vi: 'Đang hoạt động', en: 'Active' },
	enable: { vi: 'Mở khóa', en: 'Enable' },
	disable: { vi: 'Khóa', en: 'Disable' }
} as const satisfies Record<string, Readonly<Record<Lang, string>>>;

export type AdminKey = keyof typeof adminMessages;

export function at(lang: Lang, key: AdminKey): string {
	return adminMessages[key][lang];
}

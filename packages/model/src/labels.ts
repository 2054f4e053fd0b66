import type { Status } from './status.js';
import type { Timeliness } from './timeliness.js';

export type Lang = 'vi' | 'en';

const STATUS_LABELS: Record<Status, Record<Lang, string>> = {
	todo: { vi: 'Chưa thực hiện', en: 'To do' },
	in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
	awaiting_review: { vi: 'Chờ xác nhận', en: 'Awaiting review' },
	done: { vi: 'Hoàn thành', en: 'Done' },
	paused: { vi: 'Tạm hoãn', en: 'Paused' }
};

const TIMELINESS_LABELS: Record<Timeliness, Record<Lang, string>> = {
	on_track: { vi: 'Trong hạn', en: 'On track' },
	due_soon: { vi: 'Sắp đến hạn', en: 'Due soon' },
	overdue: { vi: 'Quá hạn', en: 'Overdue' },
	done_on_time: { vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
	done_late: { vi: 'Hoàn thành quá hạn', en: 'Done late' }
};

export function statusLabel(status: Status, lang: Lang): string {
	return STATUS_LABELS[status][lang];
}

export function timelinessLabel(t: Timeliness, lang: Lang): string {
	return TIMELINESS_LABELS[t][lang];
}

/**
 * How far a task's due date is from today, in days (negative: overdue): one wording for the
 * notification bell and the email digest. `{days}` is filled by `dueInLabel`.
 */
export const DUE_IN_LABELS = {
	overdue: { vi: 'Quá hạn {days} ngày', en: '{days} days overdue' },
	today: { vi: 'Đến hạn hôm nay', en: 'Due today' },
	soon: { vi: 'Còn {days} ngày đến hạn', en: 'Due in {days} days' }
} as const satisfies Record<string, Record<Lang, string>>;

export function dueInLabel(daysLeft: number, lang: Lang): string {
	const which = daysLeft < 0 ? 'overdue' : daysLeft === 0 ? 'today' : 'soon';
	return DUE_IN_LABELS[which][lang].replace('{days}', String(Math.abs(daysLeft)));
}

/**
 * Names of a card's fields that the board and the reports both print (column headers of the
 * exports, labels of the card detail and filters): one wording, so a leader comparing the two
 * reads the same words.
 */
export const FIELD_LABELS = {
	number: { vi: 'Số', en: 'No.' },
	task: { vi: 'Nhiệm vụ', en: 'Task' },
	agency: { vi: 'Đơn vị', en: 'Agency' },
	status: { vi: 'Trạng thái', en: 'Status' },
	progress: { vi: 'Tiến độ (%)', en: 'Progress (%)' },
	evidence: { vi: 'Minh chứng', en: 'Evidence' }
} as const satisfies Record<string, Record<Lang, string>>;

import type { TaskChange } from '@planboard/boards';
import { formatDate, type Lang } from '$lib/i18n';
import { fill } from '$lib/board/format';

/** Texts of the plan's changes to a task in the card history, Vietnamese first. */
const dict = {
	added: { vi: 'Thêm nhiệm vụ vào kế hoạch', en: 'Task added to the plan' },
	addedBySplit: { vi: 'Tách ra từ một nhiệm vụ khác', en: 'Split off another task' },
	removed: { vi: 'Nhiệm vụ bị gỡ khỏi kế hoạch', en: 'Task removed from the plan' },
	title: { vi: 'Tên nhiệm vụ: «{before}» → «{after}»', en: 'Title: «{before}» → «{after}»' },
	content: { vi: 'Sửa nội dung nhiệm vụ', en: 'Task content edited' },
	timeframe: {
		vi: 'Thời gian thực hiện: {before} → {after}',
		en: 'Timeframe: {before} → {after}'
	},
	due: { vi: 'Hạn hoàn thành: {before} → {after}', en: 'Due date: {before} → {after}' },
	lead: { vi: 'Đơn vị chủ trì: {before} → {after}', en: 'Lead agencies: {before} → {after}' },
	coordinating: {
		vi: 'Đơn vị phối hợp: {before} → {after}',
		en: 'Coordinating agencies: {before} → {after}'
	},
	section: { vi: 'Chuyển sang mục khác của kế hoạch', en: 'Moved to another section' },
	deleted: { vi: 'Nhiệm vụ bị xoá khỏi kế hoạch', en: 'Task deleted from the plan' },
	restored: { vi: 'Nhiệm vụ được khôi phục', en: 'Task restored' },
	merged: { vi: 'Gộp vào nhiệm vụ {number}', en: 'Merged into task {number}' },
	absorbed: {
		vi: 'Gộp nhiệm vụ {number} «{title}» vào nhiệm vụ này',
		en: 'Task {number} «{title}» merged into this one'
	},
	split: {
		vi: 'Tách thành nhiệm vụ mới {number} «{title}»',
		en: 'Split into a new task {number} «{title}»'
	},
	handover: {
		vi: 'Bàn giao chủ trì từ {before} cho {after}',
		en: 'Lead handed over from {before} to {after}'
	},
	none: { vi: '(trống)', en: '(none)' },
	noDue: { vi: 'không có hạn', en: 'no due date' }
} as const;

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
const other = (v: unknown) => {
	const o = (v ?? {}) as { number?: unknown; title?: unknown };
	return { number: text(o.number), title: text(o.title) };
};

/** One plan change to a task as a sentence, for the card's history. */
export function describeTaskChange(change: TaskChange, lang: Lang): string {
	const m = (key: keyof typeof dict) => dict[key][lang];
	const none = m('none');
	switch (change.kind) {
		case 'task':
			if (change.before === null)
				return (change.after as { splitFrom?: unknown } | null)?.splitFrom
					? m('addedBySplit')
					: m('added');
			return m('removed');
		case 'title':
		case 'timeframe':
		case 'handover':
			return fill(m(change.kind), {
				before: text(change.before) || none,
				after: text(change.after) || none
			});
		case 'due': {
			const day = (v: unknown) => (typeof v === 'string' ? formatDate(v) : m('noDue'));
			return fill(m('due'), { before: day(change.before), after: day(change.after) });
		}
		case 'lead':
		case 'coordinating': {
			const names = (v: unknown) => list(v).join(', ') || none;
			return fill(m(change.kind), { before: names(change.before), after: names(change.after) });
		}
		case 'merged':
		case 'absorbed':
		case 'split':
			return fill(m(change.kind), other(change.after));
		default:
			return m(change.kind);
	}
}

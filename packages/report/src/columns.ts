import { FIELD_LABELS, statusLabel, vietnamDate, type Lang } from '@planboard/model';
import { dmy } from './dates.js';
import { timelinessText, type CardRow } from './rows.js';

/** A cell: numbers stay numbers in XLSX; `date` is 'YYYY-MM-DD' (a real date cell there). */
export type Cell = string | number | { date: string } | null;

interface Column {
	key: string;
	label: Record<Lang, string>;
	/** Width in characters, for XLSX. */
	width: number;
	value: (row: CardRow, lang: Lang) => Cell;
}

const TASK_KIND: Record<'task' | 'duty', Record<Lang, string>> = {
	task: { vi: 'Nhiệm vụ', en: 'Task' },
	duty: { vi: 'Trách nhiệm', en: 'Duty' }
};

/** Figures as 'label: value' lines, in figure-key order. */
export function figuresText(figures: CardRow['card']['figures']): string {
	return Object.values(figures)
		.map((f) => `${f.label}: ${f.value}`)
		.join('\n');
}

/**
 * The card columns shared by CSV and XLSX, so both exports always list the same fields in the
 * same order. Keys are stable for scripts; labels follow the language.
 */
export const CARD_COLUMNS: readonly Column[] = [
	{
		key: 'number',
		label: FIELD_LABELS.number,
		width: 9,
		value: (r) => r.task.number
	},
	{
		key: 'kind',
		label: { vi: 'Loại', en: 'Kind' },
		width: 12,
		value: (r, l) => TASK_KIND[r.task.kind][l]
	},
	{
		key: 'title',
		label: FIELD_LABELS.task,
		width: 50,
		value: (r) => r.task.title
	},
	{
		key: 'agency',
		label: FIELD_LABELS.agency,
		width: 30,
		value: (r) => r.agencyName
	},
	{
		key: 'status',
		label: FIELD_LABELS.status,
		width: 16,
		value: (r, l) => statusLabel(r.card.status, l)
	},
	{
		key: 'progress',
		label: FIELD_LABELS.progress,
		width: 10,
		// A done card counts as 100% whatever its slider says, as in the task roll-up.
		value: (r) => (r.card.status === 'done' ? 100 : r.card.progress)
	},
	{
		key: 'due',
		label: { vi: 'Thời hạn', en: 'Due' },
		width: 12,
		value: (r) => (r.task.due ? { date: r.task.due } : null)
	},
	{
		key: 'timeliness',
		label: { vi: 'Tình hình thời hạn', en: 'Timeliness' },
		width: 20,
		value: (r, l) => timelinessText(r.timeliness, l)
	},
	{
		key: 'completedAt',
		label: { vi: 'Ngày hoàn thành', en: 'Completed' },
		width: 14,
		value: (r) => (r.card.completedAt === null ? null : { date: vietnamDate(r.card.completedAt) })
	},
	{
		key: 'notes',
		label: { vi: 'Kết quả thực hiện', en: 'Result' },
		width: 60,
		value: (r) => r.card.notes
	},
	{
		key: 'checklist',
		label: { vi: 'Đầu việc (xong/tổng)', en: 'Checklist (done/total)' },
		width: 12,
		value: (r) =>
			r.card.checklist.length === 0
				? ''
				: `${r.card.checklist.filter((i) => i.done).length}/${r.card.checklist.length}`
	},
	{
		key: 'evidence',
		label: FIELD_LABELS.evidence,
		width: 40,
		value: (r) => r.card.evidence.map((e) => (e.label ? `${e.label}: ${e.url}` : e.url)).join('\n')
	},
	{
		key: 'figures',
		label: { vi: 'Số liệu', en: 'Figures' },
		width: 30,
		value: (r) => figuresText(r.card.figures)
	},
	{
		key: 'lastUpdate',
		label: { vi: 'Cập nhật gần nhất', en: 'Latest update' },
		width: 40,
		value: (r) => {
			const last = r.card.updates.at(-1);
			return last ? `${dmy(vietnamDate(last.at))} ${last.authorName}: ${last.text}` : '';
		}
	}
];

/** A cell as text, for CSV: dates as dd/mm/yyyy, which Excel in a Vietnamese locale reads. */
export function cellText(cell: Cell): string {
	if (cell === null) return '';
	if (typeof cell === 'object') return dmy(cell.date);
	return String(cell);
}

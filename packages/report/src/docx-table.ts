import { statusLabel, type Figure } from '@planboard/model';
import type { BoardCard, BoardData } from './board.js';
import { dmy } from './dates.js';
import { CM, cell, para, row, table } from './docx-xml.js';
import { agencyName, timelinessText, type TaskRow } from './rows.js';

/** Figure keys an agency fills in for the report's last two columns. */
export const DIFFICULTIES_KEY = 'difficulties';
export const PROPOSALS_KEY = 'proposals';

const COLUMNS: { label: string; cm: number }[] = [
	{ label: 'TT', cm: 1.4 },
	{ label: 'Nhiệm vụ', cm: 4.0 },
	{ label: 'Đơn vị chủ trì', cm: 2.6 },
	{ label: 'Đơn vị phối hợp', cm: 2.5 },
	{ label: 'Thời hạn', cm: 2.2 },
	{ label: 'Tình trạng', cm: 2.2 },
	{ label: 'Tình hình thời hạn', cm: 2.0 },
	{ label: 'Kết quả thực hiện', cm: 4.6 },
	{ label: 'Khó khăn, vướng mắc', cm: 2.1 },
	{ label: 'Đề xuất, kiến nghị', cm: 2.1 }
];

const SIZE = 11;

/** Cell paragraphs from lines of text: Word has no line breaks inside a run's text. */
function lines(texts: string[], options: { bold?: boolean; center?: boolean } = {}): string[] {
	return texts
		.flatMap((t) => t.split(/\r?\n/))
		.filter((t) => t.trim() !== '')
		.map((t) =>
			para(t, {
				size: SIZE,
				bold: options.bold,
				align: options.center ? 'center' : 'left',
				after: 2
			})
		);
}

/** With several agencies on a task, each line says whose it is. */
function attributed(
	board: BoardData,
	cards: BoardCard[],
	text: (c: BoardCard) => string
): string[] {
	const filled = cards.filter((c) => text(c).trim() !== '');
	if (cards.length <= 1) return filled.map(text);
	return filled.map((c) => `${shortName(board, c.agencyId)}: ${text(c)}`);
}

function shortName(board: BoardData, id: string): string {
	const a = board.agencies.find((x) => x.id === id);
	return a?.shortName || a?.name || id;
}

function figureText(card: BoardCard, key: string): string {
	const f: Figure | undefined = card.figures[key];
	return f === undefined ? '' : String(f.value);
}

/** Result: the notes, the other reported figures, and what coordinating agencies wrote. */
function resultLines(board: BoardData, r: TaskRow): string[] {
	const other = (c: BoardCard) =>
		Object.entries(c.figures)
			.filter(([k]) => k !== DIFFICULTIES_KEY && k !== PROPOSALS_KEY)
			.map(([, f]) => `${f.label}: ${f.value}`)
			.join('; ');
	return [
		...attributed(board, r.cards, (c) => c.notes),
		...attributed(board, r.cards, other),
		...r.contributions
			.filter((c) => c.text.trim() !== '')
			.map((c) => `Phối hợp - ${shortName(board, c.agencyId)}: ${c.text}`)
	];
}

function statusLines(r: TaskRow): string[] {
	const out = [statusLabel(r.status, 'vi')];
	if (r.rollup === null) return out;
	if (r.rollup.total > 1) out.push(`${r.rollup.done}/${r.rollup.total} đơn vị hoàn thành`);
	if (r.status !== 'done' && r.rollup.total > 0) out.push(`Tiến độ: ${r.rollup.percent}%`);
	return out;
}

function taskLines(r: TaskRow): string[] {
	if (r.task.kind === 'duty') return r.task.items.map((i) => `- ${i}`);
	return [r.task.title];
}

/** Total width of the appendix table in twips: 25.7 cm, landscape A4 less 2 cm margins. */
export const APPENDIX_WIDTH = COLUMNS.reduce((sum, c) => sum + Math.round(c.cm * CM), 0);

/**
 * One row per task and duty, after a header row that Word repeats on every page. Difficulties
 * and proposals come from the figures of the same names, left empty when no agency gave them.
 */
export function appendixTable(options: { board: BoardData; rows: TaskRow[] }): string {
	const { board } = options;
	const widths = COLUMNS.map((c) => Math.round(c.cm * CM));
	const header = row(
		COLUMNS.map((c, i) =>
			cell({
				width: widths[i],
				valign: 'center',
				paragraphs: lines([c.label], { bold: true, center: true })
			})
		),
		{ header: true }
	);
	const body = options.rows.map((r) => {
		const texts: string[][] = [
			[r.task.number],
			taskLines(r),
			r.task.lead.map((id) => agencyName(board, id)),
			r.task.coordinating.map((id) => agencyName(board, id)),
			[r.task.due ? dmy(r.task.due) : r.task.timeframe],
			statusLines(r),
			[timelinessText(r.timeliness, 'vi')],
			resultLines(board, r),
			attributed(board, r.cards, (c) => figureText(c, DIFFICULTIES_KEY)),
			attributed(board, r.cards, (c) => figureText(c, PROPOSALS_KEY))
		];
		return row(
			texts.map((t, i) =>
				cell({
					width: widths[i],
					valign: 'top',
					paragraphs: lines(t, { center: i === 0 || i === 4 })
				})
			)
		);
	});
	return table({ widths, rows: [header, ...body], borders: true });
}

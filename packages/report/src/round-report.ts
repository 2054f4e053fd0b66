import {
	agencyDocName,
	asTaskId,
	nameDoc,
	planDocName,
	readRound,
	readSubmission,
	vietnamDate,
	type ReportRound,
	type ReportSubmission
} from '@planboard/model';
import * as Y from 'yjs';
import { readBoard, type BoardCard, type BoardData } from './board.js';
import { dmy } from './dates.js';
import { documentXml, type DocxOptions } from './docx.js';
import { wordPackage } from './docx-package.js';
import { checkAsOf, taskRows } from './rows.js';

/** A round with its plan and the reports its agencies submitted, read once. */
export interface RoundSource {
	board: BoardData;
	round: ReportRound;
	/** In the round's agency order; agencies that did not report are absent. */
	submissions: ReportSubmission[];
}

/** Reads a round and its submissions from stored documents; null when the plan has no such round. */
export function readRoundSource(options: {
	/** The current state of a document by name (null or empty: never written). */
	loadDoc: (name: string) => Y.Doc | null;
	planId: string;
	roundId: string;
}): RoundSource | null {
	const { planId } = options;
	const load = (name: string) => nameDoc(options.loadDoc(name) ?? new Y.Doc(), name);
	const plan = load(planDocName(planId));
	const round = readRound(plan, options.roundId);
	if (!round) return null;
	const submissions: ReportSubmission[] = [];
	for (const agencyId of round.agencies) {
		const agency = load(agencyDocName({ planId, agencyId }));
		const s = readSubmission({ plan, agency, roundId: round.id });
		if (s) submissions.push(s);
	}
	return { board: readBoard({ loadDoc: load, planId }), round, submissions };
}

/**
 * The board as the round's reports state it: only the tasks assigned to the agencies asked,
 * each submitting agency's cards replaced by its report (status, progress, result), and no card
 * for an agency that did not report, so the figures count its tasks as not reported (not
 * started) rather than reading its live board. Live figures and contributions are left out:
 * the consolidated report says what the agencies reported, nothing else.
 */
export function roundBoard(source: RoundSource): BoardData {
	const { board, round, submissions } = source;
	const asked = new Set<string>(round.agencies);
	const assignments = Object.fromEntries(
		Object.entries(board.assignments).filter(([agencyId]) => asked.has(agencyId))
	);
	const assigned = new Set(Object.values(assignments).flat());
	const live = new Map(board.cards.map((c) => [`${c.agencyId}/${c.taskId}`, c]));
	const cards: BoardCard[] = submissions.flatMap((s) =>
		s.rows.map((row): BoardCard => {
			const card = live.get(`${s.agencyId}/${row.taskId}`);
			const done = row.status === 'done';
			return {
				taskId: asTaskId(row.taskId),
				agencyId: s.agencyId,
				order: card?.order ?? '',
				status: row.status,
				progress: done ? 100 : row.progress,
				notes: row.result,
				checklist: [],
				evidence: [],
				figures: {},
				updates: [],
				completedAt: done ? (card?.completedAt ?? s.submittedAt) : null,
				updatedAt: s.submittedAt,
				updatedBy: s.by
			};
		})
	);
	return {
		...board,
		tasks: board.tasks.filter((t) => assigned.has(t.id)),
		assignments,
		cards,
		contributions: []
	};
}

function nameOf(board: BoardData, id: string): string {
	return board.agencies.find((a) => a.id === id)?.name ?? id;
}

/** Who reported, who reported late (and when), who did not. */
function reception(source: RoundSource): string[] {
	const { board, round, submissions } = source;
	const onTime = submissions.filter((s) => !s.late);
	const late = submissions.filter((s) => s.late);
	const reported = new Set<string>(submissions.map((s) => s.agencyId));
	const missing = round.agencies.filter((a) => !reported.has(a));
	const list = (items: string[]) => (items.length ? items.join('; ') : 'không có');
	return [
		`Tổng hợp từ báo cáo của ${submissions.length}/${round.agencies.length} đơn vị được đề nghị ` +
			`báo cáo (${round.title}, hạn gửi ngày ${dmy(round.due)}):`,
		`- Gửi đúng hạn: ${list(onTime.map((s) => nameOf(board, s.agencyId)))};`,
		`- Gửi muộn: ${list(late.map((s) => `${nameOf(board, s.agencyId)} (${vietnamDay(s.submittedAt)})`))};`,
		`- Chưa gửi báo cáo: ${list(missing.map((a) => nameOf(board, a)))}.`
	];
}

function vietnamDay(ms: number): string {
	return `ngày ${dmy(vietnamDate(ms))}`;
}

/** One line per agency that wrote something under this heading. */
function agencyLines(source: RoundSource, text: (s: ReportSubmission) => string): string[] {
	const lines = source.submissions
		.filter((s) => text(s).trim() !== '')
		.flatMap((s) =>
			text(s)
				.split(/\r?\n/)
				.filter((l) => l.trim() !== '')
				.map((l, i) => (i === 0 ? `- ${nameOf(source.board, s.agencyId)}: ${l}` : l))
		);
	return lines.length ? lines : ['Các đơn vị không nêu.'];
}

/**
 * The consolidated report of a round: the year's report (Nghị định 30/2020 layout, docx.ts)
 * made from the submitted reports, saying who reported and when, with each agency's
 * difficulties and proposals as parts III and IV.
 */
export function toRoundDocx(source: RoundSource, options: DocxOptions): Uint8Array {
	checkAsOf(options.asOf);
	const board = roundBoard(source);
	const rows = taskRows(board, options);
	const subject = `${source.round.title}: kết quả thực hiện ${board.meta.title}`;
	return wordPackage({
		title: `Báo cáo tổng hợp ${source.round.title}`,
		document: documentXml(board, rows, options, {
			subject,
			reception: reception(source),
			parts: [
				{ heading: 'KHÓ KHĂN, VƯỚNG MẮC', lines: agencyLines(source, (s) => s.difficulties) },
				{ heading: 'ĐỀ XUẤT, KIẾN NGHỊ', lines: agencyLines(source, (s) => s.proposals) }
			]
		})
	});
}

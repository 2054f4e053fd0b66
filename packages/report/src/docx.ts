import type { BoardData } from './board.js';
import { dmy } from './dates.js';
import {
	GIA_LAI_STTTT,
	appendixHeading,
	bodyPara,
	nationalHeader,
	signatureBlock,
	titleBlock,
	type Reporter
} from './docx-parts.js';
import { appendixTable } from './docx-table.js';
import { LANDSCAPE, PORTRAIT, PORTRAIT_WIDTH, wordDocument, wordPackage } from './docx-package.js';
import { sectPr, sectionBreak } from './docx-xml.js';
import { boardProgress, checkAsOf, taskRows, type ExportOptions, type TaskRow } from './rows.js';
import { summarize } from './summary.js';

export interface DocxOptions extends ExportOptions {
	/** Who issues the report; the Gia Lai Department of Information and Communications by default. */
	reporter?: Reporter;
	/** Recipients listed under 'Nơi nhận:'; the plan's issuer by default. */
	recipients?: string[];
}

/** The sentence opening the report: which plan it answers and as of when. */
function opening(board: BoardData, reporter: Reporter, asOf: string): string {
	const { title, number, date, issuer } = board.meta;
	return (
		`Thực hiện ${title}` +
		(number ? ` số ${number}` : '') +
		(date ? ` ngày ${dmy(date)}` : '') +
		(issuer ? ` của ${issuer}` : '') +
		`, ${reporter.displayName} báo cáo kết quả thực hiện tính đến ngày ${dmy(asOf)} như sau:`
	);
}

/**
 * What a consolidated report adds to the year's report (round-report.ts): its subject, the
 * lines saying which agencies reported, and further numbered parts after the results.
 */
export interface ReportExtras {
	subject: string;
	/** Under I, before the figures. */
	reception: string[];
	/** After II, numbered on from III. */
	parts: { heading: string; lines: string[] }[];
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

/** The report's Word document part; `extras` for a consolidated report of a round. */
export function documentXml(
	board: BoardData,
	rows: TaskRow[],
	options: DocxOptions,
	extras?: ReportExtras
): string {
	const reporter = options.reporter ?? GIA_LAI_STTTT;
	const { asOf } = options;
	const summary = summarize({ rows, progress: boardProgress(board, asOf) });
	const parts = (extras?.parts ?? []).flatMap((part, i) => [
		bodyPara(`${ROMAN[i + 2] ?? i + 3}. ${part.heading}`, { bold: true }),
		...part.lines.map((line) => bodyPara(line))
	]);
	const body = [
		nationalHeader({ reporter, asOf, within: PORTRAIT_WIDTH }),
		titleBlock({
			summary: extras?.subject ?? `Kết quả thực hiện ${board.meta.title}`,
			within: PORTRAIT_WIDTH
		}),
		bodyPara(opening(board, reporter, asOf)),
		bodyPara('I. TÌNH HÌNH THỰC HIỆN', { bold: true }),
		...(extras?.reception ?? []).map((line) => bodyPara(line)),
		...summary.map((line) => bodyPara(line)),
		bodyPara('II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ', { bold: true }),
		bodyPara('Kết quả thực hiện từng nhiệm vụ được tổng hợp tại Phụ lục kèm theo Báo cáo này.'),
		...parts,
		bodyPara(
			`Trên đây là báo cáo kết quả thực hiện ${board.meta.title} của ${reporter.displayName}./.`
		),
		signatureBlock({
			reporter,
			recipients: options.recipients ?? (board.meta.issuer ? [board.meta.issuer] : []),
			width: PORTRAIT_WIDTH
		}),
		sectionBreak(PORTRAIT),
		appendixHeading({ reporter, asOf }),
		appendixTable({ board, rows }),
		// Word requires a paragraph after a table that ends a section.
		'<w:p/>'
	];
	return wordDocument(`${body.join('')}${sectPr(LANDSCAPE)}`);
}

/**
 * The year's report as a Word document laid out per Nghị định 30/2020/NĐ-CP: A4 portrait with
 * the national header, title, summary and signature block, then a landscape appendix with one
 * table row per task and duty. Always Vietnamese: it is an official document.
 */
export function toDocx(board: BoardData, options: DocxOptions): Uint8Array {
	checkAsOf(options.asOf);
	const rows = taskRows(board, options);
	return wordPackage({
		title: `Báo cáo kết quả thực hiện ${board.meta.title}`,
		document: documentXml(board, rows, options)
	});
}

import { dmy, placeDateLine } from './dates.js';
import { CM, cell, para, row, rule, table } from './docx-xml.js';

/**
 * The body that issues the report, as printed in its header. Defaults to the Gia Lai
 * Department of Information and Communications, which compiles the plan's yearly report.
 */
export interface Reporter {
	/** The governing body, upper case, e.g. 'ỦY BAN NHÂN DÂN TỈNH GIA LAI'; '\n' breaks a line. */
	parent: string;
	/** The issuing body, upper case, e.g. 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG'; '\n' breaks a line. */
	name: string;
	/** As used in the document number, e.g. 'STTTT' in '…/BC-STTTT'. */
	abbreviation: string;
	/** Place name of the place-and-date line, e.g. 'Gia Lai'. */
	place: string;
	/** Position of the signer, e.g. 'GIÁM ĐỐC'. */
	signer: string;
	/** The issuing body as written in running text, e.g. 'Sở Thông tin và Truyền thông'. */
	displayName: string;
}

export const GIA_LAI_STTTT: Reporter = {
	parent: 'ỦY BAN NHÂN DÂN TỈNH GIA LAI',
	name: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
	abbreviation: 'STTTT',
	place: 'Gia Lai',
	signer: 'GIÁM ĐỐC',
	displayName: 'Sở Thông tin và Truyền thông'
};

/**
 * 'Số: …/BC-STTTT': the number is left open, the clerk fills it in when the document is issued.
 * `code` is the kind of document's abbreviation (Nghị định 30/2020, Phụ lục III): BC for a
 * report, BB for minutes.
 */
export function numberLine(reporter: Reporter, code = 'BC'): string {
	return `Số: …/${code}-${reporter.abbreviation}`;
}

/**
 * Column widths of the header. Together 18.2 cm, wider than the 16 cm of text and reaching into
 * the margins as the usual templates do, so each line of the header fits on one line at 12 pt.
 */
const LEFT = Math.round(8.2 * CM);
const RIGHT = Math.round(10 * CM);

/**
 * The national header as a borderless two-column table: issuing body over the document number
 * on the left; the national name and motto over the place-and-date line on the right.
 */
export function nationalHeader(options: {
	reporter: Reporter;
	asOf: string;
	within: number;
	/** The kind of document in its number (see numberLine); a report by default. */
	code?: string;
}): string {
	const { reporter } = options;
	const left = LEFT;
	const right = RIGHT;
	const top = row([
		cell({
			width: left,
			paragraphs: [
				...reporter.parent.split('\n').map((line) => para(line, { align: 'center', size: 12 })),
				...reporter.name
					.split('\n')
					.map((line) => para(line, { align: 'center', size: 12, bold: true })),
				rule({ width: 1.6 * CM, within: left })
			]
		}),
		cell({
			width: right,
			paragraphs: [
				para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', {
					align: 'center',
					size: 13,
					bold: true
				}),
				para('Độc lập - Tự do - Hạnh phúc', {
					align: 'center',
					size: 14,
					bold: true
				}),
				rule({ width: 5 * CM, within: right })
			]
		})
	]);
	const bottom = row([
		cell({
			width: left,
			paragraphs: [para(numberLine(reporter, options.code), { align: 'center', size: 13, before: 6 })]
		}),
		cell({
			width: right,
			paragraphs: [
				para(placeDateLine({ place: reporter.place, date: options.asOf }), {
					align: 'center',
					size: 14,
					italic: true,
					before: 6
				})
			]
		})
	]);
	return table({
		widths: [left, right],
		rows: [top, bottom],
		borders: false,
		indent: Math.round((options.within - left - right) / 2)
	});
}

/** 'BÁO CÁO' (or `title`) and its summary line, centred and bold, with the short rule below. */
export function titleBlock(options: { summary: string; within: number; title?: string }): string {
	return [
		para(options.title ?? 'BÁO CÁO', { align: 'center', size: 14, bold: true, before: 18 }),
		para(options.summary, { align: 'center', size: 14, bold: true }),
		rule({ width: 3 * CM, within: options.within }),
		para('', { after: 6 })
	].join('');
}

/** Body text: 14 pt, justified, first line indented 1 cm, 6 pt after. */
export function bodyPara(text: string, options: { bold?: boolean; italic?: boolean } = {}): string {
	return para(text, {
		align: 'both',
		firstLine: CM,
		after: 6,
		line: 1.15,
		size: 14,
		...options
	});
}

/** 'Nơi nhận:' on the left, the signer's position on the right (Phụ lục I, ô số 9). */
export function signatureBlock(options: {
	reporter: Reporter;
	recipients: string[];
	width: number;
}): string {
	const half = Math.round(options.width / 2);
	const recipients = [
		para('Nơi nhận:', { size: 12, bold: true, italic: true }),
		...options.recipients.map((r) => para(`- ${r};`, { size: 11 })),
		para('- Lưu: VT.', { size: 11 })
	];
	const signer = [
		para(options.reporter.signer, { align: 'center', size: 14, bold: true }),
		para('(Ký, ghi rõ họ tên, đóng dấu)', {
			align: 'center',
			size: 14,
			italic: true
		})
	];
	return table({
		widths: [half, options.width - half],
		rows: [
			row([
				cell({ width: half, paragraphs: recipients }),
				cell({ width: options.width - half, paragraphs: signer })
			])
		],
		borders: false
	});
}

/** The appendix heading, referring back to the report it belongs to. */
export function appendixHeading(options: { reporter: Reporter; asOf: string }): string {
	const { reporter } = options;
	return [
		para('PHỤ LỤC', { align: 'center', size: 14, bold: true }),
		para('KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ', {
			align: 'center',
			size: 14,
			bold: true
		}),
		para(
			`(Kèm theo Báo cáo ${numberLine(reporter).replace('Số: ', 'số ')} ngày ${dmy(options.asOf)} ` +
				`của ${reporter.displayName})`,
			{ align: 'center', size: 14, italic: true, after: 6 }
		)
	].join('');
}

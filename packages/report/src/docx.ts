import { strToU8, zipSync } from 'fflate';
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
import { A4, CM, FONT, sectPr, sectionBreak, type PageSetup } from './docx-xml.js';
import { boardProgress, checkAsOf, taskRows, type ExportOptions, type TaskRow } from './rows.js';
import { summarize } from './summary.js';
import { XML_HEAD, esc } from './xml.js';

export interface DocxOptions extends ExportOptions {
	/** Who issues the report; the Gia Lai Department of Information and Communications by default. */
	reporter?: Reporter;
	/** Recipients listed under 'Nơi nhận:'; the plan's issuer by default. */
	recipients?: string[];
}

/** Nghị định 30/2020 margins: top and bottom 2 cm, left 3 cm (binding side), right 2 cm. */
const PORTRAIT: PageSetup = {
	landscape: false,
	margins: { top: 2 * CM, right: 2 * CM, bottom: 2 * CM, left: 3 * CM }
};
const LANDSCAPE: PageSetup = {
	landscape: true,
	margins: { top: 2 * CM, right: 2 * CM, bottom: 2 * CM, left: 2 * CM }
};
const PORTRAIT_WIDTH = A4.width - PORTRAIT.margins.left - PORTRAIT.margins.right;

const NS =
	'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
	'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Times New Roman 14 pt everywhere unless a run says otherwise; Vietnamese for proofing. */
const STYLES = `${XML_HEAD}<w:styles ${NS}><w:docDefaults><w:rPrDefault><w:rPr>
<w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:eastAsia="${FONT}" w:cs="${FONT}"/>
<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>
</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>`;

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

function documentXml(board: BoardData, rows: TaskRow[], options: DocxOptions): string {
	const reporter = options.reporter ?? GIA_LAI_STTTT;
	const { asOf } = options;
	const summary = summarize({ rows, progress: boardProgress(board, asOf) });
	const body = [
		nationalHeader({ reporter, asOf, within: PORTRAIT_WIDTH }),
		titleBlock({
			summary: `Kết quả thực hiện ${board.meta.title}`,
			within: PORTRAIT_WIDTH
		}),
		bodyPara(opening(board, reporter, asOf)),
		bodyPara('I. TÌNH HÌNH THỰC HIỆN', { bold: true }),
		...summary.map((line) => bodyPara(line)),
		bodyPara('II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ', { bold: true }),
		bodyPara('Kết quả thực hiện từng nhiệm vụ được tổng hợp tại Phụ lục kèm theo Báo cáo này.'),
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
	return `${XML_HEAD}<w:document ${NS}><w:body>${body.join('')}${sectPr(LANDSCAPE)}</w:body></w:document>`;
}

const CONTENT_TYPES =
	`${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
	'<Default Extension="xml" ContentType="application/xml"/>' +
	'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
	'<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
	'<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
	'<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
	'</Types>';

const ROOT_RELS =
	`${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
	'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
	'</Relationships>';

const DOCUMENT_RELS =
	`${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
	'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>' +
	'</Relationships>';

/** Compatibility mode 15 keeps current Word from opening the file in "compatibility mode". */
const SETTINGS =
	`${XML_HEAD}<w:settings ${NS}><w:defaultTabStop w:val="720"/><w:compat>` +
	'<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>' +
	'</w:compat></w:settings>';

function coreXml(title: string): string {
	return (
		`${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		'xmlns:dc="http://purl.org/dc/elements/1.1/">' +
		`<dc:title>${esc(title)}</dc:title><dc:creator>Planboard</dc:creator><dc:language>vi-VN</dc:language>` +
		'</cp:coreProperties>'
	);
}

/**
 * The year's report as a Word document laid out per Nghị định 30/2020/NĐ-CP: A4 portrait with
 * the national header, title, summary and signature block, then a landscape appendix with one
 * table row per task and duty. Always Vietnamese: it is an official document.
 */
export function toDocx(board: BoardData, options: DocxOptions): Uint8Array {
	checkAsOf(options.asOf);
	const rows = taskRows(board, options);
	return zipSync(
		{
			'[Content_Types].xml': strToU8(CONTENT_TYPES),
			'_rels/.rels': strToU8(ROOT_RELS),
			'docProps/core.xml': strToU8(coreXml(`Báo cáo kết quả thực hiện ${board.meta.title}`)),
			'word/document.xml': strToU8(documentXml(board, rows, options)),
			'word/_rels/document.xml.rels': strToU8(DOCUMENT_RELS),
			'word/styles.xml': strToU8(STYLES),
			'word/settings.xml': strToU8(SETTINGS)
		},
		{ level: 6, mtime: new Date('2000-01-01T00:00:00Z') }
	);
}

import { abstractNum, buildDocx, num, type DocxBlock, type DocxCell } from './test-docx.js';

/**
 * Test and bench support: the plans the format tests read, as DOCX packages built here, with
 * the exact text lines the readers must produce from them.
 */

const heading = [
	{ text: 'ỦY BAN NHÂN DÂN TỈNH GIA LAI' },
	{ text: 'Số: 25/KH-UBND' },
	{ text: 'Gia Lai, ngày 15 tháng 3 năm 2024' },
	{ text: 'KẾ HOẠCH' },
	{ text: 'Thông tin đối ngoại trên địa bàn tỉnh Gia Lai năm 2024' }
];

export const TABLE_HEADER = [
	'TT',
	'Nội dung',
	'Cơ quan chủ trì',
	'Cơ quan phối hợp',
	'Thời gian hoàn thành',
	'Sản phẩm'
];

/** One group heading (merged across the row) and its task rows, numbered from `first`. */
function taskGroup(numeral: string, title: string, first: number): (string | DocxCell)[][] {
	return [
		[numeral, { text: title, span: 5 }],
		[
			String(first),
			'Tổ chức hội nghị thông tin đối ngoại',
			'Sở Thông tin và Truyền thông',
			'Sở Ngoại vụ; Công an tỉnh',
			'Tháng 6/2024',
			'Hội nghị'
		],
		[
			String(first + 1),
			{ text: ['Tuyên truyền về biên giới', 'trên Báo Gia Lai'] },
			{ text: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', vMerge: 'restart' },
			'',
			'Quý III/2024',
			'Chuyên mục'
		],
		[
			String(first + 2),
			'Tọa đàm về biên giới',
			{ text: '', vMerge: 'continue' },
			'Ủy ban nhân dân huyện Đức Cơ',
			'Trước ngày 30/9/2024',
			'Tọa đàm'
		]
	];
}

/** A plan whose tasks stand in a table in its "PHỤ LỤC": merged group rows and a merged lead. */
export function tablePlan(groups = 2): Uint8Array {
	const rows: (string | DocxCell)[][] = [TABLE_HEADER];
	const numerals = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
	for (let g = 0; g < groups; g++) {
		rows.push(...taskGroup(numerals[g % 10], `NHÓM NHIỆM VỤ ${g + 1}`, 3 * g + 1));
	}
	const body: DocxBlock[] = [
		...heading,
		{ text: 'I. MỤC ĐÍCH, YÊU CẦU' },
		{ text: 'Nâng cao hiệu quả công tác thông tin đối ngoại.' },
		{ text: 'II. NHIỆM VỤ' },
		{ text: 'Các nhiệm vụ cụ thể tại Phụ lục kèm theo.' },
		{ text: 'III. TỔ CHỨC THỰC HIỆN' },
		{ text: '1. Sở Thông tin và Truyền thông: theo dõi, tổng hợp kết quả thực hiện.' },
		{ text: 'PHỤ LỤC' },
		{ text: 'NHIỆM VỤ THÔNG TIN ĐỐI NGOẠI NĂM 2024' },
		{ rows }
	];
	return buildDocx({ body, landscape: true });
}

/** The lines `docxToLines` must read from `tablePlan()` (and the PDF reader from its PDF). */
export const TABLE_PLAN_LINES = [
	'ỦY BAN NHÂN DÂN TỈNH GIA LAI',
	'Số: 25/KH-UBND',
	'Gia Lai, ngày 15 tháng 3 năm 2024',
	'KẾ HOẠCH',
	'Thông tin đối ngoại trên địa bàn tỉnh Gia Lai năm 2024',
	'I. MỤC ĐÍCH, YÊU CẦU',
	'Nâng cao hiệu quả công tác thông tin đối ngoại.',
	'II. NHIỆM VỤ',
	'Các nhiệm vụ cụ thể tại Phụ lục kèm theo.',
	'III. TỔ CHỨC THỰC HIỆN',
	'1. Sở Thông tin và Truyền thông: theo dõi, tổng hợp kết quả thực hiện.',
	'PHỤ LỤC',
	'NHIỆM VỤ THÔNG TIN ĐỐI NGOẠI NĂM 2024',
	'TT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tSản phẩm',
	'I\tNHÓM NHIỆM VỤ 1\t\t\t\t',
	'1\tTổ chức hội nghị thông tin đối ngoại\tSở Thông tin và Truyền thông\tSở Ngoại vụ; Công an tỉnh\tTháng 6/2024\tHội nghị',
	'2\tTuyên truyền về biên giới trên Báo Gia Lai\tBộ Chỉ huy Bộ đội Biên phòng tỉnh\t\tQuý III/2024\tChuyên mục',
	'3\tTọa đàm về biên giới\tNhư trên\tỦy ban nhân dân huyện Đức Cơ\tTrước ngày 30/9/2024\tTọa đàm',
	'II\tNHÓM NHIỆM VỤ 2\t\t\t\t',
	'4\tTổ chức hội nghị thông tin đối ngoại\tSở Thông tin và Truyền thông\tSở Ngoại vụ; Công an tỉnh\tTháng 6/2024\tHội nghị',
	'5\tTuyên truyền về biên giới trên Báo Gia Lai\tBộ Chỉ huy Bộ đội Biên phòng tỉnh\t\tQuý III/2024\tChuyên mục',
	'6\tTọa đàm về biên giới\tNhư trên\tỦy ban nhân dân huyện Đức Cơ\tTrước ngày 30/9/2024\tTọa đàm'
];

/**
 * Word's automatic numbering as plans use it: sections "I.", "II." (upperRoman), items "1.",
 * "2." (decimal, restarting under each section), sub-items "1.1." ("%2.%3."), points "a)"; the
 * sections through a paragraph style that carries the numbering (as Word's heading styles do).
 */
const NUMBERING =
	abstractNum(0, [
		['upperRoman', '%1.'],
		['decimal', '%2.'],
		['decimal', '%2.%3.'],
		['lowerLetter', '%4)']
	]) + num(1, 0);
const STYLES =
	'<w:style w:type="paragraph" w:styleId="Section"><w:name w:val="Plan section"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
	'<w:style w:type="paragraph" w:styleId="SectionBold"><w:name w:val="Plan section bold"/><w:basedOn w:val="Section"/></w:style>';

/**
 * Labelled-field tasks (the form the text parser reads today) under automatic numbering; past
 * ten repetitions, every ten in a section of their own ("III. NHIỆM VỤ ĐỢT 2", ...).
 */
function numberedItems(times: number): DocxBlock[] {
	const out: DocxBlock[] = [];
	for (let i = 0; i < times; i++) {
		if (i > 0 && i % 10 === 0) out.push({ text: `NHIỆM VỤ ĐỢT ${i / 10 + 1}`, num: [1, 0] });
		out.push(
			{ text: 'Tuyên truyền trên báo chí', num: [1, 1] },
			{ text: 'Xây dựng chuyên mục thông tin đối ngoại trên báo in.', num: [1, 3] },
			{ text: '- Cơ quan chủ trì: Sở Thông tin và Truyền thông.' },
			{ text: '- Cơ quan phối hợp: Sở Ngoại vụ, Công an tỉnh.' },
			{ text: '- Thời gian thực hiện: Quý II năm 2024.' },
			{ text: 'Phát sóng phóng sự về biên giới.', num: [1, 3] },
			{ text: '- Cơ quan chủ trì: Bộ Chỉ huy Bộ đội Biên phòng tỉnh.' },
			{ text: '- Thời gian thực hiện: tháng 9 năm 2024.' },
			{ text: 'Tuyên truyền trên mạng xã hội', num: [1, 1] },
			{ text: 'Trên Cổng thông tin điện tử tỉnh', num: [1, 2] },
			{ text: '- Cơ quan chủ trì: Sở Thông tin và Truyền thông.' },
			{ text: '- Thời hạn: trước ngày 30/6/2024.' }
		);
	}
	return out;
}

export function numberedPlan(times = 1): Uint8Array {
	const body: DocxBlock[] = [
		...heading,
		{ text: 'Mục đích, yêu cầu'.toUpperCase(), style: 'Section' },
		{ text: 'Mục đích', num: [1, 1] },
		{ text: 'Nâng cao nhận thức về công tác thông tin đối ngoại.' },
		{ text: 'NỘI DUNG, NHIỆM VỤ', style: 'SectionBold' },
		...numberedItems(times),
		{ text: 'TỔ CHỨC THỰC HIỆN', num: [1, 0] },
		{ text: 'Sở Thông tin và Truyền thông: hướng dẫn, theo dõi thực hiện Kế hoạch.', num: [1, 1] },
		{ text: 'Công an tỉnh: bảo đảm an ninh thông tin.', num: [1, 1] }
	];
	return buildDocx({ body, numbering: NUMBERING, styles: STYLES });
}

export const NUMBERED_PLAN_LINES = [
	'ỦY BAN NHÂN DÂN TỈNH GIA LAI',
	'Số: 25/KH-UBND',
	'Gia Lai, ngày 15 tháng 3 năm 2024',
	'KẾ HOẠCH',
	'Thông tin đối ngoại trên địa bàn tỉnh Gia Lai năm 2024',
	'I. MỤC ĐÍCH, YÊU CẦU',
	'1. Mục đích',
	'Nâng cao nhận thức về công tác thông tin đối ngoại.',
	'II. NỘI DUNG, NHIỆM VỤ',
	'1. Tuyên truyền trên báo chí',
	'a) Xây dựng chuyên mục thông tin đối ngoại trên báo in.',
	'- Cơ quan chủ trì: Sở Thông tin và Truyền thông.',
	'- Cơ quan phối hợp: Sở Ngoại vụ, Công an tỉnh.',
	'- Thời gian thực hiện: Quý II năm 2024.',
	'b) Phát sóng phóng sự về biên giới.',
	'- Cơ quan chủ trì: Bộ Chỉ huy Bộ đội Biên phòng tỉnh.',
	'- Thời gian thực hiện: tháng 9 năm 2024.',
	'2. Tuyên truyền trên mạng xã hội',
	'2.1. Trên Cổng thông tin điện tử tỉnh',
	'- Cơ quan chủ trì: Sở Thông tin và Truyền thông.',
	'- Thời hạn: trước ngày 30/6/2024.',
	'III. TỔ CHỨC THỰC HIỆN',
	'1. Sở Thông tin và Truyền thông: hướng dẫn, theo dõi thực hiện Kế hoạch.',
	'2. Công an tỉnh: bảo đảm an ninh thông tin.'
];

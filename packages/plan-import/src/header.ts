import type { Block } from './blocks.js';
import { isUpperTitle } from './blocks.js';
import { isoDate } from './dates.js';
import { foldChars, foldVietnamese } from './fold.js';
import type { SourceLine } from './normalize.js';

export interface PlanHeader {
	title: string;
	issuer: string | null;
	number: string | null;
	date: string | null;
	year: number | null;
	bases: string[];
}

const MOTTO =
	/cộng hòa xã hội chủ nghĩa việt nam|cộng hoà xã hội chủ nghĩa việt nam|độc lập\s*-\s*tự do\s*-\s*hạnh phúc/giu;
const NUMBER = /(?<!\p{L})Số\s*:\s*([\p{L}\p{N}][\p{L}\p{N}/\-.&]*)/iu;
const DATE_LINE =
	/(?:([\p{L}][\p{L} .]{1,40}),\s*)?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const STOP = /^(?:Căn cứ|Thực hiện|Để|Nhằm|Theo)\s/u;
const PREFIX_ISSUER = /^(?:Ủy ban|Uỷ ban|UBND|Sở|Ban|Bộ|Hội đồng|Văn phòng|Tỉnh ủy|Cục)/u;
const DOC_TYPES =
	'(?:Nghị quyết|Nghị định|Quyết định|Thông tư|Chỉ thị|Kết luận|Kế hoạch|Công văn|Văn bản|Luật|Hướng dẫn|Chương trình|Đề án|Thông báo|Chiến lược)';
const DOC_SPLIT = new RegExp(
	`\\s*;\\s*|\\s*,\\s*(?:và\\s+)?(?=${DOC_TYPES}\\s)|\\s+và\\s+(?=${DOC_TYPES}\\s+số)`,
	'u'
);

/** Sentence case for uppercase text; place names after "tỉnh", "huyện", "thành phố" keep capitals. */
export function issuerCase(upper: string): string {
	const words = upper.toLocaleLowerCase('vi').split(' ');
	let proper = false;
	return words
		.map((w, i) => {
			const out = i === 0 || proper ? w.charAt(0).toLocaleUpperCase('vi') + w.slice(1) : w;
			if (/^(?:tỉnh|huyện|quận|phường|xã)$/u.test(w) || (w === 'phố' && words[i - 1] === 'thành')) {
				proper = true;
			}
			return out;
		})
		.join(' ');
}

const clip = (s: string) => s.replace(/[\s;,.:]+$/u, '');

function subjectTitle(subject: string): string {
	const s = isUpperTitle(subject) ? issuerCase(subject) : subject;
	const first = s.split(' ')[0] ?? '';
	const lowered = first.length > 1 && first.slice(1) === first.slice(1).toLowerCase();
	return `Kế hoạch ${lowered ? s.charAt(0).toLowerCase() + s.slice(1) : s}`;
}

/** Title, issuer, number, date and legal bases from the part before the first section. */
export function parseHeader(lines: SourceLine[], preamble: Block[]): PlanHeader {
	const head: string[] = [];
	for (const { text } of lines) {
		// "KẾ HOẠCH\nThực hiện công tác ...": a subject may open like a basis; it follows the title.
		const subject = head.length > 0 && /^ke hoach$/.test(foldVietnamese(head[head.length - 1]));
		if ((STOP.test(text) && !subject) || /^[IVX]+\.\s/u.test(text)) break;
		const t = text
			.replace(MOTTO, ' ')
			.replace(/[-_=*]{3,}/g, ' ')
			.replace(/\s+/g, ' ')
			.trim();
		if (t !== '') head.push(t);
	}
	let number: string | null = null;
	let date: string | null = null;
	let titleAt = -1;
	const issuerParts: string[] = [];
	for (let i = 0; i < head.length; i++) {
		const n = NUMBER.exec(head[i]);
		if (n && number === null && n[1].includes('/')) number = n[1];
		const d = DATE_LINE.exec(head[i]);
		if (d && date === null) date = isoDate(+d[4], +d[3], +d[2]);
		if (titleAt < 0 && /^ke hoach(?![a-z])/.test(foldVietnamese(head[i]))) titleAt = i;
		if (titleAt < 0 && number === null && date === null && isUpperTitle(head[i]))
			issuerParts.push(head[i]);
	}
	let title = '';
	if (titleAt >= 0) {
		const subject: string[] = [head[titleAt].replace(/^\s*k\S*\s+h\S*\s*/iu, '')];
		for (let i = titleAt + 1; i < head.length && i <= titleAt + 4; i++) {
			if (NUMBER.test(head[i]) || DATE_LINE.test(head[i])) break;
			subject.push(head[i]);
			if (/[.]$/u.test(head[i])) break;
		}
		const joined = clip(subject.join(' ').trim());
		title = joined === '' ? 'Kế hoạch' : subjectTitle(joined);
	} else {
		title = clip(head.find((h) => !isUpperTitle(h) && !NUMBER.test(h) && !DATE_LINE.test(h)) ?? '');
	}
	let issuer = issuerParts.length > 0 ? issuerCase(issuerParts.join(' ')) : null;
	if (issuer === null) issuer = issuerFromPreamble(preamble);
	const yearText = /năm (\d{4})/u.exec(title) ?? null;
	const year = yearText ? +yearText[1] : date ? +date.slice(0, 4) : titleYear(title);
	return { title, issuer, number, date, year, bases: bases(preamble) };
}

function titleYear(title: string): number | null {
	const m = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(title);
	return m ? +m[1] : null;
}

/** "Ủy ban nhân dân tỉnh Gia Lai ban hành Kế hoạch ..." names the issuer; else null. */
function issuerFromPreamble(preamble: Block[]): string | null {
	for (const b of preamble) {
		const at = foldChars(b.text).lastIndexOf('ban hanh ke hoach');
		if (at < 0) continue;
		const before = b.text.slice(0, at);
		const clause = before
			.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1)
			.trim();
		if (PREFIX_ISSUER.test(clause) && clause.length <= 80) return clause;
	}
	return null;
}

/** Cuts the closing "..., Ủy ban nhân dân tỉnh ban hành Kế hoạch ..." clause off a paragraph. */
function beforeIssuing(text: string): string {
	const end = foldChars(text).lastIndexOf('ban hanh ke hoach');
	const cut = end > 0 ? Math.max(text.lastIndexOf(',', end), text.lastIndexOf(';', end)) : -1;
	return cut > 0 && PREFIX_ISSUER.test(text.slice(cut + 1).trim()) ? text.slice(0, cut) : text;
}

/** Each "Căn cứ ..." paragraph, and each document a "Thực hiện ..." paragraph cites. */
function bases(preamble: Block[]): string[] {
	const out: string[] = [];
	for (const [i, b] of preamble.entries()) {
		if (i > 0 && /(?:^|\s)ke hoach$/.test(foldVietnamese(preamble[i - 1].text))) continue;
		if (/^Căn cứ\s/u.test(b.text)) out.push(clip(beforeIssuing(b.text)));
		else if (/^Thực hiện\s/u.test(b.text)) {
			const docs = beforeIssuing(b.text.replace(/^Thực hiện\s+/u, '')).split(DOC_SPLIT);
			for (const doc of docs) if (doc.trim().length > 3) out.push(clip(doc.trim()));
		}
	}
	return out;
}

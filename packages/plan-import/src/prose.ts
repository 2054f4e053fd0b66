import { looksLikeAgency } from './agency-list.js';
import { parseDue } from './dates.js';
import { foldChars } from './fold.js';

/** One assignment written as a sentence: "<lead> chủ trì, phối hợp với <coordinating> <action>". */
export interface Assignment {
	/** The lead agency list as written (may name several; split later by `splitAgencies`). */
	lead: string;
	/** The coordinating agency list as written, or '' when the sentence names none. */
	coordinating: string;
	/** What is to be done, from the verb to the end of the clause; '' when no verb was found. */
	action: string;
	/** Index in the text where the assignment's lead starts (past "Giao", "Đề nghị"). */
	start: number;
}

// Verbs that open the action after an agency list, folded. Agency names capitalize their words
// ("Sở Xây dựng", "Sở Giáo dục và Đào tạo"), so only a lowercase verb ends a list.
const VERBS =
	'to chuc|xay dung|trien khai|thuc hien|huong dan|tham muu|bien soan|ra soat|tuyen truyen|' +
	'kiem tra|theo doi|tong hop|ban hanh|de xuat|phat hanh|san xuat|cap nhat|nghien cuu|chi dao|' +
	'don doc|bao cao|lua chon|thanh lap|phat dong|duy tri|quang ba|gioi thieu|van dong|bao dam|' +
	'dam bao|cung cap|khao sat|danh gia|tap huan|boi duong|dao tao|phat song|dang tai|hoan thien|' +
	'tiep tuc|day manh|tang cuong|nang cao|xuat ban|ky ket|chuan bi|giam sat|quan ly|van hanh|' +
	'xu ly|thong ke|tiep nhan|lam viec|dua tin|pho bien|ho tro|bo tri|lap ke hoach|mo lop|' +
	'tham dinh|sua doi|bo sung|tham gia|kiem soat|phat huy|thuc thi|thanh tra|giao luu|ra quan';
const VERB = new RegExp(`(?<![a-z0-9])(?:${VERBS})(?![a-z0-9])`, 'g');
const DETERMINERS = new Set(['cac', 'nhung', 'moi', 'cua', 'cho']);
const KEYWORD = /(?<![a-z0-9])(chu tri|phoi hop)(?![a-z0-9])/g;
const COORD_OPEN = /^\s*,?\s*(?:va\s+)?phoi hop(?:\s+chat che)?(?:\s+(?:voi|cung))?\s+/;
const WITH = /^\s*(?:chat che\s+)?(?:(?:voi|cung)\s+)?/;
const REQUEST = /(?:^|\s)(giao|de nghi|do|yeu cau|phan cong)\s+/g;
const REQUEST_WORDS = new Set(['giao', 'đề nghị', 'do', 'yêu cầu', 'phân công']);
const CLAUSE_END = /[.;!?:](?=\s|$)/g;
const MAX_LEAD = 200;
const LABEL_AFTER = /^(?:\s+thuc hien)?\s*:/;

/** Index of the first clause end (".", ";", ":") at or after `from`, or the text's length. */
function clauseEnd(text: string, from: number): number {
	CLAUSE_END.lastIndex = from;
	const m = CLAUSE_END.exec(text);
	return m ? m.index : text.length;
}

/** Start of the clause holding `at`: past the last sentence or clause break before it. */
function clauseStart(text: string, at: number): number {
	const from = Math.max(0, at - MAX_LEAD);
	let start = from;
	// Matched in a window, so a long text without punctuation is not scanned once per keyword.
	// matchAll starts at the regex's lastIndex, which `clauseEnd` moves.
	CLAUSE_END.lastIndex = 0;
	for (const m of text.slice(from, at).matchAll(CLAUSE_END)) start = from + m.index + 1;
	return start;
}

/**
 * The agency list ending at `end`: the clause's text past a request word ("Giao", "Đề nghị"),
 * or past a comma when the clause opens with other words ("Trong đó, Sở ..."). Null when it
 * does not open like an agency name.
 */
function leadBefore(
	text: string,
	folded: string,
	end: number
): { lead: string; start: number } | null {
	const from = clauseStart(text, end);
	let start = from;
	for (const m of folded.slice(from, end).matchAll(REQUEST)) {
		const at = from + m.index + m[0].indexOf(m[1]);
		// "do" folds "độ", "đỏ" too: only the words themselves open an assignment.
		if (REQUEST_WORDS.has(text.slice(at, at + m[1].length).toLowerCase()))
			start = from + m.index + m[0].length;
	}
	// After a request word ("Đề nghị Viễn thông tỉnh ..."), any name is taken: the bodies a plan
	// asks are often outside the issuer's own kinds of agency, and the word itself marks the name.
	const requested = start > from;
	const starts = [start];
	for (let i = text.indexOf(',', start); i >= 0 && i < end; i = text.indexOf(',', i + 1))
		starts.push(i + 1);
	for (const s of starts) {
		const lead = text
			.slice(s, end)
			.replace(/^[\s\-–+•*]+|[\s,]+$/gu, '')
			.trim();
		const named = requested && s === start && /^\p{Lu}/u.test(lead);
		if (lead !== '' && (named || looksLikeAgency(lead))) {
			return { lead, start: s + text.slice(s).search(/\S/u) };
		}
	}
	return null;
}

/** The first lowercase verb in `[from, to)` that is not part of a noun phrase ("các tổ chức"). */
function verbAt(text: string, folded: string, from: number, to: number): number {
	for (const m of folded.slice(from, to).matchAll(VERB)) {
		const at = from + m.index;
		const c = text.charAt(at);
		if (c !== c.toLowerCase()) continue;
		const prev = /(\S+)\s*$/u.exec(folded.slice(Math.max(0, at - 12), at));
		if (prev && DETERMINERS.has(prev[1])) continue;
		return at;
	}
	return -1;
}

/**
 * Reads prose assignments: "<Agency> chủ trì[,] phối hợp với <A>, <B> <verb> ...",
 * "Giao <Agency> chủ trì ...", "<Agency> chủ trì tổ chức ...", and "Đề nghị <Agency> phối hợp
 * (với <A>) ..." (a request to a body outside the issuer's command: still a task it leads).
 */
export function readAssignments(text: string): Assignment[] {
	const folded = foldChars(text);
	const out: Assignment[] = [];
	let consumed = 0;
	KEYWORD.lastIndex = 0;
	for (let m = KEYWORD.exec(folded); m !== null; m = KEYWORD.exec(folded)) {
		if (m.index < consumed) continue;
		// "Đơn vị chủ trì: ..." is a labelled field (fields.ts), not a sentence.
		if (LABEL_AFTER.test(folded.slice(m.index + m[0].length, m.index + m[0].length + 14))) continue;
		const lead = leadBefore(text, folded, m.index);
		if (lead === null) continue;
		const isRequest = /(?:^|\s)de nghi\s+$/.test(
			folded.slice(Math.max(0, lead.start - 9), lead.start)
		);
		if (m[1] === 'phoi hop' && !isRequest) continue;
		let at = m.index + m[0].length;
		const end = clauseEnd(text, at);
		const open = (m[1] === 'chu tri' ? COORD_OPEN : WITH).exec(folded.slice(at, end));
		let coordinating = '';
		if (open) {
			at += open[0].length;
			const verb = verbAt(text, folded, at, end);
			coordinating = text.slice(at, verb < 0 ? end : verb);
			at = verb < 0 ? end : verb;
		}
		const action = text.slice(at, end).replace(/^[\s,]+|[\s,]+$/gu, '');
		out.push({
			lead: lead.lead,
			coordinating: coordinating.replace(/^[\s,]+|[\s,]+$/gu, ''),
			action,
			start: lead.start
		});
		consumed = end;
		KEYWORD.lastIndex = end;
	}
	return out;
}

const TIMEFRAME = new RegExp(
	'(?<![a-z0-9])(?:(?:hoan thanh|thuc hien|trien khai|to chuc|xong)(?:\\s+xong)?' +
		'(?:\\s+(?:trong|truoc|vao|den|cham nhat|tu|trong nam|trong suot))?' +
		'\\s+(?:ngay\\s+\\d|thang\\s+\\d|quy\\s+(?:[ivx]+|\\d)(?![a-z])|nam\\s+\\d|6 thang)' +
		'|(?:hoan thanh|thuc hien|trien khai|xong)\\s+(?:trong|truoc|vao|den|cham nhat)\\s+\\d' +
		'|(?:thuc hien|trien khai)\\s+thuong xuyen)' +
		'(?:[^.;,]|,\\s*(?=(?:thang\\s+|quy\\s+)?\\d))*',
	'g'
);

/** A timeframe phrase inside a sentence, with where it stands. */
export interface InlineTimeframe {
	/** The phrase as written, first letter capitalized: "Hoàn thành trong tháng 6/2026". */
	text: string;
	index: number;
}

/**
 * Timeframes written into sentences: "hoàn thành trong tháng 6/2026", "thực hiện trong Quý
 * III/2026", "hoàn thành trước ngày 30/9/2026", "thực hiện thường xuyên trong năm 2026". A phrase
 * counts only when it names a date `parseDue` reads (a quarter or month may omit the year) or
 * says "thường xuyên".
 */
export function findTimeframes(text: string): InlineTimeframe[] {
	const folded = foldChars(text);
	const out: InlineTimeframe[] = [];
	TIMEFRAME.lastIndex = 0;
	for (let m = TIMEFRAME.exec(folded); m !== null; m = TIMEFRAME.exec(folded)) {
		const phrase = text.slice(m.index, m.index + m[0].length).replace(/[\s,]+$/u, '');
		// Any year will do to tell whether the phrase names a date; the due date is the caller's.
		if (parseDue(phrase, 2000) === null && !/thuong xuyen/.test(m[0])) continue;
		out.push({ text: phrase.charAt(0).toUpperCase() + phrase.slice(1), index: m.index });
	}
	return out;
}

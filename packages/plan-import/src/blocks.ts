import { startsWithLabel } from './fields.js';
import type { SourceLine } from './normalize.js';

export type BlockKind = 'roman' | 'number' | 'letter' | 'bullet' | 'text';

/**
 * A logical line: a numbered heading, a bullet or a paragraph, re-joined from the physical
 * lines PDF extraction broke it into. `text` excludes the marker.
 */
export interface Block {
	kind: BlockKind;
	/** "II", "6.1", "a"; empty for bullets and paragraphs. */
	marker: string;
	text: string;
	line: number;
}

const ROMAN = /^([IVXLCDM]{1,8})\s*[.)]\s*(\S.*)$/u;
const NUMBER = /^(\d{1,2}(?:\.\d{1,2}){0,3})[.)]\s*([\p{L}"“'(].*)$/u;
const NUMBER_NO_DOT = /^(\d{1,2}(?:\.\d{1,2}){1,3})\s+(\p{Lu}.*)$/u;
const LETTER = /^([abcdđeghiklmnopqrstuvxy])\s*(?:\)|\.(?=\s*\p{Lu}))\s*(\S.*)$/u;
const BULLET = /^[-–—•+*]\s*(\S.*)$/u;
const STARTER = /^(?:Căn cứ|Thực hiện|Trên đây|Nơi nhận|Nơi gửi|TM\.|KT\.)/u;
const TERMINAL = /(?:[.;:!?…]|\.\/\.)["”')]*$/u;
const OPEN_END = /[,(\-–/&]$/u;
const CONNECTORS = new Set(
	'và của các về trong tại với cho đến trên theo từ thuộc giữa ngày số năm tháng quý những để nhằm'.split(
		' '
	)
);

/** Whether the text starts, past any opening quote, with an uppercase letter. */
export function startsUpper(s: string): boolean {
	return /^["“'(]?\p{Lu}/u.test(s);
}

export function endsTerminal(s: string): boolean {
	return TERMINAL.test(s);
}

/** Mostly-uppercase text, as section titles are set. */
export function isUpperTitle(s: string): boolean {
	const letters = s.match(/\p{L}/gu) ?? [];
	if (letters.length < 2) return false;
	const upper = letters.filter((c) => c !== c.toLowerCase()).length;
	return upper / letters.length >= 0.7;
}

function classify(text: string, prev: string | null): Omit<Block, 'line'> | null {
	let m = ROMAN.exec(text);
	if (m && isUpperTitle(m[2])) return { kind: 'roman', marker: m[1], text: m[2] };
	m = NUMBER.exec(text) ?? NUMBER_NO_DOT.exec(text);
	if (m) return { kind: 'number', marker: m[1], text: m[2] };
	m = LETTER.exec(text);
	if (m) return { kind: 'letter', marker: m[1], text: m[2] };
	m = BULLET.exec(text);
	// "kinh tế\n- xã hội": a dash before a lowercase word mid-sentence is a wrapped hyphen.
	if (m && (startsUpper(m[1]) || prev === null || endsTerminal(prev))) {
		return { kind: 'bullet', marker: '', text: m[1] };
	}
	return null;
}

function lastWord(s: string): string {
	const i = s.lastIndexOf(' ');
	return i < 0 ? s : s.slice(i + 1);
}

/** Whether a heading's next physical line still belongs to the heading. */
function headingContinues(block: Block, prev: string, next: string): boolean {
	if (block.kind === 'roman') return isUpperTitle(next) || !startsUpper(next);
	if (!startsUpper(next)) return true;
	if (endsTerminal(prev)) return false;
	if (OPEN_END.test(prev)) return true;
	const word = lastWord(prev);
	return startsUpper(word) || CONNECTORS.has(word.toLowerCase());
}

/**
 * Whether a paragraph's next physical line continues it: no sentence end before a capital.
 * In a field line, ";" separates agencies ("...trên địa bàn tỉnh;\nỦy ban nhân dân ..."), not paragraphs.
 */
function paragraphContinues(block: Block, prev: string, next: string): boolean {
	if (/;\s*$/u.test(prev) && startsWithLabel(block.text)) return true;
	return !(endsTerminal(prev) && startsUpper(next));
}

/** Groups cleaned lines into logical blocks; linear in the number of lines. */
export function buildBlocks(lines: SourceLine[]): Block[] {
	const blocks: Block[] = [];
	let open: Block | null = null;
	let heading = false;
	let prev: string | null = null;
	for (const { text, line } of lines) {
		const c = classify(text, prev);
		if (c) {
			open = { ...c, line };
			heading = c.kind !== 'bullet';
			blocks.push(open);
		} else if (
			open !== null &&
			prev !== null &&
			!STARTER.test(text) &&
			!startsWithLabel(text) &&
			(heading && !/[:：]/u.test(open.text)
				? headingContinues(open, prev, text)
				: paragraphContinues(open, prev, text))
		) {
			// "KH-\nUBND", "2021-\n2030": a hyphen glued to the word before it was a code broken at the margin.
			open.text += /[^\s\-–][-–]$/u.test(prev) ? text : ` ${text}`;
		} else {
			open = { kind: 'text', marker: '', text, line };
			heading = false;
			blocks.push(open);
		}
		prev = text;
	}
	return blocks;
}

import { foldChars } from './fold.js';

export type FieldKind = 'lead' | 'coordinating' | 'timeframe' | 'content';

export interface Field {
	kind: FieldKind;
	value: string;
}

// Patterns run on folded text (no diacritics, lowercase), so "Uỷ"/"Ủy" and odd spacing match alike.
const UNIT = '(?:don\\s+vi|co\\s+quan)\\s+';
const LEAD = `${UNIT}chu\\s+tri(?:\\s+thuc\\s+hien)?|chu\\s+tri(?:\\s+thuc\\s+hien)?|${UNIT}thuc\\s+hien`;
const COORD = `(?:${UNIT})?phoi\\s+hop(?:\\s+thuc\\s+hien)?`;
const TIME =
	'thoi\\s+gian(?:\\s+(?:thuc\\s+hien|hoan\\s+thanh))?|thoi\\s+han(?:\\s+hoan\\s+thanh)?';
const CONTENT = 'noi\\s+dung(?:\\s+thuc\\s+hien)?';
const LABEL = new RegExp(`(?<![a-z0-9])(?:(${LEAD})|(${COORD})|(${TIME})|(${CONTENT}))\\s*:`, 'g');
const LABEL_AT_START = new RegExp(`^(?:[-–+•*]\\s*)?(?:${LEAD}|${COORD}|${TIME}|${CONTENT})\\s*:`);
const SEPARATOR_BEFORE = /[.;,:(\-–]\s*$/;

/** Whether a line opens with a field label ("- Đơn vị chủ trì: ..."). */
export function startsWithLabel(text: string): boolean {
	return LABEL_AT_START.test(foldChars(text.slice(0, 60)));
}

function cleanValue(s: string): string {
	return s.replace(/^[\s:]+/, '').replace(/[\s.;,\-–]+$/, '');
}

/**
 * Splits a paragraph into the text before its first field label and the labelled fields.
 * A label counts only at a clause boundary or capitalized, so "chủ trì, phối hợp với" in prose
 * is not taken for a field.
 */
export function extractFields(text: string): { before: string; fields: Field[] } {
	const folded = foldChars(text);
	const hits: { kind: FieldKind; start: number; end: number }[] = [];
	LABEL.lastIndex = 0;
	for (let m = LABEL.exec(folded); m !== null; m = LABEL.exec(folded)) {
		const start = m.index;
		const prefix = text.slice(Math.max(0, start - 3), start);
		const capital = /\p{Lu}/u.test(text.charAt(start));
		if (start > 0 && !capital && !SEPARATOR_BEFORE.test(prefix)) continue;
		const kind: FieldKind = m[1] ? 'lead' : m[2] ? 'coordinating' : m[3] ? 'timeframe' : 'content';
		hits.push({ kind, start, end: start + m[0].length });
	}
	if (hits.length === 0) return { before: text, fields: [] };
	const fields = hits.map((h, i) => {
		const value = text.slice(h.end, i + 1 < hits.length ? hits[i + 1].start : text.length);
		// Content keeps its final period; agency lists and timeframes lose separators.
		return { kind: h.kind, value: h.kind === 'content' ? value.trim() : cleanValue(value) };
	});
	return { before: cleanValue(text.slice(0, hits[0].start).replace(/[-–+•*]\s*$/, '')), fields };
}

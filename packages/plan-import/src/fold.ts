const MARKS = /\p{M}/gu;

/**
 * Search key for Vietnamese text: lowercase, no diacritics, đ→d, single spaces.
 * Tone-placement variants ("Uỷ"/"Ủy", "hoá"/"hóa") and NFC/NFD input fold alike.
 */
export function foldVietnamese(s: string): string {
	return s
		.normalize('NFD')
		.replace(MARKS, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}

const charCache = new Map<string, string>();

function foldChar(c: string): string {
	let folded = charCache.get(c);
	if (folded === undefined) {
		const base = c === 'đ' || c === 'Đ' ? 'd' : c.normalize('NFD').charAt(0).toLowerCase();
		folded = base.length === 1 ? base : c;
		charCache.set(c, folded);
	}
	return folded;
}

/**
 * Folds NFC text one UTF-16 unit at a time, so an index into the result is an index into the
 * input: regexes can match on folded text and slice the original.
 */
export function foldChars(s: string): string {
	let out = '';
	for (let i = 0; i < s.length; i++) out += foldChar(s.charAt(i));
	return out;
}

/** Matching key for agency names: folded, punctuation-free, with common abbreviations spelled out. */
export function agencyKey(s: string): string {
	return ` ${foldVietnamese(s).replace(/[^a-z0-9]+/g, ' ')} `
		.replace(/ ubnd /g, ' uy ban nhan dan ')
		.replace(/ tp /g, ' thanh pho ')
		.replace(/ tx /g, ' thi xa ')
		.replace(/\s+/g, ' ')
		.trim();
}

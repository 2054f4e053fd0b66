/** A non-noise line of the input with its 1-based line number in the original file. */
export interface SourceLine {
	text: string;
	line: number;
}

const SPACES = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const URL_ONLY = /^(?:https?:\/\/|www\.)\S*$/i;
const PAGE_NUMBER =
	/^(?:[-–]\s*)?\d{1,3}(?:\s*[-–])?$|^(?:trang|page)\s+\d{1,3}(?:\s*\/\s*\d{1,3})?$/i;

/** Whether a trimmed line is page-break noise from PDF extraction. */
export function isNoise(text: string): boolean {
	return text === '' || URL_ONLY.test(text) || PAGE_NUMBER.test(text);
}

/**
 * Splits text into meaningful lines: NFC, any line ending, spacing collapsed, and blank lines,
 * URL-only lines and lone page numbers dropped. Line numbers still refer to the original.
 */
export function cleanLines(text: string): SourceLine[] {
	const raw = text.normalize('NFC').split(/\r\n|\r|\n/);
	const lines: SourceLine[] = [];
	for (let i = 0; i < raw.length; i++) {
		const t = raw[i].replace(INVISIBLE, '').replace(SPACES, ' ').trim();
		if (!isNoise(t)) lines.push({ text: t, line: i + 1 });
	}
	return lines;
}

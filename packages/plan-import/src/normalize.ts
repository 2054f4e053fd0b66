/** A non-noise line of the input with its 1-based line number in the original file. */
export interface SourceLine {
	text: string;
	line: number;
	/**
	 * The cells of a line that held TAB characters (a table row copied from Word or PDF, or a
	 * DOCX table row), each cleaned like `text`; absent on lines without a TAB. `text` is the
	 * cells joined by a space, so readers that ignore tables see plain text.
	 */
	cells?: string[];
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
	const clean = (s: string) => s.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
	for (let i = 0; i < raw.length; i++) {
		const t = clean(raw[i]);
		if (isNoise(t)) continue;
		if (!raw[i].includes('\t')) {
			lines.push({ text: t, line: i + 1 });
			continue;
		}
		const cells = raw[i].split('\t').map((c) => (c === '' ? c : clean(c)));
		lines.push({ text: cells.filter((c) => c !== '').join(' '), line: i + 1, cells });
	}
	return lines;
}

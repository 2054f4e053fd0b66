import type { BoardData } from './board.js';
import { CARD_COLUMNS, cellText } from './columns.js';
import { cardRows, type ExportOptions } from './rows.js';

/** Excel picks UTF-8 for a CSV only when it starts with a byte order mark. */
export const UTF8_BOM = '\uFEFF';

/**
 * Spreadsheets run a cell that starts with '=', '+', '-' or '@' as a formula (and skip leading
 * blanks, tabs and carriage returns before deciding), so text an officer typed could execute on
 * the reader's machine. Such cells get a leading apostrophe, the OWASP advice. That includes
 * '- ' list items: '-2+3+cmd|...' works as well as '=cmd|...' does, and a dash and a space are
 * not enough to tell a list item from a formula. Exported so the rule is testable on its own.
 */
export function neutralize(text: string): string {
	return /^[\t\r]|^ *[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote a field holding a quote, comma, semicolon or line break; double quotes. */
function field(text: string): string {
	const safe = neutralize(text);
	return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One row per card with a header row, CRLF line ends, UTF-8 with BOM so Excel shows Vietnamese.
 * Returned as a string; encode it with TextEncoder (the BOM is its first character).
 */
export function toCsv(board: BoardData, options: ExportOptions): string {
	const lang = options.lang ?? 'vi';
	const lines = [CARD_COLUMNS.map((c) => field(c.label[lang])).join(',')];
	for (const row of cardRows(board, options)) {
		lines.push(CARD_COLUMNS.map((c) => field(cellText(c.value(row, lang)))).join(','));
	}
	return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

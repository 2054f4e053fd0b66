import type * as Y from 'yjs';

/** The single edit that turns `from` into `to`: common prefix and suffix kept. */
export function textDiff(
	from: string,
	to: string
): { index: number; remove: number; insert: string } {
	let start = 0;
	const max = Math.min(from.length, to.length);
	while (start < max && from[start] === to[start]) start++;
	let end = 0;
	while (end < max - start && from[from.length - 1 - end] === to[to.length - 1 - end]) {
		end++;
	}
	return {
		index: start,
		remove: from.length - start - end,
		insert: to.slice(start, to.length - end)
	};
}

/**
 * Replaces a Y.Text's content by the minimal edit, so a concurrent edit elsewhere in the text
 * survives (a whole-value replacement would delete it). Call inside a transaction.
 */
export function replaceText(text: Y.Text, to: string): void {
	const { index, remove, insert } = textDiff(text.toString(), to);
	if (remove > 0) text.delete(index, remove);
	if (insert) text.insert(index, insert);
}

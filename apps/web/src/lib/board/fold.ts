/**
 * Folds Vietnamese text for search: "Sở TT&TT" and "so tt&tt" compare equal, as do "Đức Cơ"
 * and "duc co". Punctuation is dropped ("TT&TT" is typed "tttt"). A client copy of
 * plan-import's fold, which is server-side code.
 */
export function fold(s: string): string {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'd')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s]/gu, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The folded words of a search query; fold once per keystroke, not once per card. */
export function queryWords(query: string): string[] {
	return fold(query).split(' ').filter(Boolean);
}

/** Every whitespace-separated word of the query occurs in the folded haystack. */
export function matchesQuery(haystack: string, query: string): boolean {
	const words = queryWords(query);
	if (words.length === 0) return true;
	const h = fold(haystack);
	return words.every((w) => h.includes(w));
}

/**
 * Only absolute http(s) URLs: evidence links are rendered as anchors for every viewer, and a
 * `javascript:` or `data:` URL there would run in a coordinator's session.
 */
export function checkEvidenceUrl(url: string): string {
	let parsed: URL;
	try {
		parsed = new URL(url.trim());
	} catch {
		throw new TypeError(
			`Evidence link must be an absolute http(s) URL, got ${JSON.stringify(url)}`
		);
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
		throw new TypeError(`Evidence link must use http or https, got ${parsed.protocol}`);
	}
	return parsed.href;
}

/**
 * The normalised URL when it is an absolute http(s) URL, else null. Readers and the board use
 * it on every stored link: `checkEvidenceUrl` runs only in the writing client, and any client
 * with write access can put any string into the document.
 */
export function safeEvidenceUrl(url: unknown): string | null {
	if (typeof url !== 'string') return null;
	try {
		return checkEvidenceUrl(url);
	} catch {
		return null;
	}
}

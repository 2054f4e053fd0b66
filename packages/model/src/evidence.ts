import * as Y from 'yjs';
import type { CardOptions } from './card-ops.js';
import { cardMap, cardPart, touch, type EvidenceLink } from './card.js';
import { newId } from './ids.js';
import { assertKind } from './meta.js';

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

/** Evidence is a Y.Array of plain links: append-only list, removal by id, never reordered. */
function evidenceOf(doc: Y.Doc, taskId: CardOptions['taskId']) {
	const card = cardMap(doc, taskId);
	return { card, list: cardPart(card, 'evidence', Y.Array) as Y.Array<EvidenceLink> };
}

/** Appends a link; returns its id. Throws on a URL that is not http(s). */
export function addEvidence(
	doc: Y.Doc,
	{
		taskId,
		url,
		label = '',
		id = newId(),
		...ctx
	}: CardOptions & { url: string; label?: string; id?: string }
): string {
	assertKind(doc, 'agency');
	const href = checkEvidenceUrl(url);
	const { card, list } = evidenceOf(doc, taskId);
	doc.transact(() => {
		list.push([{ id, url: href, label: label.trim() || href }]);
		touch(card, ctx);
	});
	return id;
}

/** Removes every entry with this id (a no-op when it was removed concurrently). */
export function removeEvidence(
	doc: Y.Doc,
	{ taskId, id, ...ctx }: CardOptions & { id: string }
): void {
	assertKind(doc, 'agency');
	const { card, list } = evidenceOf(doc, taskId);
	doc.transact(() => {
		const all = list.toArray();
		for (let i = all.length - 1; i >= 0; i--) if (all[i].id === id) list.delete(i, 1);
		touch(card, ctx);
	});
}

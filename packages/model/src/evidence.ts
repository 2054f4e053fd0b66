import * as Y from 'yjs';
import type { CardOptions } from './card-ops.js';
import { cardMap, cardPart, touch, type EvidenceLink } from './card.js';
import { newId } from './ids.js';
import { checkEvidenceUrl } from './evidence-url.js';
import { isRecord } from './malformed.js';
import { assertKind } from './meta.js';

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
		const all: unknown[] = list.toArray();
		for (let i = all.length - 1; i >= 0; i--) {
			const entry = all[i];
			if (isRecord(entry) && entry.id === id) list.delete(i, 1);
		}
		touch(card, ctx);
	});
}

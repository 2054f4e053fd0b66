import * as Y from 'yjs';
import type { CardOptions } from './card-ops.js';
import { cardMap, cardPart, touch, type UpdateEntry } from './card.js';
import { newId } from './ids.js';
import { assertKind } from './meta.js';

/**
 * Appends a dated progress note. Entries are plain values in a Y.Array: concurrent appends are
 * all kept, and an entry is never edited afterwards. Returns the entry id.
 */
export function addUpdateEntry(
	doc: Y.Doc,
	options: CardOptions & { text: string; authorId: string; authorName: string; id?: string }
): string {
	assertKind(doc, 'agency');
	const { taskId, text, authorId, authorName, id = newId() } = options;
	const at = options.at ?? Date.now();
	const card = cardMap(doc, taskId);
	const updates = cardPart(card, 'updates', Y.Array) as Y.Array<UpdateEntry>;
	doc.transact(() => {
		updates.push([{ id, at, authorId, authorName, text }]);
		touch(card, { at, by: options.by ?? authorId });
	});
	return id;
}

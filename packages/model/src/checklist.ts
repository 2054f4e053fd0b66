import * as Y from 'yjs';
import type { CardOptions } from './card-ops.js';
import { cardMap, cardPart, touch } from './card.js';
import { newId } from './ids.js';
import { assertKind } from './meta.js';
import { compareOrdered, keyAfterAll, placeAt, type Ordered } from './order.js';

/**
 * A card's checklist is a Y.Map of item id -> Y.Map { text, done, order }. Each field merges on
 * its own, so one officer ticking an item while another rewords it keeps both changes; order is
 * a fractional key, so reordering never moves entries.
 */
function checklistOf(doc: Y.Doc, taskId: CardOptions['taskId']) {
	const card = cardMap(doc, taskId);
	return { card, items: cardPart(card, 'checklist', Y.Map) as Y.Map<Y.Map<unknown>> };
}

function itemsInOrder(items: Y.Map<Y.Map<unknown>>, exclude?: string): Ordered[] {
	const out: Ordered[] = [];
	for (const [id, m] of items.entries() as IterableIterator<[string, unknown]>) {
		if (id === exclude || !(m instanceof Y.Map)) continue;
		const order = m.get('order');
		out.push({ id, order: typeof order === 'string' ? order : '' });
	}
	return out.sort(compareOrdered);
}

function itemOf(items: Y.Map<Y.Map<unknown>>, itemId: string): Y.Map<unknown> {
	const item: unknown = items.get(itemId);
	if (!(item instanceof Y.Map)) throw new Error(`No checklist item ${itemId} on this card`);
	return item;
}

/** Appends an item at the bottom; returns its id. */
export function addChecklistItem(
	doc: Y.Doc,
	{ taskId, text, id = newId(), ...ctx }: CardOptions & { text: string; id?: string }
): string {
	assertKind(doc, 'agency');
	const { card, items } = checklistOf(doc, taskId);
	doc.transact(() => {
		const item = new Y.Map<unknown>();
		item.set('text', text);
		item.set('done', false);
		item.set('order', keyAfterAll(itemsInOrder(items)));
		items.set(id, item);
		touch(card, ctx);
	});
	return id;
}

/** Flips `done`, or sets it when `done` is given (idempotent, preferred for retries). */
export function toggleChecklistItem(
	doc: Y.Doc,
	{ taskId, itemId, done, ...ctx }: CardOptions & { itemId: string; done?: boolean }
): void {
	assertKind(doc, 'agency');
	const { card, items } = checklistOf(doc, taskId);
	const item = itemOf(items, itemId);
	doc.transact(() => {
		item.set('done', done ?? item.get('done') !== true);
		touch(card, ctx);
	});
}

export function setChecklistItemText(
	doc: Y.Doc,
	{ taskId, itemId, text, ...ctx }: CardOptions & { itemId: string; text: string }
): void {
	assertKind(doc, 'agency');
	const { card, items } = checklistOf(doc, taskId);
	const item = itemOf(items, itemId);
	doc.transact(() => {
		item.set('text', text);
		touch(card, ctx);
	});
}

/** Places the item directly above `before`, else below `after`, else at the bottom. */
export function moveChecklistItem(
	doc: Y.Doc,
	options: CardOptions & { itemId: string; before?: string | null; after?: string | null }
): void {
	assertKind(doc, 'agency');
	const { taskId, itemId, before, after, ...ctx } = options;
	const { card, items } = checklistOf(doc, taskId);
	const item = itemOf(items, itemId);
	const list = itemsInOrder(items, itemId);
	const b = before ? list.findIndex((i) => i.id === before) : -1;
	const a = after ? list.findIndex((i) => i.id === after) : -1;
	const { key, rekey } = placeAt(list, b !== -1 ? b : a !== -1 ? a + 1 : list.length);
	doc.transact(() => {
		for (const r of rekey) itemOf(items, r.id).set('order', r.order);
		item.set('order', key);
		touch(card, ctx);
	});
}

/** Removing an absent item is a no-op: it may have been removed concurrently. */
export function removeChecklistItem(
	doc: Y.Doc,
	{ taskId, itemId, ...ctx }: CardOptions & { itemId: string }
): void {
	assertKind(doc, 'agency');
	const { card, items } = checklistOf(doc, taskId);
	if (!items.has(itemId)) return;
	doc.transact(() => {
		items.delete(itemId);
		touch(card, ctx);
	});
}

import * as Y from 'yjs';
import { applyStatus, type CardOptions } from './card-ops.js';
import { cardEntries, cardMap, readWorkflow, touch } from './card.js';
import type { TaskId } from './ids.js';
import { assertKind } from './meta.js';
import { compareOrdered, placeAt, type Ordered } from './order.js';
import type { Status } from './status.js';

export interface MoveCardOptions extends CardOptions {
	toStatus: Status;
	/** Place directly above this card of the target column. Wins over `after` when both given. */
	before?: TaskId | null;
	/** Place directly below this card of the target column. */
	after?: TaskId | null;
}

/** The target column without the moved card, sorted as readers sort it. */
export function columnOf(doc: Y.Doc, status: Status, exclude?: TaskId): Ordered[] {
	const out: Ordered[] = [];
	for (const [id, m] of cardEntries(doc)) {
		if (id === exclude || readWorkflow(m).status !== status) continue;
		const order = m.get('order');
		out.push({ id, order: typeof order === 'string' ? order : '' });
	}
	return out.sort(compareOrdered);
}

/**
 * Moves a card into `toStatus` next to the given neighbour; with neither neighbour (or one
 * that is no longer in that column, e.g. moved away concurrently) it goes to the bottom.
 * Only the card's `order` and `status` change (plus, after an equal-key collision, the order of
 * the colliding cards), so concurrent moves converge to one position per card.
 */
export function moveCard(doc: Y.Doc, options: MoveCardOptions): void {
	assertKind(doc, 'agency');
	const { taskId, toStatus, before, after, ...ctx } = options;
	const card = cardMap(doc, taskId);
	const column = columnOf(doc, toStatus, taskId);
	const beforeIdx = before ? column.findIndex((c) => c.id === before) : -1;
	const afterIdx = after ? column.findIndex((c) => c.id === after) : -1;
	const index = beforeIdx !== -1 ? beforeIdx : afterIdx !== -1 ? afterIdx + 1 : column.length;
	const { key, rekey } = placeAt(column, index);
	const at = ctx.at ?? Date.now();
	doc.transact(() => {
		for (const r of rekey) cardMap(doc, r.id as TaskId).set('order', r.order);
		card.set('order', key);
		applyStatus(card, toStatus, { ...ctx, at });
		touch(card, { ...ctx, at });
	});
}

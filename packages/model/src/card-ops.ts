import * as Y from 'yjs';
import {
	cardEntries,
	cardMap,
	cardsMap,
	newCardMap,
	readWorkflow,
	touch,
	type Workflow
} from './card.js';
import type { TaskId } from './ids.js';
import { assertKind, type WriteContext } from './meta.js';
import { keyAfterAll, type Ordered } from './order.js';
import { isStatus, type Status } from './status.js';

export interface CardOptions extends WriteContext {
	taskId: TaskId;
}

/**
 * Sets the status and keeps `completedAt` consistent with it: stamped when the card becomes
 * done, kept while it stays done (re-saving done must not move the completion date), cleared
 * when it leaves done.
 */
export function applyStatus(card: Y.Map<unknown>, status: Status, ctx: WriteContext): void {
	if (!isStatus(status)) throw new RangeError(`Unknown status ${String(status)}`);
	const was = readWorkflow(card);
	if (was.status === status) return;
	const completedAt = status === 'done' ? (ctx.at ?? Date.now()) : null;
	card.set('workflow', { status, completedAt } satisfies Workflow);
}

/** Changes the status without touching the order key (use moveCard to place it in a column). */
export function setStatus(
	doc: Y.Doc,
	{ taskId, status, ...ctx }: CardOptions & { status: Status }
): void {
	assertKind(doc, 'agency');
	const card = cardMap(doc, taskId);
	const at = ctx.at ?? Date.now();
	doc.transact(() => {
		applyStatus(card, status, { ...ctx, at });
		touch(card, { ...ctx, at });
	});
}

/** Rounds and clamps to an integer 0..100, so readers never see 33.333 or 120. */
export function clampProgress(progress: number): number {
	if (!Number.isFinite(progress))
		throw new RangeError(`Progress must be a number, got ${progress}`);
	return Math.min(100, Math.max(0, Math.round(progress)));
}

export function setProgress(
	doc: Y.Doc,
	{ taskId, progress, ...ctx }: CardOptions & { progress: number }
): void {
	assertKind(doc, 'agency');
	const card = cardMap(doc, taskId);
	const value = clampProgress(progress);
	doc.transact(() => {
		card.set('progress', value);
		touch(card, ctx);
	});
}

/**
 * Removes the card with everything recorded on it. Concurrent edits to a deleted card are
 * dropped when the replicas merge; a concurrent restoreCard wins over the delete. Deleting an
 * absent card is a no-op, so a retried delete is harmless.
 */
export function deleteCard(doc: Y.Doc, { taskId }: { taskId: TaskId }): void {
	assertKind(doc, 'agency');
	doc.transact(() => cardsMap(doc).delete(taskId));
}

/**
 * Re-adds a card with the default state (todo, 0%, empty), at the bottom of the todo column.
 * Returns false and changes nothing when the card exists. Two replicas restoring the same card
 * concurrently both write the key; the merge keeps exactly one of the two cards.
 */
export function restoreCard(doc: Y.Doc, { taskId, ...ctx }: CardOptions): boolean {
	assertKind(doc, 'agency');
	const cards = cardsMap(doc);
	if (cards.has(taskId)) return false;
	const todo: Ordered[] = [];
	for (const [id, m] of cardEntries(doc)) {
		const order = m.get('order');
		if (readWorkflow(m).status === 'todo') {
			todo.push({ id, order: typeof order === 'string' ? order : '' });
		}
	}
	doc.transact(() => {
		cards.set(
			taskId,
			newCardMap(taskId, keyAfterAll(todo), { at: ctx.at ?? Date.now(), by: ctx.by })
		);
	});
	return true;
}

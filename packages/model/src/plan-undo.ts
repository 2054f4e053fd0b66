import * as Y from 'yjs';
import { agencyIdOf } from './agency-doc.js';
import { deleteCard, restoreCard } from './card-ops.js';
import { readCard, type Card } from './card.js';
import type { TaskId } from './ids.js';
import { readTask } from './task.js';

/** Stack-item meta key: the cards created together with that plan change. */
const CARDS = 'planboard.linkedCards';

/** A card in an agency document, created by the same person's plan change. */
export interface LinkedCard {
	/** The agency's document (the writer must be allowed to write it). */
	doc: Y.Doc;
	taskId: TaskId;
}

/**
 * A Y.UndoManager sees one document, but adding a task (or a lead) also creates a card in the
 * lead's agency document. Such cards are tied to the undo step (`createLinkedCards`): after an
 * undo or redo of that step, each card is kept exactly when its agency is again among the
 * task's leads. One the step created and nobody has written on is withdrawn (deleted); one
 * carrying anybody's work stays, so nothing written is lost. Redo creates it again.
 * `planUndoManager` (plan-edit.ts) calls this on every plan undo manager.
 */
export function linkCardsToUndo(undo: Y.UndoManager, plan: Y.Doc): void {
	// The inverse step (pushed on the other stack while popping) carries the same cards.
	undo.on('stack-item-added', ({ stackItem }) => {
		const from = undo.currStackItem;
		if ((undo.undoing || undo.redoing) && from?.meta.has(CARDS)) {
			stackItem.meta.set(CARDS, from.meta.get(CARDS));
		}
	});
	undo.on('stack-item-popped', ({ stackItem }) => {
		const cards = stackItem.meta.get(CARDS) as LinkedCard[] | undefined;
		for (const card of cards ?? []) settleCard(plan, card);
	});
}

function settleCard(plan: Y.Doc, { doc, taskId }: LinkedCard): void {
	const agency = agencyIdOf(doc);
	const task = readTask(plan, taskId);
	const wanted = !!agency && !!task && task.lead.includes(agency);
	if (wanted) restoreCard(doc, { taskId });
	else {
		const card = readCard(doc, taskId);
		if (card && isUntouched(card)) deleteCard(doc, { taskId });
	}
}

/** Nothing recorded on the card beyond what `restoreCard` creates. */
function isUntouched(card: Card): boolean {
	return (
		card.status === 'todo' &&
		card.progress === 0 &&
		card.notes === '' &&
		card.checklist.length === 0 &&
		card.evidence.length === 0 &&
		Object.keys(card.figures).length === 0 &&
		card.updates.length === 0 &&
		!card.handedOverTo &&
		!card.handedOverFrom
	);
}

/**
 * Creates the cards of a task just added (or of a lead just added to it) and ties them to the
 * undo step of that plan change, which must be the last one on `undo`'s stack (see
 * `linkCardsToUndo`). A card that already existed is left alone and not tied.
 */
export function createLinkedCards(options: {
	undo: Y.UndoManager;
	cards: LinkedCard[];
	by?: string;
	at?: number;
}): void {
	const created = options.cards.filter((c) =>
		restoreCard(c.doc, { taskId: c.taskId, by: options.by, at: options.at })
	);
	const step = options.undo.undoStack.at(-1);
	if (!step || created.length === 0) return;
	const linked = (step.meta.get(CARDS) as LinkedCard[] | undefined) ?? [];
	step.meta.set(CARDS, [...linked, ...created]);
}

import * as Y from 'yjs';
import type { CardOptions } from './card-ops.js';
import { cardMap, cardPart, touch, type Figure } from './card.js';
import { assertKind } from './meta.js';

/** Figures are a Y.Map key -> plain { label, value }: each figure is last-writer-wins. */
function figuresOf(doc: Y.Doc, taskId: CardOptions['taskId']) {
	const card = cardMap(doc, taskId);
	return { card, figures: cardPart(card, 'figures', Y.Map) as Y.Map<Figure> };
}

/** Sets one reported figure. Numbers must be finite so they can be summed across agencies. */
export function setFigure(
	doc: Y.Doc,
	{
		taskId,
		key,
		label,
		value,
		...ctx
	}: CardOptions & { key: string; label: string; value: number | string }
): void {
	assertKind(doc, 'agency');
	if (!key) throw new TypeError('Figure key must not be empty');
	if (typeof value === 'number' && !Number.isFinite(value)) {
		throw new RangeError(`Figure ${key} must be a finite number or a string`);
	}
	const { card, figures } = figuresOf(doc, taskId);
	doc.transact(() => {
		figures.set(key, { label, value });
		touch(card, ctx);
	});
}

export function removeFigure(
	doc: Y.Doc,
	{ taskId, key, ...ctx }: CardOptions & { key: string }
): void {
	assertKind(doc, 'agency');
	const { card, figures } = figuresOf(doc, taskId);
	if (!figures.has(key)) return;
	doc.transact(() => {
		figures.delete(key);
		touch(card, ctx);
	});
}

import type { Card } from './card.js';

export interface Rollup {
	/** Cards with status done. */
	done: number;
	total: number;
	/** Mean progress, done cards counting as 100; integer 0..100; 0 with no cards. */
	percent: number;
}

/**
 * Progress of a task whose cards live in several agencies' lanes (a task led by a group fans
 * out into one card per member). Pass the task's cards from every holder's document.
 */
export function rollupProgress(cards: readonly Pick<Card, 'status' | 'progress'>[]): Rollup {
	if (cards.length === 0) return { done: 0, total: 0, percent: 0 };
	let done = 0;
	let sum = 0;
	for (const c of cards) {
		if (c.status === 'done') done++;
		sum += c.status === 'done' ? 100 : Math.min(100, Math.max(0, c.progress));
	}
	return { done, total: cards.length, percent: Math.round(sum / cards.length) };
}

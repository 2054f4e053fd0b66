// The edit log of an agency document as users make it: single card edits (progress 70 %, status
// 30 %), each its own update with the time of its edit. Seeded, so every run of a bench builds
// the same log. Shared by the cold-load and as-of benches.
import { STATUSES, setProgress, setStatus, type TaskId } from '@planboard/model';
import type * as Y from 'yjs';

/** Seeded, so every run of the bench builds the same document. */
export function prng(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Runs `init` (if any), then edits random cards of `taskIds` until `total` updates were emitted
 * (the one of `init` included). `onUpdate` gets each update with the time of the edit that made
 * it (`start` for `init`'s); edit i happens at `start + i * stepMs`.
 */
export function recordAgencyEdits(options: {
	doc: Y.Doc;
	taskIds: readonly TaskId[];
	total: number;
	onUpdate: (update: Uint8Array, at: number) => void;
	init?: (doc: Y.Doc) => void;
	start?: number;
	stepMs?: number;
}): void {
	const { doc, taskIds, total, onUpdate, init, start = 1_700_000_000_000, stepMs = 1000 } = options;
	let emitted = 0;
	let at = start;
	const listener = (update: Uint8Array) => {
		emitted++;
		onUpdate(update, at);
	};
	doc.on('update', listener);
	try {
		init?.(doc);
		const random = prng(42);
		for (let i = 1; emitted < total; i++) {
			const taskId = taskIds[Math.floor(random() * taskIds.length)];
			at = start + i * stepMs;
			const ctx = { by: 'u1', at };
			if (random() < 0.7)
				setProgress(doc, { taskId, progress: Math.floor(random() * 101), ...ctx });
			else
				setStatus(doc, {
					taskId,
					status: STATUSES[Math.floor(random() * STATUSES.length)],
					...ctx
				});
		}
	} finally {
		doc.off('update', listener);
	}
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { A, gialaiSeed, planDoc } from '../../../../../packages/model/src/test-fixtures.js';
import { agencyDoc, sessionOf } from './test-session';

/** A board's documents as a browser holds them before any has loaded, and how to load each. */
function emptyBoard(waitMs: number) {
	const origins = {
		plan: planDoc(),
		[A.stttt]: agencyDoc(A.stttt),
		[A.bdbp]: agencyDoc(A.bdbp)
	};
	const local = { plan: new Y.Doc(), [A.stttt]: new Y.Doc(), [A.bdbp]: new Y.Doc() };
	const { plan, ...agencies } = local;
	const { live } = sessionOf(plan, agencies, { waitMs });
	const load = (key: keyof typeof local) =>
		Y.applyUpdate(local[key], Y.encodeStateAsUpdate(origins[key]), 'server');
	return { live, load };
}

describe('LiveViews', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('shows no document until every one has loaded, then all of them at once', () => {
		const { live, load } = emptyBoard(1500);
		load('plan');
		load(A.stttt);
		expect(live.showing).toBe(false);
		expect(live.complete).toBe(false);
		expect(live.plan).toBeNull();
		expect(live.agency(A.stttt)).toBeUndefined();
		load(A.bdbp);
		expect(live.showing).toBe(true);
		expect(live.complete).toBe(true);
		expect(live.plan?.loaded).toBe(true);
		expect(live.agency(A.stttt)?.cards.length).toBe(gialaiSeed().cards[A.stttt].length);
		expect(live.agency(A.bdbp)?.loaded).toBe(true);
		expect(live.agency('no-such-agency')).toBeUndefined();
	});

	it('after the wait, shows each loaded document and the missing one when it comes', () => {
		const { live, load } = emptyBoard(1500);
		load('plan');
		load(A.stttt);
		vi.advanceTimersByTime(1499);
		expect(live.showing).toBe(false);
		vi.advanceTimersByTime(1);
		expect(live.showing).toBe(true);
		expect(live.complete).toBe(false);
		expect(live.plan).not.toBeNull();
		expect(live.agency(A.stttt)).toBeDefined();
		expect(live.agency(A.bdbp)).toBeUndefined();
		load(A.bdbp);
		expect(live.agency(A.bdbp)?.loaded).toBe(true);
		expect(live.complete).toBe(true);
	});

	it('stops waiting when destroyed', () => {
		const { live, load } = emptyBoard(1500);
		live.destroy();
		vi.advanceTimersByTime(5000);
		expect(live.showing).toBe(false);
		// Nor does a late document switch a destroyed board's views.
		for (const key of ['plan', A.stttt, A.bdbp] as const) load(key);
		expect(live.showing).toBe(false);
	});
});

import type { Store } from '@planboard/store';
import { expect } from 'vitest';
import type { Client } from './harness.js';
import { storedDoc } from './stored.js';

/**
 * Clients writing in a loop, each to its own array `client-<i>` (0, 1, 2, ...), so any copy of
 * the array, stored or received, shows exactly which of that client's writes reached it. What the
 * kill -9 tests run while they kill a server.
 */
export interface Burst {
	/**
	 * `confirmed[i]`: how many entries of client i's array a server had acknowledged, read when
	 * the provider's unsynced count came back to zero.
	 */
	readonly confirmed: readonly number[];
	/** Stops writing; resolves once every client's loop returned. */
	stop(): Promise<void>;
}

/**
 * Starts the clients writing. `pauseMs` is client i's pause between its writes (5 to 9 ms by
 * default): short enough for a burst, long enough for acknowledgements to catch up now and then.
 * `settleEvery`: after that many rounds a client also waits (up to 2 s) until its writes are
 * acknowledged, so `confirmed` moves even where a loaded machine's acknowledgements never catch
 * up with a steady stream (two servers relaying every write); the other clients keep writing.
 */
export function startBurst(
	clients: readonly Client[],
	options: { pauseMs?: (i: number) => number; settleEvery?: number } = {}
): Burst {
	const pauseMs = options.pauseMs ?? ((i: number) => 5 + (i % 5));
	const settleEvery = options.settleEvery ?? Infinity;
	const confirmed = clients.map(() => 0);
	let writing = true;
	const loops = clients.map(async (c, i) => {
		const list = c.doc.getArray<number>(`client-${i}`);
		c.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
			if (number === 0) confirmed[i] = list.length;
		});
		for (let round = 1; writing; round++) {
			// One to three updates at once (each its own message), so many land in one server turn.
			for (let k = 0; k <= i % 3; k++) list.push([list.length]);
			// Short pauses let acknowledgements catch up, so each client sees its unsynced count reach zero.
			await new Promise((r) => setTimeout(r, pauseMs(i)));
			if (round % settleEvery === 0) await acknowledged(c, 2000);
		}
	});
	return {
		confirmed,
		async stop() {
			writing = false;
			await Promise.all(loops);
		}
	};
}

/** Resolves once the client has nothing unacknowledged, or after `ms` (its server may be gone). */
async function acknowledged(c: Client, ms: number): Promise<void> {
	const until = Date.now() + ms;
	while (c.provider.hasUnsyncedChanges && Date.now() < until)
		await new Promise((r) => setTimeout(r, 10));
}

/** Client i's writes as stored: the array `client-<i>` of its document, as a load reads it. */
export function storedWrites(options: {
	store: Store;
	clients: number;
	documentOf: (i: number) => string;
}): number[][] {
	const { store, clients, documentOf } = options;
	const docs = new Map<string, ReturnType<typeof storedDoc>>();
	return Array.from({ length: clients }, (_, i) => {
		const name = documentOf(i);
		if (!docs.has(name)) docs.set(name, storedDoc(store, name));
		return docs.get(name)!.getArray<number>(`client-${i}`).toArray();
	});
}

/** Every write a server acknowledged is stored, in order: `stored[i]` starts 0 .. confirmed[i]-1. */
export function expectAcknowledgedStored(stored: number[][], confirmed: readonly number[]): void {
	stored.forEach((list, i) => {
		expect(list.length).toBeGreaterThanOrEqual(confirmed[i]);
		expect(list.slice(0, confirmed[i])).toEqual([...Array(confirmed[i]).keys()]);
	});
}

/** Every client's array as this client holds it, one string to compare two clients' copies. */
export function writesSeenBy(c: Client, clients: number): string {
	return JSON.stringify(
		Array.from({ length: clients }, (_, i) => c.doc.getArray(`client-${i}`).toArray())
	);
}

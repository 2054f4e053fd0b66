import { afterEach, describe, expect, it } from 'vitest';
import type { SyncServerOptions } from './server.js';
import {
	connect,
	insertPlan,
	sleep,
	startSyncServer,
	tempDir,
	userWithToken,
	type Client,
	type TestServer
} from '../../../tests/support/harness.js';

const PLAN_DOC = 'plan/p1';

let server: TestServer | null = null;
let cleanup: () => void = () => {};
const clients: Client[] = [];

afterEach(async () => {
	for (const c of clients.splice(0)) c.destroy();
	await server?.close();
	server = null;
	cleanup();
});

const awarenessOf = (c: Client) => {
	const a = c.provider.awareness;
	if (!a) throw new Error('the provider carries no awareness');
	return a;
};

/** A server, a coordinator who acts and two others who watch, all on the plan document. */
async function board(presence?: SyncServerOptions['presence']) {
	const tmp = tempDir();
	cleanup = tmp.cleanup;
	server = await startSyncServer({ databasePath: `${tmp.dir}/db.sqlite`, presence });
	insertPlan(server.store, 'p1', ['so-tttt', 'bch-bdbp']);
	const coord = await userWithToken(server.store, {
		username: 'sotttt',
		role: 'coordinator',
		agencyId: 'so-tttt'
	});
	const viewer = await userWithToken(server.store, { username: 'lanhdao', role: 'viewer' });
	const open = (token: string) => {
		const c = connect({ url: server!.url, document: PLAN_DOC, token });
		clients.push(c);
		return c;
	};
	const actor = open(coord.token);
	const watchers = [open(viewer.token), open(viewer.token)];
	await Promise.all([actor, ...watchers].map((c) => c.ready));
	// As the board does once it is open (the provider's first announcement precedes the sign-in).
	for (const c of [actor, ...watchers]) awarenessOf(c).setLocalState({ card: null, typing: null });
	const id = awarenessOf(actor).clientID;
	// Everyone has seen everyone's first state before the test starts counting.
	await expect
		.poll(() => watchers.every((w) => awarenessOf(w).getStates().has(id)), { timeout: 5000 })
		.toBe(true);
	await sleep(1100);
	/** Messages about the actor each watcher applied since the call, with their arrival times. */
	const received = () => {
		const arrivals = watchers.map(() => [] as number[]);
		watchers.forEach((w, i) =>
			awarenessOf(w).on('update', ({ added, updated, removed }: Record<string, number[]>) => {
				if ([...added, ...updated, ...removed].includes(id)) arrivals[i].push(performance.now());
			})
		);
		return arrivals;
	};
	const serverMeta = () =>
		server!.sync.hocuspocus.documents.get(PLAN_DOC)?.awareness.meta.get(id)?.clock ?? -1;
	return { actor, watchers, id, coordId: coord.userId, received, serverMeta };
}

describe('presence fan-out', () => {
	it('sends a burst of changes from one client as about one message a second, ending on the final state', async () => {
		const { actor, watchers, id, coordId, received } = await board();
		const arrivals = received();
		const started = performance.now();
		for (let i = 0; i < 40; i++) {
			awarenessOf(actor).setLocalStateField('card', { agencyId: 'so-tttt', taskId: `t${i}` });
			await sleep(50);
		}
		const burstMs = performance.now() - started;
		for (const w of watchers) {
			await expect
				.poll(() => awarenessOf(w).getStates().get(id)?.card?.taskId, { timeout: 5000 })
				.toBe('t39');
			// The relayed state is still the guarded one: identity from the session.
			expect(awarenessOf(w).getStates().get(id)?.user).toEqual({
				id: coordId,
				name: 'sotttt',
				agencyId: 'so-tttt'
			});
		}
		await sleep(1200);
		for (const times of arrivals) {
			// The first change at once, then at most one per window until the final state.
			expect(times.length).toBeGreaterThanOrEqual(2);
			expect(times.length).toBeLessThanOrEqual(Math.ceil(burstMs / 1000) + 1);
			// A second apart as sent; arrival jitter on a loaded machine can shorten one gap a little.
			for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThan(600);
		}
	});

	it('does not re-broadcast an unchanged heartbeat, yet the server keeps it, and a real change goes out at once', async () => {
		const { actor, watchers, id, received, serverMeta } = await board();
		const arrivals = received();
		const clockBefore = serverMeta();
		const a = awarenessOf(actor);
		// What y-protocols does every 15 s: the same state again with a higher clock.
		a.setLocalState(a.getLocalState());
		await expect.poll(serverMeta, { timeout: 5000 }).toBe(clockBefore + 1);
		await sleep(1500);
		expect(arrivals.map((t) => t.length)).toEqual([0, 0]);

		const sent = performance.now();
		a.setLocalStateField('typing', { agencyId: 'so-tttt', taskId: 't1', field: 'notes' });
		for (const w of watchers) {
			await expect
				.poll(() => awarenessOf(w).getStates().get(id)?.typing?.field, { timeout: 5000 })
				.toBe('notes');
		}
		expect(arrivals.map((t) => t.length)).toEqual([1, 1]);
		// Not held for a window: this client's previous change is more than a window old.
		expect(Math.max(...arrivals.map((t) => t[0] - sent))).toBeLessThan(500);
	});

	it('forwards renewed heartbeats together, with their clocks, so the others do not time them out', async () => {
		const { actor, watchers, id, received } = await board({
			renewIntervalMs: 200,
			renewAfterMs: 0
		});
		const a = awarenessOf(actor);
		const clockAt = (w: Client) => awarenessOf(w).meta.get(id)?.clock ?? -1;
		const before = watchers.map(clockAt);
		// Nothing renewed, nothing sent.
		await sleep(700);
		expect(watchers.map(clockAt)).toEqual(before);
		const changes = watchers.map(() => 0);
		watchers.forEach((w, i) =>
			awarenessOf(w).on('change', ({ updated }: Record<string, number[]>) => {
				if (updated.includes(id)) changes[i]++;
			})
		);
		const arrivals = received();
		a.setLocalState(a.getLocalState());
		for (const [i, w] of watchers.entries()) {
			await expect.poll(() => clockAt(w), { timeout: 5000 }).toBe(before[i] + 1);
		}
		await sleep(700);
		// One renewal each, renewing the time the others last heard of it, changing nothing.
		expect(arrivals.map((t) => t.length)).toEqual([1, 1]);
		expect(changes).toEqual([0, 0]);
	});

	it('tells the others when a client leaves', async () => {
		const { actor, watchers, id } = await board();
		actor.destroy();
		for (const w of watchers) {
			await expect.poll(() => awarenessOf(w).getStates().has(id), { timeout: 5000 }).toBe(false);
		}
	});
});

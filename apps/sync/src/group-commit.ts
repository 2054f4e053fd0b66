import type { DocumentAppend, SynchronousAppend } from '@planboard/boards/documents';

/**
 * When a group of appended updates is committed:
 * - `immediate`: on the next `setImmediate`, so every update that arrived in this event-loop turn,
 *   from every socket and document, goes into one transaction (the default: the flood pacer hands
 *   each socket's frames over in `setImmediate` slices, and a turn runs all of them);
 * - `microtask`: once the current task's microtasks are done, so usually one socket's slice;
 * - `inline`: inside `add`, one transaction per update (the server before group commit; kept as
 *   the benchmark's baseline).
 */
export type CommitBoundary = 'immediate' | 'microtask' | 'inline';

export interface GroupCommitOptions {
	documents: Pick<SynchronousAppend, 'appendManyNow'>;
	boundary?: CommitBoundary;
	/**
	 * Test seam: awaited before each group commits, so a test can hold the transaction back and
	 * check that nothing was acknowledged meanwhile. Updates that arrive while it waits join the
	 * group. Never set outside tests.
	 */
	holdCommitForTest?: () => Promise<void>;
}

/** The outcome of one append: its seq once committed, or why its group failed (nothing stored). */
export type AppendOutcome = { seq: number } | { error: unknown };

interface Pending {
	input: DocumentAppend;
	done: (outcome: AppendOutcome) => void;
}

/**
 * Collects the updates appended during one event-loop turn and commits them together, one
 * transaction and one fsync for all (with `synchronous=FULL` the fsync is the cost of a commit).
 * The group stores every update or none. `busy` is true from the first `add` until its group
 * has committed and every `done` ran. Each update may name its sender (the server passes the
 * socket): `holds(sender)` is true until the group holding that sender's updates committed and
 * every `done` ran, and the acknowledgement gate (`AckGate`) holds that socket's outgoing frames
 * meanwhile, so no acknowledgement leaves before the transaction holding its update committed.
 */
export class GroupCommitter {
	readonly boundary: CommitBoundary;
	#documents: GroupCommitOptions['documents'];
	#hold: (() => Promise<void>) | undefined;
	#pending: Pending[] = [];
	#cycle: Promise<void> | null = null;
	/** Updates added and updates whose outcome was delivered, since the start (flush's target). */
	#added = 0;
	#settled = 0;
	#listeners = new Set<() => void>();
	/** Senders with an update or a wait in the pending group; per sender, its groups not settled. */
	#senders = new Set<object>();
	#held = new Map<object, number>();
	/** Transactions committed (or attempted) and rows in them, since the start. */
	readonly stats = { commits: 0, rows: 0, failed: 0 };

	constructor(options: GroupCommitOptions) {
		this.#documents = options.documents;
		this.boundary = options.boundary ?? 'immediate';
		this.#hold = options.holdCommitForTest;
	}

	/** True while an added update is not committed yet (or its outcome not yet delivered). */
	get busy(): boolean {
		return this.#cycle !== null;
	}

	/**
	 * True while `sender` has an update (or a `waitForPending`) in a group that has not committed
	 * yet, or whose outcomes are still being delivered: a refused group's `done` closes its senders
	 * before `holds` turns false for them.
	 */
	holds(sender: object): boolean {
		return this.#held.has(sender);
	}

	/**
	 * Queues one update for the current group; `done` runs once the group committed or failed
	 * (it must not throw). With the `inline` boundary it commits before returning, and `done` has
	 * run by then. `sender` identifies who sent it, for `holds`.
	 */
	add(input: DocumentAppend, done: (outcome: AppendOutcome) => void, sender?: object): void {
		this.#pending.push({ input, done });
		this.#added++;
		if (sender) this.#holdSender(sender);
		if (this.boundary === 'inline') {
			this.#commit();
			return;
		}
		this.#cycle ??= this.#run();
	}

	/**
	 * Holds `sender` (see `holds`) until every update added so far has committed, without adding
	 * one: for a sender whose message changed nothing because the document already held its
	 * content, possibly from another sender's update that is not committed yet. Nothing to wait
	 * for when idle.
	 */
	waitForPending(sender: object): void {
		if (this.#pending.length > 0) this.#holdSender(sender);
	}

	/**
	 * Resolves once every update added before the call has committed or failed; updates added
	 * later do not hold it back (a steady stream of writes never starves a document's load).
	 */
	async flush(): Promise<void> {
		const target = this.#added;
		while (this.#settled < target && this.#cycle) await this.#cycle;
	}

	/**
	 * Calls `listener` after each group's outcomes were delivered. `busy` is false then unless an
	 * outcome added updates, which form the next group.
	 */
	onSettled(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	async #run(): Promise<void> {
		try {
			await new Promise<void>((resolve) =>
				this.boundary === 'microtask' ? queueMicrotask(resolve) : setImmediate(resolve)
			);
			if (this.#hold) await this.#hold();
		} finally {
			this.#commit();
			this.#cycle = null;
			// Updates added while the outcomes ran start the next group; listeners then see busy.
			if (this.#pending.length > 0) this.#cycle = this.#run();
			for (const listener of this.#listeners) listener();
		}
	}

	#holdSender(sender: object): void {
		if (this.#senders.has(sender)) return;
		this.#senders.add(sender);
		this.#held.set(sender, (this.#held.get(sender) ?? 0) + 1);
	}

	#commit(): void {
		const group = this.#pending;
		const senders = this.#senders;
		this.#pending = [];
		this.#senders = new Set();
		if (group.length > 0) this.#store(group);
		// After every outcome ran: a refused group's senders were closed by then.
		for (const sender of senders) {
			const left = this.#held.get(sender)! - 1;
			if (left === 0) this.#held.delete(sender);
			else this.#held.set(sender, left);
		}
	}

	#store(group: Pending[]): void {
		let outcomes: AppendOutcome[];
		this.stats.commits++;
		this.stats.rows += group.length;
		try {
			const seqs = this.#documents.appendManyNow(group.map((p) => p.input));
			outcomes = seqs.map((seq) => ({ seq }));
		} catch (error) {
			this.stats.failed++;
			outcomes = group.map(() => ({ error }));
		}
		for (let i = 0; i < group.length; i++) group[i].done(outcomes[i]);
		this.#settled += group.length;
	}
}

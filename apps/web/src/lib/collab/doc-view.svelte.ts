import { createSubscriber } from 'svelte/reactivity';
import * as Y from 'yjs';
import { KeyedSubscriber } from './keyed-subscriber';

/**
 * Base of the reactive views over one Y.Doc. A read is memoised against the document roots it
 * reads (`memo(key, read, { roots })`) and redone only after a transaction touched one of them:
 * a running meeting or a report round in the plan document does not rebuild the board's tasks,
 * and a reader re-runs only when its roots changed. The listeners are permanent (not tied to a
 * subscriber) so a read outside any effect never returns a stale cache.
 */
export class DocView {
	readonly doc: Y.Doc;
	#version = 0;
	/** Per root (or group of roots, see `rootGroup`): how many transactions touched it. */
	readonly #rootVersions = new Map<string, number>();
	readonly #roots = new KeyedSubscriber();
	readonly #cache = new Map<string, { stamp: number[]; value: unknown }>();
	#subscribe: () => void;

	constructor(doc: Y.Doc) {
		this.doc = doc;
		doc.on('update', () => this.#version++);
		doc.on('afterTransaction', (tr: Y.Transaction) => this.#touched(tr));
		this.#subscribe = createSubscriber((update) => {
			doc.on('update', update);
			return () => doc.off('update', update);
		});
	}

	/** The document's change counter; reading it makes the caller depend on every change. */
	get version(): number {
		this.#subscribe();
		return this.#version;
	}

	/**
	 * The group a root belongs to for invalidation; by default each root is its own. A subclass
	 * folds roots that one read covers (an agency's `contribution/<taskId>` texts).
	 */
	protected rootGroup(name: string): string {
		return name;
	}

	/**
	 * `read()`, memoised until a transaction touches one of `roots` (root names or groups); with
	 * no roots, until any change of the document.
	 */
	protected memo<T>(key: string, read: () => T, options?: { roots: readonly string[] }): T {
		const roots = options?.roots;
		if (!roots) return this.#memoWhole(key, read);
		const stamp = this.stamp(roots);
		const hit = this.#cache.get(key);
		if (hit && sameStamp(hit.stamp, stamp)) return hit.value as T;
		const value = read();
		this.#cache.set(key, { stamp, value });
		return value;
	}

	/**
	 * How many transactions touched each of `roots` (names or groups), and a dependency of the
	 * caller on them: what a read spanning two documents memoises on (see ProposalBook).
	 */
	stamp(roots: readonly string[]): number[] {
		for (const root of roots) this.#roots.track(root);
		return roots.map((r) => this.#rootVersions.get(r) ?? 0);
	}

	#memoWhole<T>(key: string, read: () => T): T {
		this.#subscribe();
		const hit = this.#cache.get(key);
		if (hit && hit.stamp.length === 1 && hit.stamp[0] === -1 - this.#version) {
			return hit.value as T;
		}
		const value = read();
		// A negative stamp cannot collide with a root-keyed stamp of the same key.
		this.#cache.set(key, { stamp: [-1 - this.#version], value });
		return value;
	}

	#touched(tr: Y.Transaction): void {
		const groups = new Set<string>();
		// `changed` rather than the deep observers' `changedParentTypes`: it also holds roots no
		// reader has typed yet (a contribution text first written by another client), which
		// raise no events.
		for (let type of tr.changed.keys()) {
			while (type._item !== null && type._item.parent instanceof Y.AbstractType) {
				type = type._item.parent;
			}
			const name = rootName(type);
			if (name !== null) groups.add(this.rootGroup(name));
		}
		for (const group of groups) {
			this.#rootVersions.set(group, (this.#rootVersions.get(group) ?? 0) + 1);
		}
		for (const group of groups) this.#roots.notify(group);
	}
}

/** Whether two stamps (see DocView.stamp) are the same versions of the same roots. */
function sameStamp(a: readonly number[], b: readonly number[]): boolean {
	return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Reads that span documents (an agency's proposals need the plan's decisions too), each kept
 * under its key until its stamp (DocView.stamp of every document it reads) changes.
 */
export class StampedReads<T> {
	readonly #cache = new Map<string, { stamp: number[]; value: T }>();

	read(key: string, stamp: number[], read: () => T): T {
		const hit = this.#cache.get(key);
		if (hit && sameStamp(hit.stamp, stamp)) return hit.value;
		const value = read();
		this.#cache.set(key, { stamp, value });
		return value;
	}
}

function rootName(type: Parameters<typeof Y.findRootTypeKey>[0]): string | null {
	try {
		return Y.findRootTypeKey(type);
	} catch {
		return null;
	}
}

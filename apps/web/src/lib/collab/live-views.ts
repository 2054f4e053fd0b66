import { createSubscriber } from 'svelte/reactivity';
import type { AgencyView } from './agency-view.svelte';
import type { PlanView } from './plan-view.svelte';

/** How long a board waits for all its documents before it shows each one as it arrives. */
export const TOGETHER_MS = 1500;

/**
 * Which of a board's live documents the board shows, instead of the server's first page of
 * cards. All of them at once, when the last has loaded (from IndexedDB or the server): opening
 * the Gia Lai board then draws its 46 lanes once, not once per document, each redraw walking
 * every lane. After `waitMs` each one as it arrives, so a document that is slow to come (a slow
 * link, a very large lane) or never comes (refused) does not hold back the others.
 */
export class LiveViews {
	readonly #plan: PlanView;
	readonly #agencies: ReadonlyMap<string, AgencyView>;
	#showing = false;
	#shown: (() => void) | null = null;
	readonly #subscribe = createSubscriber((update) => {
		this.#shown = update;
		return () => (this.#shown = null);
	});
	readonly #stop: () => void;

	constructor(options: {
		plan: PlanView;
		agencies: ReadonlyMap<string, AgencyView>;
		waitMs?: number;
	}) {
		this.#plan = options.plan;
		this.#agencies = options.agencies;
		const docs = [this.#plan.doc, ...[...this.#agencies.values()].map((view) => view.doc)];
		// Yjs emits `update` after `afterTransaction`, where the views count the roots it touched.
		const check = () => {
			if (this.complete) this.#show();
		};
		const timer = setTimeout(() => this.#show(), options.waitMs ?? TOGETHER_MS);
		for (const doc of docs) doc.on('update', check);
		this.#stop = () => {
			clearTimeout(timer);
			for (const doc of docs) doc.off('update', check);
		};
		check();
	}

	#show(): void {
		this.#showing = true;
		this.#stop();
		this.#shown?.();
	}

	/** Every document has loaded: the lanes show all their cards and search covers every one. */
	get complete(): boolean {
		return this.#plan.loaded && [...this.#agencies.values()].every((view) => view.loaded);
	}

	/** Whether loaded documents are shown yet (see the class); never false again once true. */
	get showing(): boolean {
		this.#subscribe();
		return this.#showing;
	}

	/** The plan document once it is shown, else null (the page shows the server's reading). */
	get plan(): PlanView | null {
		return this.showing && this.#plan.loaded ? this.#plan : null;
	}

	/** An agency's document once it is shown, else undefined. */
	agency(agencyId: string): AgencyView | undefined {
		const view = this.#agencies.get(agencyId);
		return this.showing && view?.loaded ? view : undefined;
	}

	destroy(): void {
		this.#stop();
	}
}

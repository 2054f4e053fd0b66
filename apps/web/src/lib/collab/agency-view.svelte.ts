import {
	addChecklistItem,
	addEvidence,
	addUpdateEntry,
	cardNotesText,
	cardsMap,
	compareCards,
	contributionText,
	docKind,
	moveCard,
	readCard,
	readCards,
	readContributions,
	removeChecklistItem,
	removeEvidence,
	removeFigure,
	setContributionDone,
	setFigure,
	setProgress,
	setStatus,
	toggleChecklistItem,
	ROOT,
	type Card,
	type Contribution,
	type Status,
	type TaskId
} from '@planboard/model';
import type { Attachment } from 'svelte/attachments';
import type * as Y from 'yjs';
import { DocView } from './doc-view.svelte';
import { KeyedReads } from './keyed-reads';
import { KeyedSubscriber } from './keyed-subscriber';
import { textBinding } from './text-binding';

/** Who writes: stamped on every card change and update entry. */
export interface Writer {
	id: string;
	name: string;
}

/**
 * One agency's document. `writable` mirrors the server's access rule; the UI shows no edit
 * control when it is false, because a read-only connection silently keeps local edits that
 * never reach anyone (see STACK.md).
 */
export class AgencyView extends DocView {
	readonly agencyId: string;
	readonly writable: boolean;
	readonly #writer: Writer;
	/**
	 * Cards read one by one: a keystroke in one card's notes re-reads that card only, and the
	 * other cards keep their objects (so their tiles are not rendered again).
	 */
	readonly #cards: KeyedReads<Card>;
	/** Per task id: `card(taskId)` readers re-run only when their card changed. */
	readonly #cardReaders = new KeyedSubscriber();

	constructor(options: { doc: Y.Doc; agencyId: string; writable: boolean; writer: Writer }) {
		super(options.doc);
		this.agencyId = options.agencyId;
		this.writable = options.writable;
		this.#writer = options.writer;
		const doc = options.doc;
		const map = cardsMap(doc) as Y.Map<unknown>;
		this.#cards = new KeyedReads<Card>({
			map,
			keyOf: (c) => c.taskId,
			readAll: () => readCards(doc),
			readOne: { read: (key) => readCard(doc, key as TaskId), compare: compareCards }
		});
		map.observeDeep((events) => {
			for (const key of this.#cards.invalidate(events)) this.#cardReaders.notify(key);
		});
	}

	protected override rootGroup(name: string): string {
		// The contribution texts are roots of their own (see contributionTextName); one read covers them.
		return name.startsWith('contribution/') ? ROOT.contributions : name;
	}

	get loaded(): boolean {
		return this.memo('loaded', () => docKind(this.doc) === 'agency', { roots: [ROOT.meta] });
	}

	/** Every card in board order; a new array after any card changed, the same one otherwise. */
	get cards(): Card[] {
		return this.memo('cards', () => (this.loaded ? this.#cards.list() : []), {
			roots: [ROOT.cards, ROOT.meta]
		});
	}

	get contributions(): Contribution[] {
		return this.memo('contributions', () => (this.loaded ? readContributions(this.doc) : []), {
			roots: [ROOT.contributions, ROOT.meta]
		});
	}

	/** One card; its reader re-runs only when this card changed (or the document was loaded). */
	card(taskId: string): Card | null {
		this.#cardReaders.track(taskId);
		return this.loaded ? this.#cards.get(taskId) : null;
	}

	#ctx() {
		return { by: this.#writer.id };
	}

	#write(fn: () => void): void {
		if (!this.writable) throw new Error(`No write access to agency ${this.agencyId}`);
		fn();
	}

	move(options: {
		taskId: string;
		toStatus: Status;
		before?: string | null;
		after?: string | null;
	}) {
		const { taskId, toStatus, before, after } = options;
		this.#write(() =>
			moveCard(this.doc, {
				taskId: taskId as TaskId,
				toStatus,
				before: (before ?? null) as TaskId | null,
				after: (after ?? null) as TaskId | null,
				...this.#ctx()
			})
		);
	}

	setStatus(taskId: string, status: Status) {
		this.#write(() => setStatus(this.doc, { taskId: taskId as TaskId, status, ...this.#ctx() }));
	}

	setProgress(taskId: string, progress: number) {
		this.#write(() =>
			setProgress(this.doc, { taskId: taskId as TaskId, progress, ...this.#ctx() })
		);
	}

	addChecklistItem(taskId: string, text: string) {
		this.#write(() =>
			addChecklistItem(this.doc, { taskId: taskId as TaskId, text, ...this.#ctx() })
		);
	}

	toggleChecklistItem(taskId: string, itemId: string, done: boolean) {
		this.#write(() =>
			toggleChecklistItem(this.doc, { taskId: taskId as TaskId, itemId, done, ...this.#ctx() })
		);
	}

	removeChecklistItem(taskId: string, itemId: string) {
		this.#write(() =>
			removeChecklistItem(this.doc, { taskId: taskId as TaskId, itemId, ...this.#ctx() })
		);
	}

	/** Throws a TypeError for a URL that is not http(s); the caller shows it. */
	addEvidence(taskId: string, url: string, label: string) {
		this.#write(() =>
			addEvidence(this.doc, { taskId: taskId as TaskId, url, label, ...this.#ctx() })
		);
	}

	removeEvidence(taskId: string, id: string) {
		this.#write(() => removeEvidence(this.doc, { taskId: taskId as TaskId, id, ...this.#ctx() }));
	}

	setFigure(taskId: string, key: string, label: string, value: number | string) {
		this.#write(() =>
			setFigure(this.doc, { taskId: taskId as TaskId, key, label, value, ...this.#ctx() })
		);
	}

	removeFigure(taskId: string, key: string) {
		this.#write(() => removeFigure(this.doc, { taskId: taskId as TaskId, key, ...this.#ctx() }));
	}

	addUpdate(taskId: string, text: string) {
		this.#write(() =>
			addUpdateEntry(this.doc, {
				taskId: taskId as TaskId,
				text,
				authorId: this.#writer.id,
				authorName: this.#writer.name
			})
		);
	}

	setContributionDone(taskId: string, done: boolean) {
		this.#write(() =>
			setContributionDone(this.doc, { taskId: taskId as TaskId, done, ...this.#ctx() })
		);
	}

	/** The card's result notes bound to a textarea, character by character. */
	notesEditor(taskId: string, onInput?: () => void): Attachment<HTMLTextAreaElement> {
		let text: Y.Text;
		try {
			text = cardNotesText(this.doc, taskId as TaskId);
		} catch {
			// A card whose notes are not a Y.Text (written so by a faulty or hostile client) shows
			// an empty, read-only field instead of breaking the card's detail.
			return (el) => {
				el.readOnly = true;
			};
		}
		return textBinding({
			text,
			readonly: !this.writable,
			onInput
		});
	}

	/**
	 * This agency's contribution text to another agency's task. Only a writer may bind it:
	 * `contributionText` creates the entry when it is missing, which is a write.
	 */
	contributionEditor(taskId: string, onInput?: () => void): Attachment<HTMLTextAreaElement> {
		if (!this.writable) throw new Error('Read-only contributions are shown as text, not bound');
		return textBinding({
			text: contributionText(this.doc, taskId as TaskId),
			readonly: false,
			onInput
		});
	}
}

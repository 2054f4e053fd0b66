import {
	addChecklistItem,
	addEvidence,
	addUpdateEntry,
	cardNotesText,
	contributionText,
	docKind,
	moveCard,
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
	type Card,
	type Contribution,
	type Status,
	type TaskId
} from '@planboard/model';
import type { Attachment } from 'svelte/attachments';
import type * as Y from 'yjs';
import { DocView } from './doc-view.svelte';
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

	constructor(options: { doc: Y.Doc; agencyId: string; writable: boolean; writer: Writer }) {
		super(options.doc);
		this.agencyId = options.agencyId;
		this.writable = options.writable;
		this.#writer = options.writer;
	}

	get loaded(): boolean {
		return this.memo('loaded', () => docKind(this.doc) === 'agency');
	}

	get cards(): Card[] {
		return this.memo('cards', () => (this.loaded ? readCards(this.doc) : []));
	}

	get contributions(): Contribution[] {
		return this.memo('contributions', () => (this.loaded ? readContributions(this.doc) : []));
	}

	card(taskId: string): Card | null {
		return this.cards.find((c) => c.taskId === taskId) ?? null;
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

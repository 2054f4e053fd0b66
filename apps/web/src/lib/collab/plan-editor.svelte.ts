import {
	acceptProposal,
	addSection,
	addTask,
	createLinkedCards,
	declineProposal,
	deleteTask,
	handOverTask,
	mergeTasks,
	moveSection,
	moveTask,
	planUndoManager,
	readCard,
	readTask,
	renameSection,
	restoreTask,
	splitTask,
	taskContentText,
	taskTitleText,
	updateTask,
	type AgencyId,
	type TaskId
} from '@planboard/model';
import { createSubscriber } from 'svelte/reactivity';
import type { Attachment } from 'svelte/attachments';
import type * as Y from 'yjs';
import { textBinding } from './text-binding';

/**
 * A coordinator's editing of the plan document. Every change, typing included, is written under
 * this editor's own transaction origin, and the undo manager tracks only that origin: undo
 * reverts this person's changes and never a concurrent change of someone else (those arrive
 * from the provider under its origin). Create it only for a writable plan document.
 */
export class PlanEditor {
	readonly #doc: Y.Doc;
	readonly #by: string;
	readonly #name: string;
	readonly #agencyDoc: (agencyId: string) => Y.Doc | undefined;
	readonly origin = Symbol('plan-editor');
	readonly #undo: Y.UndoManager;
	readonly #subscribe: () => void;

	constructor(options: {
		doc: Y.Doc;
		by: string;
		/** The writer's display name, for the note on a handed-over card. */
		name: string;
		/** The agency's document when this user may write it, to create a new task's card. */
		agencyDoc: (agencyId: string) => Y.Doc | undefined;
	}) {
		this.#doc = options.doc;
		this.#by = options.by;
		this.#name = options.name;
		this.#agencyDoc = options.agencyDoc;
		this.#undo = planUndoManager(this.#doc, { origin: this.origin });
		const undo = this.#undo;
		this.#subscribe = createSubscriber((update) => {
			const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
			for (const e of events) undo.on(e, update);
			return () => {
				for (const e of events) undo.off(e, update);
			};
		});
	}

	#ctx() {
		return { by: this.#by, origin: this.origin };
	}

	get canUndo(): boolean {
		this.#subscribe();
		return this.#undo.canUndo();
	}

	get canRedo(): boolean {
		this.#subscribe();
		return this.#undo.canRedo();
	}

	undo(): void {
		this.#undo.undo();
	}

	redo(): void {
		this.#undo.redo();
	}

	titleEditor(taskId: string): Attachment<HTMLInputElement | HTMLTextAreaElement> {
		return textBinding({
			text: taskTitleText(this.#doc, taskId as TaskId),
			readonly: false,
			origin: this.origin
		});
	}

	contentEditor(taskId: string): Attachment<HTMLInputElement | HTMLTextAreaElement> {
		return textBinding({
			text: taskContentText(this.#doc, taskId as TaskId),
			readonly: false,
			origin: this.origin
		});
	}

	setDue(taskId: string, due: string | null): void {
		this.#undo.stopCapturing();
		updateTask(this.#doc, { taskId: taskId as TaskId, due, ...this.#ctx() });
	}

	setTimeframe(taskId: string, timeframe: string): void {
		this.#undo.stopCapturing();
		updateTask(this.#doc, { taskId: taskId as TaskId, timeframe, ...this.#ctx() });
	}

	/**
	 * Sets a task's lead or coordinating agencies. Replacing one lead by another hands the task
	 * over (model handover.ts): the new lead gets a card carrying status and progress, the old
	 * card is closed and kept. Other lead changes only create the cards of added leads.
	 */
	setAgencies(taskId: string, field: 'lead' | 'coordinating', agencies: string[]): void {
		this.#undo.stopCapturing();
		const was: string[] = readTask(this.#doc, taskId as TaskId)?.lead ?? [];
		const added = agencies.filter((a) => !was.includes(a));
		if (field === 'lead') {
			const removed = was.filter((a) => !agencies.includes(a));
			const from = removed.length === 1 ? this.#agencyDoc(removed[0]) : undefined;
			const to = added.length === 1 ? this.#agencyDoc(added[0]) : undefined;
			if (from && to && readCard(from, taskId as TaskId)) {
				handOverTask({
					plan: this.#doc,
					from,
					to,
					taskId: taskId as TaskId,
					by: this.#by,
					authorName: this.#name,
					origin: this.origin
				});
				return;
			}
		}
		updateTask(this.#doc, {
			taskId: taskId as TaskId,
			[field]: agencies as AgencyId[],
			...this.#ctx()
		});
		if (field === 'lead') this.#createCards(taskId as TaskId, added);
	}

	/** Cards for the task's leads, tied to the last undo step: undoing it withdraws them. */
	#createCards(taskId: TaskId, agencies: string[]): void {
		const cards = agencies.flatMap((a) => {
			const doc = this.#agencyDoc(a);
			return doc ? [{ doc, taskId }] : [];
		});
		createLinkedCards({ undo: this.#undo, cards, by: this.#by });
	}

	/** Adds a task and the lead agency's card for it; returns the task id. */
	addTask(options: { sectionId: string; title: string; lead: string[] }): string {
		this.#undo.stopCapturing();
		const id = addTask(this.#doc, {
			sectionId: options.sectionId,
			title: options.title,
			lead: options.lead as AgencyId[],
			...this.#ctx()
		});
		this.#createCards(id, options.lead);
		return id;
	}

	/**
	 * Splits a task at a content offset; the new task (returned) gets the same leads, whose
	 * cards are created and tied to this undo step.
	 */
	splitTask(taskId: string, offset: number, title: string): string {
		this.#undo.stopCapturing();
		const id = splitTask(this.#doc, { taskId: taskId as TaskId, offset, title, ...this.#ctx() });
		this.#createCards(id, readTask(this.#doc, id)?.lead ?? []);
		return id;
	}

	/**
	 * Merges `absorbId` into `keepId` (the absorbed task is marked merged, not removed); the
	 * absorbed task's leads become leads of the kept one and get its card.
	 */
	mergeTasks(keepId: string, absorbId: string): void {
		this.#undo.stopCapturing();
		const was: string[] = readTask(this.#doc, keepId as TaskId)?.lead ?? [];
		mergeTasks(this.#doc, {
			keepId: keepId as TaskId,
			absorbId: absorbId as TaskId,
			...this.#ctx()
		});
		const now: string[] = readTask(this.#doc, keepId as TaskId)?.lead ?? [];
		this.#createCards(
			keepId as TaskId,
			now.filter((a) => !was.includes(a))
		);
	}

	deleteTask(taskId: string): void {
		this.#undo.stopCapturing();
		deleteTask(this.#doc, { taskId: taskId as TaskId, ...this.#ctx() });
	}

	restoreTask(taskId: string): void {
		this.#undo.stopCapturing();
		restoreTask(this.#doc, { taskId: taskId as TaskId, ...this.#ctx() });
	}

	moveTask(taskId: string, index: number): void {
		this.#undo.stopCapturing();
		moveTask(this.#doc, { taskId: taskId as TaskId, index, ...this.#ctx() });
	}

	addSection(title: string, number: string): string {
		this.#undo.stopCapturing();
		return addSection(this.#doc, { title, number, ...this.#ctx() });
	}

	renameSection(sectionId: string, title: string): void {
		this.#undo.stopCapturing();
		renameSection(this.#doc, { sectionId, title, ...this.#ctx() });
	}

	moveSection(sectionId: string, index: number): void {
		this.#undo.stopCapturing();
		moveSection(this.#doc, { sectionId, index, ...this.#ctx() });
	}

	/**
	 * Accepts an officer's proposal (model proposal.ts) as one undo step of this editor: the
	 * change and the decision together, with the cards of a task a split created tied to it.
	 */
	acceptProposal(agencyId: string, proposalId: string): void {
		const agency = this.#agencyDoc(agencyId);
		if (!agency) throw new Error(`No writable document for agency ${agencyId}`);
		this.#undo.stopCapturing();
		const { createdTaskId } = acceptProposal({
			plan: this.#doc,
			agency,
			proposalId,
			byName: this.#name,
			...this.#ctx()
		});
		if (createdTaskId) {
			this.#createCards(createdTaskId, readTask(this.#doc, createdTaskId)?.lead ?? []);
		}
	}

	/** Declines an officer's proposal with the reason the officer will read. */
	declineProposal(agencyId: string, proposalId: string, reason: string): void {
		const agency = this.#agencyDoc(agencyId);
		if (!agency) throw new Error(`No writable document for agency ${agencyId}`);
		this.#undo.stopCapturing();
		declineProposal({
			plan: this.#doc,
			agency,
			proposalId,
			reason,
			byName: this.#name,
			...this.#ctx()
		});
	}

	destroy(): void {
		this.#undo.destroy();
	}
}

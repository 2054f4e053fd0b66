import {
	addSection,
	addTask,
	deleteTask,
	moveSection,
	moveTask,
	planUndoManager,
	renameSection,
	restoreCard,
	restoreTask,
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
	readonly #agencyDoc: (agencyId: string) => Y.Doc | undefined;
	readonly origin = Symbol('plan-editor');
	readonly #undo: Y.UndoManager;
	readonly #subscribe: () => void;

	constructor(options: {
		doc: Y.Doc;
		by: string;
		/** The agency's document when this user may write it, to create a new task's card. */
		agencyDoc: (agencyId: string) => Y.Doc | undefined;
	}) {
		this.#doc = options.doc;
		this.#by = options.by;
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

	setAgencies(taskId: string, field: 'lead' | 'coordinating', agencies: string[]): void {
		this.#undo.stopCapturing();
		updateTask(this.#doc, {
			taskId: taskId as TaskId,
			[field]: agencies as AgencyId[],
			...this.#ctx()
		});
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
		for (const agency of options.lead) {
			const doc = this.#agencyDoc(agency);
			if (doc) restoreCard(doc, { taskId: id, by: this.#by });
		}
		return id;
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

	destroy(): void {
		this.#undo.destroy();
	}
}

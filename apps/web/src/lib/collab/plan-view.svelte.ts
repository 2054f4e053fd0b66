import {
	docKind,
	readAgencies,
	readPlanMeta,
	readSections,
	readTasks,
	type AgencyInfo,
	type PlanMeta,
	type Section,
	type Task
} from '@planboard/model';
import { DocView } from './doc-view.svelte';

/** The plan document: read-only for the board (the plan's text is edited elsewhere). */
export class PlanView extends DocView {
	/** False until the document arrived from IndexedDB or the server. */
	get loaded(): boolean {
		return this.memo('loaded', () => docKind(this.doc) === 'plan');
	}

	get meta(): PlanMeta {
		return this.memo('meta', () => readPlanMeta(this.doc));
	}

	get tasks(): Task[] {
		return this.memo('tasks', () => readTasks(this.doc));
	}

	get sections(): Section[] {
		return this.memo('sections', () => readSections(this.doc));
	}

	get agencies(): AgencyInfo[] {
		return this.memo('agencies', () => readAgencies(this.doc));
	}
}

import {
	ROOT,
	docKind,
	readAgencies,
	readPlanMeta,
	readSections,
	readTasks,
	tasksMap,
	type AgencyInfo,
	type PlanMeta,
	type Section,
	type Task
} from '@planboard/model';
import type * as Y from 'yjs';
import { DocView } from './doc-view.svelte';
import { KeyedReads } from './keyed-reads';

/** The plan document: read-only for the board (the plan's text is edited elsewhere). */
export class PlanView extends DocView {
	/**
	 * Tasks keep their objects unless a change touched them: the board's rows and search text
	 * are cached by task object, so editing one task's title re-renders that task's tiles only.
	 */
	readonly #tasks: KeyedReads<Task>;

	constructor(doc: Y.Doc) {
		super(doc);
		const map = tasksMap(doc) as Y.Map<unknown>;
		this.#tasks = new KeyedReads<Task>({ map, keyOf: (t) => t.id, readAll: () => readTasks(doc) });
		map.observeDeep((events) => this.#tasks.invalidate(events));
	}

	/** False until the document arrived from IndexedDB or the server. */
	get loaded(): boolean {
		return this.memo('loaded', () => docKind(this.doc) === 'plan', { roots: [ROOT.meta] });
	}

	get meta(): PlanMeta {
		return this.memo('meta', () => readPlanMeta(this.doc), { roots: [ROOT.plan, ROOT.meta] });
	}

	get tasks(): Task[] {
		return this.memo('tasks', () => this.#tasks.list(), { roots: [ROOT.tasks] });
	}

	get sections(): Section[] {
		return this.memo('sections', () => readSections(this.doc), { roots: [ROOT.sections] });
	}

	get agencies(): AgencyInfo[] {
		return this.memo('agencies', () => readAgencies(this.doc), { roots: [ROOT.agencies] });
	}
}

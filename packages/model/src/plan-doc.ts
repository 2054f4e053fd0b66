import * as Y from 'yjs';
import { writeAgency, type AgencyInfo } from './agency.js';
import { assignmentsMap } from './assignments.js';
import { newIdList } from './id-list.js';
import type { AgencyId, PlanId, TaskId } from './ids.js';
import { isDocEmpty, metaMap } from './meta.js';
import { CURRENT_SCHEMA_VERSION } from './migrations.js';
import { checkMilestone, milestonesMap, type Milestone } from './milestone.js';
import { planMap, type PlanMeta } from './plan-meta.js';
import { initialKeys } from './order.js';
import { writeSection, type SectionInput } from './section.js';
import { writeTask, type TaskInput } from './task.js';
import { isIsoDate } from './timeliness.js';

/** Everything the server needs to create a board: the imported plan plus the card fan-out. */
export interface BoardSeed {
	planId: PlanId;
	meta: Omit<PlanMeta, 'planId'>;
	sections: SectionInput[];
	agencies: AgencyInfo[];
	tasks: TaskInput[];
	milestones: Milestone[];
	/**
	 * Per agency, the tasks and duties it gets a card for, in lane order. The caller decides the
	 * fan-out (a task led by a group gives each member a card); it is recorded in the plan
	 * document so readers know which agency documents to open for a task's roll-up.
	 */
	cards: Record<AgencyId, TaskId[]>;
}

/** Human-readable problems with a seed; empty when it is consistent. */
export function validateSeed(seed: BoardSeed): string[] {
	const errors: string[] = [];
	const dupes = (kind: string, ids: string[]) => {
		const seen = new Set<string>();
		for (const id of ids) {
			if (seen.has(id)) errors.push(`duplicate ${kind} id ${id}`);
			seen.add(id);
		}
		return seen;
	};
	const sections = dupes(
		'section',
		seed.sections.map((s) => s.id)
	);
	const agencies = dupes(
		'agency',
		seed.agencies.map((a) => a.id)
	);
	const tasks = dupes(
		'task',
		seed.tasks.map((t) => t.id)
	);
	dupes(
		'milestone',
		seed.milestones.map((m) => m.id)
	);
	if (seed.meta.reportDue !== null && !isIsoDate(seed.meta.reportDue)) {
		errors.push(`reportDue ${seed.meta.reportDue} is not YYYY-MM-DD`);
	}
	for (const t of seed.tasks) {
		if (!sections.has(t.sectionId)) errors.push(`task ${t.id}: unknown section ${t.sectionId}`);
		for (const a of [...t.lead, ...(t.coordinating ?? [])]) {
			if (!agencies.has(a)) errors.push(`task ${t.id}: unknown agency ${a}`);
		}
		if (t.due != null && !isIsoDate(t.due))
			errors.push(`task ${t.id}: due ${t.due} is not YYYY-MM-DD`);
	}
	for (const m of seed.milestones) {
		if (!isIsoDate(m.date)) errors.push(`milestone ${m.id}: date ${m.date} is not YYYY-MM-DD`);
	}
	for (const [agency, ids] of Object.entries(seed.cards) as [string, string[]][]) {
		if (!agencies.has(agency)) errors.push(`cards: unknown agency ${agency}`);
		dupes(`card (agency ${agency})`, ids);
		for (const id of ids) if (!tasks.has(id)) errors.push(`cards of ${agency}: unknown task ${id}`);
	}
	return errors;
}

/**
 * Creates the plan document. Server only, exactly once: two replicas seeding independently
 * would both insert every task and the merge would keep both copies. Refuses a document that
 * already has content and a seed that is inconsistent.
 */
export function initPlanDoc(doc: Y.Doc, seed: BoardSeed): void {
	if (!isDocEmpty(doc)) throw new Error('initPlanDoc: the document is not empty');
	const errors = validateSeed(seed);
	if (errors.length) throw new Error(`initPlanDoc: invalid seed:\n- ${errors.join('\n- ')}`);
	for (const m of seed.milestones) checkMilestone(m);
	doc.transact(() => {
		const meta = metaMap(doc);
		meta.set('schemaVersion', CURRENT_SCHEMA_VERSION);
		meta.set('kind', 'plan');
		meta.set('planId', seed.planId);
		const plan = planMap(doc);
		const { title, issuer, number, date, year, reportDue } = seed.meta;
		for (const [k, v] of Object.entries({ title, issuer, number, date, year, reportDue })) {
			plan.set(k, v);
		}
		const sectionKeys = initialKeys(seed.sections.length);
		seed.sections.forEach((s, i) => writeSection(doc, s, sectionKeys[i]));
		const agencyKeys = initialKeys(seed.agencies.length);
		seed.agencies.forEach((a, i) => writeAgency(doc, a, agencyKeys[i]));
		const taskKeys = initialKeys(seed.tasks.length);
		seed.tasks.forEach((t, i) => writeTask(doc, t, taskKeys[i]));
		for (const m of seed.milestones) milestonesMap(doc).set(m.id, { ...m });
		for (const [agency, ids] of Object.entries(seed.cards) as [string, string[]][]) {
			assignmentsMap(doc).set(agency, newIdList(ids));
		}
	}, 'init');
}

import * as Y from 'yjs';
import { addToIdList, readIdList } from './id-list.js';
import type { AgencyId, TaskId } from './ids.js';
import { reportMalformed, typeOf } from './malformed.js';
import { ROOT } from './meta.js';

/**
 * The card fan-out recorded in the plan document: agency id -> task ids it has cards for. It is
 * what the server seeded the agency documents with, so a task's roll-up knows whose documents
 * to read. Each agency's list is a Y.Array (schema version 3; id-list.ts), so two tasks added
 * for the same agency at the same instant are both kept.
 */
export function assignmentsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>(ROOT.assignments);
}

export function readAssignments(doc: Y.Doc): Record<AgencyId, TaskId[]> {
	const out = {} as Record<AgencyId, TaskId[]>;
	const map = assignmentsMap(doc);
	for (const k of [...map.keys()].sort()) {
		const ids = readIdList(map.get(k));
		if (ids) out[k as AgencyId] = ids as TaskId[];
		else
			reportMalformed(
				doc,
				`${ROOT.assignments}/${k}`,
				`not a list of task ids: ${typeOf(map.get(k))}`
			);
	}
	return out;
}

/** Records that `agency` has a card for `taskId`. Call inside a transaction. */
export function addAssignment(doc: Y.Doc, agency: AgencyId, taskId: TaskId): void {
	addToIdList(assignmentsMap(doc), agency, taskId);
}

/** Agencies that have a card for `taskId`, sorted by id. */
export function cardHolders(doc: Y.Doc, taskId: TaskId): AgencyId[] {
	const out: AgencyId[] = [];
	for (const [agency, ids] of Object.entries(readAssignments(doc))) {
		if (ids.includes(taskId)) out.push(agency as AgencyId);
	}
	return out.sort();
}

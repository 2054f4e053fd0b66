import {
	agencyDocName,
	planDocName,
	readAgencies,
	readCards,
	readMilestones,
	readPlanMeta,
	readSections,
	readTasks,
	type AgencyInfo,
	type Card
} from '@planboard/model';
import { readDocument } from '@planboard/boards';
import type * as Y from 'yjs';
import { boardDescriptor } from './plans';
import { runtime } from './runtime';
import { storedRead } from './stored-reads';

/** A document as stored: latest snapshot plus the log tail; as it stood at `at` when given. */
export function loadStoredDoc(document: string, at?: Date): Y.Doc {
	return readDocument(runtime().store, document, at);
}

/**
 * The board as plain data for the first paint (server-rendered, readable without JavaScript);
 * the page then goes live over the sync server. With `at`, the board as it stood then (the
 * page stays on it, read-only).
 */
export function boardSnapshot(planId: string, at?: Date) {
	const descriptor = boardDescriptor(planId);
	const plan = planReads(planDocName(planId), at);
	const lanes: { agency: AgencyInfo; cards: Card[] }[] = [];
	for (const agency of plan.agencies) {
		if (agency.kind === 'group') continue;
		const document = agencyDocName({ planId, agencyId: agency.id });
		const cards = at
			? readCards(loadStoredDoc(document, at))
			: storedRead({ document, kind: 'cards', read: readCards });
		if (cards.length > 0) lanes.push({ agency, cards });
	}
	return { descriptor, ...plan, lanes };
}

function readPlan(planDoc: Y.Doc) {
	return {
		meta: readPlanMeta(planDoc),
		sections: readSections(planDoc),
		tasks: readTasks(planDoc),
		agencies: readAgencies(planDoc),
		milestones: readMilestones(planDoc)
	};
}

/** The plan's reads; the live ones are kept until the document changes (see storedRead). */
function planReads(document: string, at?: Date): ReturnType<typeof readPlan> {
	if (at) return readPlan(loadStoredDoc(document, at));
	return storedRead({ document, kind: 'board-plan', read: readPlan });
}

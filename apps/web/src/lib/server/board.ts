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
	const planDoc = loadStoredDoc(planDocName(planId), at);
	const lanes: { agency: AgencyInfo; cards: Card[] }[] = [];
	const agencies = readAgencies(planDoc);
	for (const agency of agencies) {
		if (agency.kind === 'group') continue;
		const cards = readCards(loadStoredDoc(agencyDocName({ planId, agencyId: agency.id }), at));
		if (cards.length > 0) lanes.push({ agency, cards });
	}
	return {
		descriptor,
		meta: readPlanMeta(planDoc),
		sections: readSections(planDoc),
		tasks: readTasks(planDoc),
		agencies,
		milestones: readMilestones(planDoc),
		lanes
	};
}

import { agencyDocName, planDocName } from '@planboard/auth';
import {
	docFromStored,
	readAgencies,
	readCards,
	readMilestones,
	readPlanMeta,
	readSections,
	readTasks,
	type AgencyInfo,
	type Card
} from '@planboard/model';
import type * as Y from 'yjs';
import { boardDescriptor } from './plans';
import { runtime } from './runtime';

/** A document as stored: latest snapshot plus the log tail. */
export function loadStoredDoc(document: string): Y.Doc {
	return docFromStored(runtime().store.updates.load(document), document);
}

/**
 * The board as plain data for the first paint (server-rendered, readable without JavaScript);
 * the page then goes live over the sync server.
 */
export function boardSnapshot(planId: string) {
	const descriptor = boardDescriptor(planId);
	const planDoc = loadStoredDoc(planDocName(planId));
	const lanes: { agency: AgencyInfo; cards: Card[] }[] = [];
	const agencies = readAgencies(planDoc);
	for (const agency of agencies) {
		if (agency.kind === 'group') continue;
		const cards = readCards(loadStoredDoc(agencyDocName({ planId, agencyId: agency.id })));
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

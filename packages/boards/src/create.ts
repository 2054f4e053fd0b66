import { agencyDocName, initAgencyDoc, initPlanDoc, planDocName } from '@planboard/model';
import type { AgencyDirectory, ParsedPlan } from '@planboard/plan-import';
import type { Store } from '@planboard/store';
import * as Y from 'yjs';
import { buildSeed } from './seed.js';
import { sqliteDocumentStore } from './sqlite-documents.js';

/**
 * Creates a board exactly once, on the server: the plan row, its agencies, and the initial
 * state of every document as the first entry of the update log, all in one transaction, so a
 * crash leaves either the whole board or none of it.
 */
export function createBoard(options: {
	store: Store;
	plan: ParsedPlan;
	planId: string;
	directory?: AgencyDirectory;
	sourceJson?: string;
}): { planId: string; agencies: number; cards: number } {
	const { store, plan, planId } = options;
	if (store.plans.get(planId)) throw new Error(`A board with id "${planId}" already exists.`);
	const { seed, documentAgencies, contributions } = buildSeed({
		plan,
		planId,
		directory: options.directory
	});

	const planDoc = new Y.Doc();
	initPlanDoc(planDoc, seed);
	const updates = [
		{ document: planDocName(planId), update: Y.encodeStateAsUpdate(planDoc), author: null }
	];
	let cards = 0;
	for (const agency of documentAgencies) {
		const doc = new Y.Doc();
		const taskIds = seed.cards[agency.id] ?? [];
		cards += taskIds.length;
		initAgencyDoc(doc, {
			agencyId: agency.id,
			planId: seed.planId,
			taskIds,
			contributionTaskIds: contributions.get(agency.id) ?? []
		});
		updates.push({
			document: agencyDocName({ planId, agencyId: agency.id }),
			update: Y.encodeStateAsUpdate(doc),
			author: null
		});
	}
	store.transaction(() => {
		store.plans.insert({
			id: planId,
			title: plan.title,
			year: seed.meta.year,
			sourceJson: options.sourceJson ?? JSON.stringify(plan)
		});
		store.plans.setAgencies({
			planId,
			agencies: documentAgencies.map(({ id, name, shortName, kind }) => ({
				id,
				name,
				shortName,
				kind
			}))
		});
		sqliteDocumentStore(store).appendManyNow(updates);
	});
	return { planId, agencies: documentAgencies.length, cards };
}

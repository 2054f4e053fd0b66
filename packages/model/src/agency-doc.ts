import * as Y from 'yjs';
import { cardsMap, newCardMap } from './card.js';
import { seedContribution } from './contribution.js';
import { asAgencyId, asTaskId, type AgencyId, type PlanId, type TaskId } from './ids.js';
import { isDocEmpty, metaMap } from './meta.js';
import { CURRENT_SCHEMA_VERSION } from './migrations.js';
import { initialKeys } from './order.js';

export interface InitAgencyDocOptions {
	agencyId: AgencyId;
	/** Tasks and duties this agency gets a card for, in lane order (top first). */
	taskIds: TaskId[];
	planId?: PlanId;
	/** Tasks the agency coordinates; their contribution entries are created up front. */
	contributionTaskIds?: TaskId[];
}

/**
 * Creates an agency document: one todo card at 0% per task id, order keys ascending in the
 * given order. Server only, exactly once (see initPlanDoc); refuses a non-empty document.
 */
export function initAgencyDoc(doc: Y.Doc, options: InitAgencyDocOptions): void {
	const { agencyId, taskIds, planId, contributionTaskIds = [] } = options;
	if (!isDocEmpty(doc)) throw new Error('initAgencyDoc: the document is not empty');
	asAgencyId(agencyId);
	taskIds.forEach((id) => asTaskId(id));
	if (new Set(taskIds).size !== taskIds.length) {
		throw new Error(`initAgencyDoc: duplicate task ids for agency ${agencyId}`);
	}
	const keys = initialKeys(taskIds.length);
	doc.transact(() => {
		const meta = metaMap(doc);
		meta.set('schemaVersion', CURRENT_SCHEMA_VERSION);
		meta.set('kind', 'agency');
		meta.set('agencyId', agencyId);
		if (planId !== undefined) meta.set('planId', planId);
		const cards = cardsMap(doc);
		taskIds.forEach((id, i) => cards.set(id, newCardMap(id, keys[i])));
		for (const id of contributionTaskIds) seedContribution(doc, asTaskId(id));
	}, 'init');
}

/** The agency an agency document belongs to; null for other documents. */
export function agencyIdOf(doc: Y.Doc): AgencyId | null {
	const id = metaMap(doc).get('agencyId');
	return typeof id === 'string' ? (id as AgencyId) : null;
}

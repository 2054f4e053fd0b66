import { sqliteDocumentStore } from '@planboard/boards/documents';
import { agencyDocName, planDocName } from '@planboard/model';
import { stateFromLog, type BoardSource } from '@planboard/report';
import type { Store } from '@planboard/store';

/**
 * A board as the report package reads it, through the DocumentStore: each document is its
 * latest snapshot plus the log tail, exactly what the sync server would load, read once up
 * front. Null when the store has no such plan.
 */
export async function boardSource(options: {
	store: Store;
	planId: string;
}): Promise<BoardSource | null> {
	const { store, planId } = options;
	const plan = store.plans.get(planId);
	if (!plan) return null;
	const agencies = store.plans.agencies(planId);
	const documents = sqliteDocumentStore(store);
	const names = [
		planDocName(planId),
		...agencies.map((a) => agencyDocName({ planId, agencyId: a.id }))
	];
	const states = new Map<string, Uint8Array | null>();
	for (const name of names) states.set(name, stateFromLog(await documents.loadState(name)));
	return {
		plan: { id: plan.id, title: plan.title, year: plan.year, sourceJson: plan.sourceJson },
		agencies,
		loadState: (name) => states.get(name) ?? null
	};
}

import { stateFromLog, type BoardSource } from '@planboard/report';
import type { Store } from '@planboard/store';

/**
 * A board as the report package reads it, straight from the update log: each document is its
 * latest snapshot plus the log tail, exactly what the sync server would load. Null when the
 * store has no such plan.
 */
export function boardSource(options: { store: Store; planId: string }): BoardSource | null {
	const { store, planId } = options;
	const plan = store.plans.get(planId);
	if (!plan) return null;
	return {
		plan: { id: plan.id, title: plan.title, year: plan.year, sourceJson: plan.sourceJson },
		agencies: store.plans.agencies(planId),
		loadState: (name) => stateFromLog(store.updates.load(name))
	};
}

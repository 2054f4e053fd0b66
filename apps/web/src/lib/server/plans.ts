import { error } from '@sveltejs/kit';
import { agencyDocName, planDocName } from '@planboard/auth';
import { runtime } from './runtime';

/** A board's agencies and the Yjs document names a client subscribes to. */
export function boardDescriptor(planId: string) {
	const { store } = runtime();
	const plan = store.plans.get(planId);
	if (!plan) error(404, { message: 'Không tìm thấy kế hoạch.' });
	const agencies = store.plans.agencies(planId);
	return {
		id: plan.id,
		title: plan.title,
		year: plan.year,
		agencies: agencies.map(({ id, name, shortName, kind }) => ({ id, name, shortName, kind })),
		documents: {
			plan: planDocName(plan.id),
			agencies: Object.fromEntries(
				agencies.map((a) => [a.id, agencyDocName({ planId: plan.id, agencyId: a.id })])
			)
		}
	};
}

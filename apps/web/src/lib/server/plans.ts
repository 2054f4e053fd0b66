import { error } from '@sveltejs/kit';
import { agencyDocName, planDocName } from '@planboard/model';
import { runtime } from './runtime';

/** A board's agencies and the Yjs document names a client subscribes to. */
export function boardDescriptor(planId: string) {
	const { store } = runtime();
	const plan = store.plans.get(planId);
	if (!plan) error(404, { message: 'Không tìm thấy kế hoạch.' });
	const agencies = store.plans.agencies(planId);
	// Names come from the installation's directory, so a rename there shows on every board;
	// an agency the directory does not know keeps the name the board was created with.
	const directory = new Map(store.agencies.list().map((a) => [a.id, a]));
	return {
		id: plan.id,
		title: plan.title,
		year: plan.year,
		agencies: agencies.map(({ id, name, shortName, kind }) => {
			const known = directory.get(id);
			return known
				? { id, name: known.name, shortName: known.shortName, kind: known.kind }
				: { id, name, shortName, kind };
		}),
		documents: {
			plan: planDocName(plan.id),
			agencies: Object.fromEntries(
				agencies.map((a) => [a.id, agencyDocName({ planId: plan.id, agencyId: a.id })])
			)
		}
	};
}

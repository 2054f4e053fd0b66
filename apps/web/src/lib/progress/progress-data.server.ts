import { agencyDocName, planDocName } from '@planboard/auth';
import {
	readAgencies,
	readAssignments,
	readCards,
	readMilestones,
	readPlanMeta,
	readSections,
	readTasks
} from '@planboard/model';
import { loadStoredDoc } from '$lib/server/board';
import { boardDescriptor } from '$lib/server/plans';
import type { CardState } from '@planboard/boards/progress';

/**
 * The progress board's first paint, as stored: readable without JavaScript, then replaced by
 * the live documents. Cards carry only their status and progress; notes and updates stay out
 * of the page (a share link shows the board to people without an account).
 */
export function progressSnapshot(planId: string) {
	const descriptor = boardDescriptor(planId);
	const planDoc = loadStoredDoc(planDocName(planId));
	const agencies = readAgencies(planDoc);
	const cards: Record<string, CardState[]> = {};
	for (const agency of agencies) {
		if (agency.kind === 'group') continue;
		const list = readCards(loadStoredDoc(agencyDocName({ planId, agencyId: agency.id })));
		if (list.length === 0) continue;
		cards[agency.id] = list.map(({ taskId, status, progress, completedAt }) => ({
			taskId,
			status,
			progress,
			completedAt
		}));
	}
	return {
		descriptor,
		meta: readPlanMeta(planDoc),
		sections: readSections(planDoc),
		tasks: readTasks(planDoc).map(({ content: _content, items: _items, ...task }) => ({
			...task,
			content: '',
			items: [] as string[]
		})),
		agencies,
		milestones: readMilestones(planDoc),
		assignments: readAssignments(planDoc) as Record<string, string[]>,
		cards
	};
}

export type ProgressSnapshot = ReturnType<typeof progressSnapshot>;

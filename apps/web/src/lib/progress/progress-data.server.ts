import { readDocument, type AsOf } from '@planboard/boards';
import { computeProgress, type CardState, type PlanProgress } from '@planboard/boards/progress';
import {
	agencyDocName,
	planDocName,
	readAgencies,
	readAssignments,
	readCards,
	readMilestones,
	readPlanMeta,
	readSections,
	readTasks
} from '@planboard/model';
import type * as Y from 'yjs';
import { boardDescriptor } from '$lib/server/plans';
import { runtime } from '$lib/server/runtime';

/** A stored document as it stands now, or as it stood at `at`. */
function storedDoc(name: string, at: Date | undefined): Y.Doc {
	return readDocument(runtime().store, name, at);
}

/**
 * The progress board's data as stored (now, or as it stood at `at`): its first paint, readable
 * without JavaScript, and every share-link snapshot. Cards carry only their status and
 * progress; notes and updates stay out (a share link shows the board to people without an
 * account). Every figure is computed from it by `computeProgress` (packages/boards).
 */
export function progressSnapshot(planId: string, at?: Date) {
	const descriptor = boardDescriptor(planId);
	const planDoc = storedDoc(planDocName(planId), at);
	const agencies = readAgencies(planDoc);
	const cards: Record<string, CardState[]> = {};
	for (const agency of agencies) {
		if (agency.kind === 'group') continue;
		const list = readCards(storedDoc(agencyDocName({ planId, agencyId: agency.id }), at));
		if (list.length === 0) continue;
		cards[agency.id] = list.map(
			({ taskId, status, progress, completedAt, handedOverTo, handedOverFrom }) => ({
				taskId,
				status,
				progress,
				completedAt,
				...(handedOverTo ? { handedOverTo } : {}),
				...(handedOverFrom ? { handedOverFrom } : {})
			})
		);
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

/** The figures of a snapshot on a day ('YYYY-MM-DD'), by the one computation. */
export function snapshotProgress(snapshot: ProgressSnapshot, date: string): PlanProgress {
	return computeProgress({
		tasks: snapshot.tasks,
		sections: snapshot.sections,
		agencies: snapshot.agencies,
		assignments: snapshot.assignments,
		cards: (agencyId) => snapshot.cards[agencyId] ?? [],
		asOf: date
	});
}

/**
 * `GET /api/plans/<id>/progress`: the board as it stood at `asOf.instant`, judged on
 * `asOf.date`; the same figures the progress board shows for that moment. Tasks only on request.
 */
export function progressReport(o: { planId: string; asOf: AsOf; tasks: boolean }) {
	const p = snapshotProgress(progressSnapshot(o.planId, o.asOf.instant), o.asOf.date);
	const rollup = (r: PlanProgress['totals']) => ({
		done: r.done,
		total: r.total,
		percent: r.percent
	});
	return {
		asOf: { instant: o.asOf.instant.toISOString(), date: o.asOf.date },
		totals: rollup(p.totals),
		byTimeliness: p.byTimeliness,
		byAgency: p.byAgency.map((s) => ({
			id: s.key.id,
			name: s.key.name,
			shortName: s.key.shortName,
			...rollup(s.rollup),
			byTimeliness: s.byTimeliness
		})),
		bySection: p.bySection.map((s) => ({
			id: s.key.id,
			number: s.key.number,
			title: s.key.title,
			...rollup(s.rollup),
			byTimeliness: s.byTimeliness
		})),
		orphans: p.orphans.map((o) => ({ agencyId: o.agencyId, ...o.card })),
		...(o.tasks
			? {
					tasks: p.tasks.map((t) => ({
						id: t.task.id,
						number: t.task.number,
						due: t.task.due,
						status: t.status,
						timeliness: t.timeliness,
						...rollup(t.rollup),
						cards: t.cards.map((f) => ({
							agencyId: f.agencyId,
							status: f.state.status,
							progress: f.state.progress,
							missing: f.missing,
							timeliness: f.timeliness
						}))
					}))
				}
			: {})
	};
}

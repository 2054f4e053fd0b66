import { ROOT, readAssignments, readMilestones, type Milestone } from '@planboard/model';
import { PlanView } from '$lib/collab/plan-view.svelte';

/** The plan document with what the progress board reads beyond the board's PlanView. */
export class PlanProgressView extends PlanView {
	get milestones(): Milestone[] {
		return this.memo('milestones', () => readMilestones(this.doc), {
			roots: [ROOT.milestones]
		});
	}

	/** The seeded card fan-out: agency id -> task ids. */
	get assignments(): Record<string, string[]> {
		return this.memo('assignments', () => readAssignments(this.doc), {
			roots: [ROOT.assignments]
		});
	}
}

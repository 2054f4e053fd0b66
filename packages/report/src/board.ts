import {
	agencyDocName,
	planDocName,
	nameDoc,
	readAgencies,
	readAssignments,
	readCards,
	readContributions,
	readMilestones,
	readPlanMeta,
	readRounds,
	readSections,
	readTasks,
	type AgencyId,
	type AgencyInfo,
	type Card,
	type Contribution,
	type Milestone,
	type PlanMeta,
	type ReportRound,
	type Section,
	type Task
} from '@planboard/model';
import type * as Y from 'yjs';

/** One agency's card, tagged with the lane (agency document) it was read from. */
export interface BoardCard extends Card {
	agencyId: AgencyId;
}

/** What a coordinating agency wrote about its part in another agency's task. */
export interface BoardContribution extends Contribution {
	agencyId: AgencyId;
}

/**
 * A whole board as plain data, read once: exporters work on this rather than on Yjs documents,
 * so every format shows the same state even while officers keep editing.
 */
export interface BoardData {
	planId: string;
	meta: PlanMeta;
	sections: Section[];
	/** Section-II tasks and section-III duties (`kind`), in plan order. */
	tasks: Task[];
	/** Including groups (kind 'group', with members), in the order the plan document keeps. */
	agencies: AgencyInfo[];
	milestones: Milestone[];
	/** Reporting rounds coordinators opened on the board (report-round.ts), by due date. */
	rounds: ReportRound[];
	/** The plan document's seeded fan-out (agency id -> task ids): the assignments progress counts. */
	assignments: Record<string, string[]>;
	/** Every card of every agency document read, by lane order then card order. */
	cards: BoardCard[];
	/** Contributions of coordinating agencies, by agency then task id. */
	contributions: BoardContribution[];
}

export interface ReadBoardOptions {
	/** Returns the current state of a document by name; an unknown name gives an empty doc. */
	loadDoc: (name: string) => Y.Doc;
	planId: string;
	/**
	 * Agencies whose documents to read. Defaults to every non-group agency of the plan document,
	 * which is exactly the set the server created documents for.
	 */
	agencyIds?: readonly string[];
}

export function readBoard(options: ReadBoardOptions): BoardData {
	const { loadDoc, planId } = options;
	const planDoc = nameDoc(loadDoc(planDocName(planId)), planDocName(planId));
	const agencies = readAgencies(planDoc);
	const agencyIds =
		options.agencyIds ?? agencies.filter((a) => a.kind !== 'group').map((a) => a.id);
	const cards: BoardCard[] = [];
	const contributions: BoardContribution[] = [];
	for (const id of agencyIds) {
		const agencyId = id as AgencyId;
		const name = agencyDocName({ planId, agencyId });
		const doc = nameDoc(loadDoc(name), name);
		for (const card of readCards(doc)) cards.push({ ...card, agencyId });
		for (const c of readContributions(doc)) contributions.push({ ...c, agencyId });
	}
	return {
		planId,
		meta: readPlanMeta(planDoc),
		sections: readSections(planDoc),
		tasks: readTasks(planDoc),
		agencies,
		milestones: readMilestones(planDoc),
		rounds: readRounds(planDoc),
		assignments: readAssignments(planDoc),
		cards,
		contributions
	};
}

import {
	importPlanFile,
	PlanImportError,
	toPlanJson,
	type ParsedPlan,
	type PlanWarning
} from '@planboard/plan-import';
import type { Store } from '@planboard/store';
import { createBoard } from './create.js';
import { boardDirectory } from './directory.js';
import { newPlanId } from './ids.js';
import {
	agencyMentions,
	applyAgencyMappings,
	type AgencyMappings,
	type AgencyMention
} from './mentions.js';
import { previewSections, type PreviewSection } from './preview.js';
import { buildSeed, planYear } from './seed.js';

/** The answer of `POST /api/plans` and `planboard board create --json` (stable contract). */
export interface BoardImportSummary {
	/** The new board's id; on a dry run, the id it would get now. */
	id: string;
	title: string;
	/** The plan's tasks (section-III duties not counted). */
	tasks: number;
	/** Agencies with a lane of their own on the board. */
	agencies: number;
	warnings: PlanWarning[];
}

export interface BoardImport {
	summary: BoardImportSummary;
	/** The plan as imported, with the mappings applied. */
	plan: ParsedPlan;
	/** True when the board now exists; false on a dry run. */
	created: boolean;
}

/**
 * A plan file (text, DOCX, PDF) to a new board, or with `dryRun` to the answer it would give
 * without storing anything. Throws `PlanImportError` for a file that is not a plan (including a
 * plan in which no task was found: never an empty board) and `AgencyMappingError` for a mapping
 * that cannot apply; in both cases nothing was written.
 */
export async function importBoard(options: {
	store: Store;
	bytes: Uint8Array;
	/** The file name; it decides the format when the bytes do not, and names the file in errors. */
	source?: string;
	mappings?: AgencyMappings;
	dryRun?: boolean;
}): Promise<BoardImport> {
	const { store } = options;
	const directory = boardDirectory(store);
	const imported = await importPlanFile(options.bytes, { directory, source: options.source });
	const plan = options.mappings
		? applyAgencyMappings({ plan: imported, directory, mappings: options.mappings })
		: imported;
	if (plan.tasks.length === 0 && plan.duties.length === 0) {
		throw new PlanImportError('no task found: not a plan with numbered tasks', {
			source: options.source
		});
	}
	const year = planYear(plan);
	const id = newPlanId({ store, title: plan.title, year });
	const summary = (agencies: number): BoardImportSummary => ({
		id,
		title: plan.title,
		tasks: plan.tasks.length,
		agencies,
		warnings: plan.warnings.map(({ line, message }) => ({ line, message }))
	});
	if (options.dryRun) {
		const { documentAgencies } = buildSeed({ plan, planId: id, directory });
		return { summary: summary(documentAgencies.length), plan, created: false };
	}
	const made = createBoard({ store, plan, planId: id, directory });
	return { summary: summary(made.agencies), plan, created: true };
}

/** What a person checks before creating the board: the dry run's answer with the plan in full. */
export interface BoardPreview extends BoardImportSummary {
	/** The `planboard import --json` contract. */
	plan: object;
	sections: PreviewSection[];
	mentions: AgencyMention[];
}

/** The dry-run answer: the summary, the plan JSON, tasks per section and every agency mention. */
export function boardPreview(options: { store: Store; result: BoardImport }): BoardPreview {
	const { store, result } = options;
	return {
		...result.summary,
		plan: toPlanJson(result.plan),
		sections: previewSections(result.plan),
		mentions: agencyMentions({ plan: result.plan, directory: boardDirectory(store) })
	};
}

import {
	importPlanFile,
	PlanImportError,
	toPlanJson,
	type AgencyDirectory,
	type DirectoryAgency,
	type ParsedPlan,
	type PlanWarning
} from '@planboard/plan-import';
import { DirectoryError, type Store } from '@planboard/store';
import { createBoard } from './create.js';
import { boardDirectory } from './directory.js';
import { newPlanId } from './ids.js';
import {
	AgencyMappingError,
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
	const { store, source } = options;
	const directory = boardDirectory(store);
	const imported = await importPlanFile(options.bytes, { directory, source });
	const prepare = (dir: AgencyDirectory, mappings: AgencyMappings) => {
		const plan = applyAgencyMappings({ plan: imported, directory: dir, mappings });
		if (plan.tasks.length === 0 && plan.duties.length === 0)
			throw new PlanImportError('no task found: not a plan with numbered tasks', { source });
		const id = newPlanId({ store, title: plan.title, year: planYear(plan) });
		const summary = (agencies: number): BoardImportSummary => ({
			id,
			title: plan.title,
			tasks: plan.tasks.length,
			agencies,
			warnings: plan.warnings.map(({ line, message }) => ({ line, message }))
		});
		return { plan, id, summary };
	};
	if (options.dryRun) {
		const { plan, id, summary } = prepare(directory, options.mappings ?? {});
		const { documentAgencies } = buildSeed({ plan, planId: id, directory });
		return { summary: summary(documentAgencies.length), plan, created: false };
	}
	// New agencies join the installation's directory in the same transaction as the board: a
	// failure leaves neither.
	return store.transaction(() => {
		const resolved = addNewAgencies({ store, directory, mappings: options.mappings ?? {} });
		const { plan, id, summary } = prepare(resolved.directory, resolved.mappings);
		const made = createBoard({ store, plan, planId: id, directory: resolved.directory });
		return { summary: summary(made.agencies), plan, created: true };
	});
}

/**
 * Adds each `{ newAgency }` of the mappings to the store's directory (once per name) and turns
 * the mapping into `{ agencyId }` of the added agency, so officers can be assigned to it.
 */
function addNewAgencies(options: {
	store: Store;
	directory: AgencyDirectory;
	mappings: AgencyMappings;
}): { directory: AgencyDirectory; mappings: AgencyMappings } {
	const { store } = options;
	const added = new Map<string, DirectoryAgency>();
	const mappings: AgencyMappings = {};
	for (const [text, mapping] of Object.entries(options.mappings)) {
		if (!('newAgency' in mapping)) {
			mappings[text] = mapping;
			continue;
		}
		const name = mapping.newAgency.replace(/\s+/g, ' ').trim();
		let agency = added.get(name);
		if (!agency) {
			try {
				agency = store.agencies.add({ name });
			} catch (e) {
				if (e instanceof DirectoryError) throw new AgencyMappingError(`"${text}": ${e.message}`);
				throw e;
			}
			added.set(name, agency);
		}
		mappings[text] = { agencyId: agency.id };
	}
	if (added.size === 0) return { directory: options.directory, mappings };
	const directory = {
		...options.directory,
		agencies: [...options.directory.agencies, ...added.values()]
	};
	return { directory, mappings };
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

import type {
	AgencyDirectory,
	AgencyRef,
	DirectoryAgency,
	ParsedPlan,
	PlanWarning
} from './types.js';

/**
 * Warnings for agencies a plan names although they had ended before the plan's date (a merger,
 * the end of the district level on 2025-07-01), each naming who took over. Pure: the importer
 * matches names against the whole directory, retired agencies included, so an old name still
 * resolves; this says that the resolved agency no longer exists and who to assign instead.
 * A plan without a date uses 1 January of its year; a plan with neither gets no warning.
 */
export function validityWarnings(plan: ParsedPlan, directory: AgencyDirectory): PlanWarning[] {
	const planDate = plan.date ?? (plan.year === null ? null : `${plan.year}-01-01`);
	if (planDate === null) return [];
	const byId = new Map(directory.agencies.map((a) => [a.id, a]));
	const warnings: PlanWarning[] = [];
	const seen = new Set<string>();
	const check = (refs: readonly AgencyRef[], line: number) => {
		for (const ref of refs) {
			const agency = ref.agencyId === null ? undefined : byId.get(ref.agencyId);
			if (!agency?.validTo || agency.validTo >= planDate) continue;
			const key = `${line} ${agency.id}`;
			if (seen.has(key)) continue;
			seen.add(key);
			warnings.push({ line, message: message(agency, planDate, byId) });
		}
	};
	for (const task of plan.tasks) check([...task.leadRefs, ...task.coordinatingRefs], task.line);
	for (const duty of plan.duties) check(duty.agencyRefs, duty.line);
	return warnings.sort((a, b) => a.line - b.line);
}

function message(
	agency: DirectoryAgency,
	planDate: string,
	byId: ReadonlyMap<string, DirectoryAgency>
): string {
	const successors = currentSuccessors(agency, planDate, byId);
	const head = `"${agency.name}" ended on ${agency.validTo}, before the plan's date ${planDate}`;
	if (successors.length === 0) return `${head}; the directory names no successor`;
	return `${head}; its successor: ${successors.map((s) => `"${s.name}" (${s.id})`).join(', ')}`;
}

/**
 * The successors that still existed on the plan's date: a successor that itself ended before
 * then is replaced by its own successors (Sở A merged into B, B later into C names C).
 */
function currentSuccessors(
	agency: DirectoryAgency,
	planDate: string,
	byId: ReadonlyMap<string, DirectoryAgency>
): DirectoryAgency[] {
	const found: DirectoryAgency[] = [];
	const visited = new Set<string>([agency.id]);
	const walk = (from: DirectoryAgency) => {
		for (const id of from.successorIds ?? []) {
			const next = byId.get(id);
			if (!next || visited.has(id)) continue;
			visited.add(id);
			if (next.validTo && next.validTo < planDate && (next.successorIds ?? []).length > 0)
				walk(next);
			else found.push(next);
		}
	};
	walk(agency);
	return found;
}

/**
 * The plan with `validityWarnings` added in line order. The parser's own date check says only
 * that the agency "did not exist on" the plan's date; for an agency that had ended, the warning
 * naming its successor replaces that one (same line, same agency), so nothing is said twice.
 */
export function withValidityWarnings(plan: ParsedPlan, directory: AgencyDirectory): ParsedPlan {
	const added = validityWarnings(plan, directory);
	if (added.length === 0) return plan;
	const superseded = new Set(added.map((w) => `${w.line} ${w.message.split('" ended on ')[0]}"`));
	const kept = plan.warnings.filter(
		(w) => !superseded.has(`${w.line} ${w.message.split(' did not exist on ')[0]}`)
	);
	const warnings = [...kept, ...added].sort((a, b) => a.line - b.line);
	return { ...plan, warnings };
}

export type {
	AgencyDirectory,
	AgencyKind,
	AgencyRef,
	DirectoryAgency,
	DirectoryGroup,
	ParsedPlan,
	ParseOptions,
	PlanDuty,
	PlanMilestone,
	PlanSection,
	PlanTask,
	PlanWarning
} from './types.js';
export { AGENCY_KINDS } from './types.js';
export { PlanImportError } from './errors.js';
export { parsePlan } from './parse.js';
export { parsePlanBytes } from './bytes.js';
export {
	detectPlanFormat,
	importPlanFile,
	planFileLines,
	type PlanFileFormat
} from './file.js';
export { matchAgency } from './agencies.js';
export { loadGiaLaiDirectory } from './directory.js';
export { validityWarnings, withValidityWarnings } from './validity.js';
export { foldVietnamese } from './fold.js';
export { parseDue } from './dates.js';
export { splitAgencies } from './agency-list.js';
export { toPlanJson } from './json.js';

import { splitAgencies } from './agency-list.js';
import { displayName, matchAgency } from './agencies.js';
import { buildBlocks } from './blocks.js';
import { collectDuties, findDutiesSection } from './duties.js';
import { PlanImportError } from './errors.js';
import { parseHeader } from './header.js';
import { findMilestones } from './milestones.js';
import { cleanLines } from './normalize.js';
import { buildOutline } from './outline.js';
import { collectTasks, taskSections } from './tasks.js';
import type { AgencyRef, ParsedPlan, ParseOptions, PlanMilestone, PlanWarning } from './types.js';

/**
 * Parses plan text (PDF or Word extraction) into its structure. Never drops an agency: names
 * the directory does not know are kept as written and reported in `warnings`.
 * @throws PlanImportError when the text is empty or has no plan structure.
 */
export function parsePlan(text: string, options: ParseOptions = {}): ParsedPlan {
	const { directory, source } = options;
	const lines = cleanLines(text);
	if (lines.length === 0) throw new PlanImportError('empty: no text in the input', { source });
	const blocks = buildBlocks(lines);
	const { preamble, sections } = buildOutline(blocks);
	if (sections.length === 0) {
		throw new PlanImportError(
			'no plan structure found: no sections ("I.", "II.") or numbered items',
			{
				line: lines[0].line,
				source
			}
		);
	}
	const header = parseHeader(lines, preamble);
	const warnings: PlanWarning[] = [];
	const warn = (line: number, message: string) => warnings.push({ line, message });
	const checkDirectory = directory !== undefined && directory.agencies.length > 0;
	const asOf = header.date ?? (header.year === null ? null : `${header.year}-01-01`);

	const resolve = (listText: string, line: number): AgencyRef[] =>
		splitAgencies(listText).map((mention) => {
			const ref = directory
				? matchAgency(directory, mention)
				: { text: mention, agencyId: null, groupId: null, memberIds: [] };
			if (checkDirectory && ref.agencyId === null && ref.groupId === null) {
				warn(line, `Unknown agency "${mention}" (kept as written)`);
			}
			const agency = directory?.agencies.find((a) => a.id === ref.agencyId);
			if (
				agency &&
				asOf !== null &&
				((agency.validTo ?? '9999') < asOf || (agency.validFrom ?? '') > asOf)
			) {
				warn(
					line,
					`"${agency.name}" did not exist on ${asOf} (valid ${agency.validFrom ?? '…'} to ${agency.validTo ?? '…'})`
				);
			}
			return ref;
		});
	const names = (refs: AgencyRef[]) => [...new Set(refs.map((r) => displayName(directory, r)))];

	const dutiesSection = findDutiesSection(sections);
	const tasks = collectTasks(taskSections(sections, dutiesSection), header.year, resolve, names);
	for (const t of tasks)
		if (t.lead.length === 0) warn(t.line, `Task ${t.number} has no lead agency`);
	const duties = dutiesSection ? collectDuties(dutiesSection, resolve, names, warn) : [];
	if (tasks.length === 0 && duties.length === 0) {
		throw new PlanImportError(
			'no plan structure found: no tasks with lead or coordinating agencies and no "TỔ CHỨC THỰC HIỆN" section',
			{ line: sections[0].line, source }
		);
	}
	if (header.title === '') warn(lines[0].line, 'No title found ("KẾ HOẠCH" line)');

	const seen = new Set<string>();
	const milestones: PlanMilestone[] = [];
	for (const m of findMilestones(blocks)) {
		const key = `${m.date} ${m.text}`;
		if (!seen.has(key)) milestones.push(m);
		seen.add(key);
	}
	return {
		...header,
		sections: sections
			.filter((s) => s.number !== '')
			.map((s) => ({ number: s.number, title: s.title })),
		tasks,
		duties,
		milestones,
		warnings: warnings.sort((a, b) => a.line - b.line)
	};
}

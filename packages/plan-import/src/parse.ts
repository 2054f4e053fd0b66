import { splitAgencies } from './agency-list.js';
import { displayName, matchAgency } from './agencies.js';
import { buildBlocks } from './blocks.js';
import { untaskedSections } from './coverage.js';
import { collectDuties, findDutiesSection } from './duties.js';
import { PlanImportError } from './errors.js';
import { parseHeader } from './header.js';
import { findMilestones } from './milestones.js';
import { cleanLines, type SourceLine } from './normalize.js';
import { buildOutline, type OutlineSection } from './outline.js';
import { extractTables, isAppendixCaption, type TaskTable } from './table.js';
import { collectTasks, tableTasks, taskSections } from './tasks.js';
import type {
	AgencyRef,
	ParsedPlan,
	ParseOptions,
	PlanMilestone,
	PlanSection,
	PlanTask,
	PlanWarning
} from './types.js';

/**
 * Parses plan text (PDF or Word extraction) into its structure. Never drops an agency: names
 * the directory does not know are kept as written and reported in `warnings`.
 * @throws PlanImportError when the text is empty, has no plan structure or no task at all.
 */
export function parsePlan(text: string, options: ParseOptions = {}): ParsedPlan {
	const { directory, source } = options;
	const lines = cleanLines(text);
	if (lines.length === 0) throw new PlanImportError('empty: no text in the input', { source });
	const { rest, tables } = extractTables(lines);
	const blocks = buildBlocks(rest);
	const { preamble, sections, end } = buildOutline(blocks);
	if (sections.length === 0 && tables.length === 0) {
		throw new PlanImportError(
			'no plan structure found: no sections ("I.", "II."), numbered items or task table',
			{ line: lines[0].line, source }
		);
	}
	const header = parseHeader(rest, preamble);
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
	const placed = tables.map((table) => placeTable(table, sections, end));
	const withTasks = new Set<OutlineSection>();
	const tableRows = placed.some((p) => p.table.rows.some((r) => r.kind === 'task'));
	const outlined = taskSections(sections, dutiesSection, tableRows);
	const tasks: PlanTask[] = collectTasks(outlined, header.year, resolve, names);
	outlined.forEach((s) => withTasks.add(s));
	const taken = new Set(tasks.map((t) => t.number));
	const appendices: PlanSection[] = [];
	for (const { table, section, appendix } of placed) {
		const found = tableTasks(table, {
			section: appendix?.number ?? section?.number ?? '',
			prefix: appendix ? `${appendix.number}.` : '',
			year: header.year,
			taken,
			resolve,
			names
		});
		tasks.push(...found);
		if (found.length > 0 && section) withTasks.add(section);
		if (found.length > 0 && appendix && !appendices.some((a) => a.number === appendix.number))
			appendices.push(appendix);
	}
	tasks.sort((a, b) => a.line - b.line);
	for (const t of tasks)
		if (t.lead.length === 0) warn(t.line, `Task ${t.number} has no lead agency`);
	for (const at of unreadAppendices(rest, end, tables))
		warn(
			at.line,
			`Appendix "${at.text}" not read: no task table (TT, Nội dung, Chủ trì columns) in it`
		);
	if (dutiesSection) withTasks.add(dutiesSection);
	for (const w of untaskedSections(sections, withTasks)) warn(w.line, w.message);
	const duties = dutiesSection ? collectDuties(dutiesSection, resolve, names, warn) : [];
	if (tasks.length === 0) {
		throw new PlanImportError(
			'no tasks found: no numbered item names a lead agency ("Chủ trì: ...", "... chủ trì ..."), and no task table',
			{ line: sections[0]?.line ?? tables[0]?.line ?? lines[0].line, source }
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
		sections: [
			...sections.filter((s) => s.number !== '').map((s) => ({ number: s.number, title: s.title })),
			...appendices
		],
		tasks,
		duties,
		milestones,
		warnings: warnings.sort((a, b) => a.line - b.line)
	};
}

/**
 * Where a table stands: in the body section above it, or in an appendix ("PHỤ LỤC" caption, or
 * anywhere after the closing part), which belongs to the plan as section "PL" ("PL.II").
 */
function placeTable(table: TaskTable, sections: OutlineSection[], end: number | null) {
	const isAppendix = table.appendix !== null || (end !== null && table.line > end);
	if (isAppendix) {
		const numeral = table.appendix?.numeral ?? '';
		const number = numeral === '' ? 'PL' : `PL.${numeral}`;
		const title = table.appendix?.title ?? 'PHỤ LỤC';
		return { table, section: null, appendix: { number, title } };
	}
	const section = sections.findLast((s) => s.line < table.line) ?? null;
	return { table, section, appendix: null };
}

/** "PHỤ LỤC" captions after the closing part with no task table below them before the next. */
function unreadAppendices(
	rest: SourceLine[],
	end: number | null,
	tables: TaskTable[]
): SourceLine[] {
	if (end === null) return [];
	const captions = rest.filter((l) => l.line > end && isAppendixCaption(l.text));
	return captions.filter((c, i) => {
		const next = captions[i + 1]?.line ?? Infinity;
		return !tables.some((t) => t.line > c.line && t.line < next);
	});
}

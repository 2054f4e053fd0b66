import { parseDue } from './dates.js';
import { carriesFields, fullText, itemFacts, splitTitle } from './items.js';
import type { OutlineItem, OutlineSection } from './outline.js';
import { subItems } from './paragraphs.js';
import type { TaskTable } from './table.js';
import type { AgencyRef, PlanTask } from './types.js';

/** Turns agency-list text into resolved mentions; the caller owns directory lookups. */
export type Resolve = (text: string, line: number) => AgencyRef[];

interface Inherited {
	lead: string[];
	coordinating: string[];
	timeframe: string[];
}

const tidy = (parts: string[]) => parts.join(' ').replace(/\s+/g, ' ').trim();

/**
 * Leaf items of the sections whose items carry lead/coordinating fields. A heading whose
 * children carry fields is not a task; its own fields pass down to children that lack them.
 * An item with fields whose children carry none is one task, the children folded into content.
 */
export function collectTasks(
	sections: OutlineSection[],
	year: number | null,
	resolve: Resolve,
	names: (refs: AgencyRef[]) => string[]
): PlanTask[] {
	const tasks: PlanTask[] = [];
	const visit = (section: OutlineSection, item: OutlineItem, up: Inherited) => {
		const f = itemFacts(item);
		const own: Inherited = {
			lead: f.lead.length > 0 ? f.lead : up.lead,
			coordinating: f.coordinating.length > 0 ? f.coordinating : up.coordinating,
			timeframe: f.timeframe.length > 0 ? f.timeframe : up.timeframe
		};
		const children = subItems(item);
		if (children.some(carriesFields)) {
			for (const child of children) visit(section, child, own);
			return;
		}
		const timeframe = own.timeframe.length > 0 ? tidy([own.timeframe.join('; ')]) : null;
		const leadRefs = own.lead.flatMap((t) => resolve(t, item.line));
		const coordinatingRefs = own.coordinating.flatMap((t) => resolve(t, item.line));
		tasks.push({
			number: item.number,
			title: tidy([f.title]).replace(/[\s.;:,]+$/u, ''),
			content: tidy([...f.content, ...item.children.flatMap(fullText)]),
			lead: names(leadRefs),
			coordinating: names(coordinatingRefs),
			timeframe,
			due: timeframe === null ? null : parseDue(timeframe, year),
			line: item.line,
			product: null,
			leadRefs,
			coordinatingRefs,
			section: section.number
		});
	};
	for (const section of sections) {
		for (const item of subItems(section))
			visit(section, item, { lead: [], coordinating: [], timeframe: [] });
	}
	return tasks;
}

/**
 * Sections holding tasks: every non-duties section with an item that names agencies. Only a
 * plan with no task elsewhere (no such section, no task table) has its tasks in the duties.
 */
export function taskSections(
	sections: OutlineSection[],
	duties: OutlineSection | null,
	tasksElsewhere: boolean
): OutlineSection[] {
	const carrying = sections.filter((s) => subItems(s).some(carriesFields));
	const others = carrying.filter((s) => s !== duties);
	return others.length > 0 || tasksElsewhere ? others : carrying;
}

/**
 * The task rows of a table: each keeps its TT as its number, behind `prefix` ("PL."). A TT
 * already taken (numbering restarted in each group) is qualified by its group ("II.1").
 */
export function tableTasks(
	table: TaskTable,
	options: {
		section: string;
		prefix: string;
		year: number | null;
		taken: Set<string>;
		resolve: Resolve;
		names: (refs: AgencyRef[]) => string[];
	}
): PlanTask[] {
	const { section, prefix, year, taken, resolve, names } = options;
	const tasks: PlanTask[] = [];
	let ordinal = 0;
	for (const row of table.rows) {
		if (row.kind !== 'task') continue;
		ordinal++;
		let number = `${prefix}${row.number || String(ordinal)}`;
		if (taken.has(number) && row.group !== '' && row.number !== '')
			number = `${prefix}${row.group}.${row.number}`;
		for (let k = 2; taken.has(number); k++) number = `${prefix}${row.number || ordinal}-${k}`;
		taken.add(number);
		const { title, rest } = splitTitle(tidy([row.title]));
		const timeframe = row.timeframe === '' ? null : tidy([row.timeframe]);
		const leadRefs = row.lead === '' ? [] : resolve(row.lead, row.line);
		const coordinatingRefs = row.coordinating === '' ? [] : resolve(row.coordinating, row.line);
		tasks.push({
			number,
			title: title.replace(/[\s.;:,]+$/u, ''),
			content: rest,
			lead: names(leadRefs),
			coordinating: names(coordinatingRefs),
			timeframe,
			due: timeframe === null ? null : parseDue(timeframe, year),
			line: row.line,
			product: row.product === '' ? null : tidy([row.product]),
			leadRefs,
			coordinatingRefs,
			section
		});
	}
	return tasks;
}

import { parseDue } from './dates.js';
import { carriesFields, fullText, itemFacts } from './items.js';
import type { OutlineItem, OutlineSection } from './outline.js';
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
		const childrenCarry = item.children.some(carriesFields);
		if (childrenCarry) {
			for (const child of item.children) visit(section, child, own);
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
			leadRefs,
			coordinatingRefs,
			section: section.number
		});
	};
	for (const section of sections) {
		for (const item of section.items)
			visit(section, item, { lead: [], coordinating: [], timeframe: [] });
	}
	return tasks;
}

/** Sections holding tasks: every non-duties section with an item that names agencies. */
export function taskSections(
	sections: OutlineSection[],
	duties: OutlineSection | null
): OutlineSection[] {
	const carrying = sections.filter((s) => s.items.some(carriesFields));
	const others = carrying.filter((s) => s !== duties);
	return others.length > 0 ? others : carrying;
}

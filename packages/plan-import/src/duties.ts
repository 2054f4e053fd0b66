import { looksLikeAgency, stripRequest } from './agency-list.js';
import { foldVietnamese } from './fold.js';
import { readAssignments } from './prose.js';
import type { OutlineItem, OutlineSection } from './outline.js';
import type { Resolve } from './tasks.js';
import type { AgencyRef, PlanDuty } from './types.js';

const DUTIES_TITLE = /to chuc thuc hien|trach nhiem thuc hien|phan cong (?:nhiem vu|thuc hien)/;

/** The "TỔ CHỨC THỰC HIỆN" section, whatever its numeral; the last one if several match. */
export function findDutiesSection(sections: OutlineSection[]): OutlineSection | null {
	return sections.findLast((s) => DUTIES_TITLE.test(foldVietnamese(s.title))) ?? null;
}

function itemLines(item: OutlineItem): string[] {
	const own = item.body.map((b) => b.text);
	const children = item.children.map((c) => [c.heading, ...itemLines(c)].join(' '));
	return [...own, ...children].map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s !== '');
}

/**
 * One entry per numbered item naming agencies. An item whose children are headed by agencies
 * ("1. Các sở, ngành" with "a) Sở Tài chính" ...) is a container: its children are the entries.
 */
export function collectDuties(
	section: OutlineSection,
	resolve: Resolve,
	names: (refs: AgencyRef[]) => string[],
	warn: (line: number, message: string) => void
): PlanDuty[] {
	const duties: PlanDuty[] = [];
	const visit = (item: OutlineItem) => {
		if (item.children.some((c) => looksLikeAgency(c.heading))) {
			item.children.forEach(visit);
			return;
		}
		let heading = stripRequest(item.heading.trim());
		const items = itemLines(item);
		const colon = heading.indexOf(':');
		// "1. Sở X chủ trì, phối hợp với Y theo dõi ...": the sentence is the duty, X its agency.
		const [assignment] = readAssignments(item.heading);
		if (assignment && /^(?:\S+\s+){0,2}$/u.test(item.heading.slice(0, assignment.start))) {
			items.unshift(item.heading.trim());
			heading = assignment.lead;
		} else if (colon > 0) {
			const rest = heading.slice(colon + 1).trim();
			if (rest !== '') items.unshift(rest);
			heading = heading.slice(0, colon);
		}
		const agencyRefs = looksLikeAgency(heading) ? resolve(heading, item.line) : [];
		if (agencyRefs.length === 0) {
			warn(item.line, `Duty ${item.number} names no agency: "${heading}"`);
			items.unshift(heading);
		}
		duties.push({
			number: item.number,
			agencies: names(agencyRefs),
			items,
			agencyRefs,
			line: item.line
		});
	};
	section.items.forEach(visit);
	return duties;
}

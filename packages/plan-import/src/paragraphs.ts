import { holdsNoTasks } from './coverage.js';
import { extractFields } from './fields.js';
import type { OutlineItem, OutlineSection } from './outline.js';
import { readAssignments } from './prose.js';

const memo = new WeakMap<OutlineItem | OutlineSection, OutlineItem[]>();

const labelsAgency = (text: string) =>
	extractFields(text).fields.some((f) => f.kind === 'lead' || f.kind === 'coordinating');

/** One item per paragraph or bullet that assigns work in a sentence, numbered below `owner`. */
function paragraphItems(owner: OutlineItem | OutlineSection): OutlineItem[] {
	const base = 'path' in owner ? owner.path : [];
	return owner.body
		.filter((b) => readAssignments(b.text).length > 0)
		.map((b, k) => ({
			number: [owner.number, String(k + 1)].filter((p) => p !== '').join('.'),
			path: [...base, String(k + 1)],
			heading: b.text,
			line: b.line,
			body: [],
			children: []
		}));
}

/**
 * The items below a section or an item: its numbered items, or where it has none, its
 * paragraphs and bullets that assign work ("- Sở X chủ trì, phối hợp với ..."), so that such
 * tasks are not lost. A section that holds no tasks by its title ("KINH PHÍ") gets none, and an
 * item splits only into two or more assignments, not labelled fields ("Chủ trì: ...").
 */
export function subItems(owner: OutlineItem | OutlineSection): OutlineItem[] {
	const own = 'items' in owner ? owner.items : owner.children;
	if (own.length > 0) return own;
	let found = memo.get(owner);
	if (found) return found;
	if ('items' in owner) found = holdsNoTasks(owner.title) ? [] : paragraphItems(owner);
	else {
		const labelled = [owner.heading, ...owner.body.map((b) => b.text)].some(labelsAgency);
		const split =
			labelled || readAssignments(owner.heading).length > 0 ? [] : paragraphItems(owner);
		found = split.length >= 2 ? split : [];
	}
	memo.set(owner, found);
	return found;
}

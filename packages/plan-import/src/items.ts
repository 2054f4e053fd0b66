import { extractFields } from './fields.js';
import type { OutlineItem } from './outline.js';

/** What one item says: its own title and text, and the fields it carries itself. */
export interface ItemFacts {
	title: string;
	content: string[];
	lead: string[];
	coordinating: string[];
	timeframe: string[];
}

const FIRST_SENTENCE = /(?<=[\p{Ll}\d)”"])[.!?]\s+(?=\p{Lu})/u;

const facts = new WeakMap<OutlineItem, ItemFacts>();

/** Reads title, content and fields from an item's heading and body (memoized per item). */
export function itemFacts(item: OutlineItem): ItemFacts {
	const cached = facts.get(item);
	if (cached) return cached;
	const f: ItemFacts = { title: '', content: [], lead: [], coordinating: [], timeframe: [] };
	const add = (text: string, isHeading: boolean) => {
		const { before, fields } = extractFields(text);
		if (isHeading) {
			const cut = FIRST_SENTENCE.exec(before);
			f.title = cut ? before.slice(0, cut.index) : before;
			if (cut) f.content.push(before.slice(cut.index + cut[0].length));
		} else if (before !== '') f.content.push(before);
		for (const { kind, value } of fields) {
			if (value === '') continue;
			if (kind === 'content') f.content.push(value);
			else f[kind].push(value);
		}
	};
	add(item.heading, true);
	for (const b of item.body) add(b.text, false);
	facts.set(item, f);
	return f;
}

/** Whether an item or any item below it names a lead or coordinating agency. */
export function carriesFields(item: OutlineItem): boolean {
	const f = itemFacts(item);
	return f.lead.length > 0 || f.coordinating.length > 0 || item.children.some(carriesFields);
}

/** The item's own text with everything below it, for content that folds children in. */
export function fullText(item: OutlineItem): string[] {
	const f = itemFacts(item);
	const own = [f.title, ...f.content].filter((s) => s !== '').join(' ');
	return [own, ...item.children.flatMap(fullText)].filter((s) => s !== '');
}

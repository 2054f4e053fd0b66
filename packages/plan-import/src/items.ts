import { extractFields } from './fields.js';
import type { OutlineItem } from './outline.js';
import { subItems } from './paragraphs.js';
import { findTimeframes, readAssignments } from './prose.js';

/** What one item says: its own title and text, and the fields it carries itself. */
export interface ItemFacts {
	title: string;
	content: string[];
	lead: string[];
	coordinating: string[];
	timeframe: string[];
}

const FIRST_SENTENCE = /(?<=[\p{Ll}\d)”"])[.!?]\s+(?=\p{Lu})/u;

/** A task's title is its first sentence; the rest is content. */
export function splitTitle(text: string): { title: string; rest: string } {
	const cut = FIRST_SENTENCE.exec(text);
	return cut
		? { title: text.slice(0, cut.index), rest: text.slice(cut.index + cut[0].length) }
		: { title: text, rest: '' };
}

const facts = new WeakMap<OutlineItem, ItemFacts>();

/**
 * Where no field is labelled, the item's sentences may assign it: "Sở X chủ trì, phối hợp với
 * Y ...; hoàn thành trong tháng 6/2026". A heading that is itself the assignment gets the
 * action as its title ("Xây dựng kế hoạch ..."), the whole sentence staying in the content.
 */
function readProse(item: OutlineItem, f: ItemFacts): void {
	const texts = [item.heading, ...item.body.map((b) => b.text)];
	if (f.lead.length === 0 && f.coordinating.length === 0) {
		texts.forEach((text, i) => {
			for (const a of readAssignments(text)) {
				f.lead.push(a.lead);
				if (a.coordinating !== '') f.coordinating.push(a.coordinating);
				const opensHeading = i === 0 && !/[.;:!?]/u.test(text.slice(0, a.start));
				if (opensHeading && a.action !== '' && f.lead.length === 1) {
					const own = findTimeframes(a.action)[0];
					const action = own ? a.action.slice(0, own.index) : a.action;
					const title = action.replace(/[\s,;]+$/u, '');
					if (title !== '') {
						f.content.unshift(f.title);
						f.title = title.charAt(0).toUpperCase() + title.slice(1);
					}
				}
			}
		});
	}
	if (f.timeframe.length === 0 && f.lead.length > 0)
		for (const text of texts) f.timeframe.push(...findTimeframes(text).map((t) => t.text));
}

/**
 * Reads title, content and fields from an item's heading and body (memoized per item): the
 * labelled fields first, then prose assignments and timeframes for what no label gave.
 */
export function itemFacts(item: OutlineItem): ItemFacts {
	const cached = facts.get(item);
	if (cached) return cached;
	const f: ItemFacts = { title: '', content: [], lead: [], coordinating: [], timeframe: [] };
	const add = (text: string, isHeading: boolean) => {
		const { before, fields } = extractFields(text);
		if (isHeading) {
			const { title, rest } = splitTitle(before);
			f.title = title;
			if (rest !== '') f.content.push(rest);
		} else if (before !== '') f.content.push(before);
		for (const { kind, value } of fields) {
			if (value === '') continue;
			if (kind === 'content') f.content.push(value);
			else f[kind].push(value);
		}
	};
	add(item.heading, true);
	for (const b of item.body) add(b.text, false);
	readProse(item, f);
	facts.set(item, f);
	return f;
}

/** Whether an item or any item below it names a lead or coordinating agency. */
export function carriesFields(item: OutlineItem): boolean {
	const f = itemFacts(item);
	return f.lead.length > 0 || f.coordinating.length > 0 || subItems(item).some(carriesFields);
}

/** The item's own text with everything below it, for content that folds children in. */
export function fullText(item: OutlineItem): string[] {
	const f = itemFacts(item);
	const own = [f.title, ...f.content].filter((s) => s !== '').join(' ');
	return [own, ...item.children.flatMap(fullText)].filter((s) => s !== '');
}

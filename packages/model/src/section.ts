import * as Y from 'yjs';
import { isRecord, reportMalformed, typeOf } from './malformed.js';
import { ROOT } from './meta.js';
import { compareOrdered } from './order.js';

/** A heading of the plan (e.g. 'II.6'), grouping tasks. */
export interface Section {
	id: string;
	/** Numbering as printed in the plan, e.g. 'II', 'II.6'. */
	number: string;
	title: string;
	/** Enclosing section, or null for a top-level one. */
	parentId: string | null;
}

export type SectionInput = Omit<Section, 'parentId'> & { parentId?: string | null };

/**
 * Each section is a Y.Map (since schema version 2; a plain object before), so a rename and a
 * concurrent move of the same section both win: each writes its own key.
 */
export function sectionsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>(ROOT.sections);
}

/** A section's fields as a Y.Map, for writing. */
export function newSectionMap(section: SectionInput, order: string): Y.Map<unknown> {
	const m = new Y.Map<unknown>();
	m.set('id', section.id);
	m.set('number', section.number);
	m.set('title', section.title);
	m.set('parentId', section.parentId ?? null);
	m.set('order', order);
	return m;
}

export function writeSection(doc: Y.Doc, section: SectionInput, order: string): void {
	sectionsMap(doc).set(section.id, newSectionMap(section, order));
}

/** The stored fields of a section entry in either layout, or null when it is not a section. */
export function sectionFields(s: unknown): Record<string, unknown> | null {
	if (s instanceof Y.Map) return s.toJSON() as Record<string, unknown>;
	return isRecord(s) ? s : null;
}

/** In plan order. */
export function readSections(doc: Y.Doc): Section[] {
	return sectionOrders(doc).map(({ id, number, title, parentId }) => ({
		id,
		number,
		title,
		parentId
	}));
}

/**
 * Sections in plan order with their order keys, for placing a section among its siblings. An
 * entry that is not a section is reported and skipped.
 */
export function sectionOrders(doc: Y.Doc): (Section & { order: string })[] {
	const out: (Section & { order: string })[] = [];
	for (const [key, raw] of sectionsMap(doc).entries() as IterableIterator<[string, unknown]>) {
		const s = sectionFields(raw);
		if (!s || typeof s.number !== 'string' || typeof s.title !== 'string') {
			reportMalformed(doc, `${ROOT.sections}/${key}`, `not a section: ${typeOf(raw)}`);
			continue;
		}
		out.push({
			id: key,
			number: s.number,
			title: s.title,
			parentId: typeof s.parentId === 'string' ? s.parentId : null,
			order: typeof s.order === 'string' ? s.order : ''
		});
	}
	return out.sort(compareOrdered);
}

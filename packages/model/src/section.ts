import * as Y from 'yjs';
import { isRecord, reportMalformed, typeOf } from './malformed.js';
import { ROOT } from './meta.js';
import { compareOrdered } from './order.js';

/** A heading of the plan (e.g. 'II.6'), grouping tasks. Created by the server only. */
export interface Section {
	id: string;
	/** Numbering as printed in the plan, e.g. 'II', 'II.6'. */
	number: string;
	title: string;
	/** Enclosing section, or null for a top-level one. */
	parentId: string | null;
}

export type SectionInput = Omit<Section, 'parentId'> & { parentId?: string | null };

/** Stored as plain values: sections are written whole, by one coordinator at a time. */
interface StoredSection extends Section {
	order: string;
}

export function sectionsMap(doc: Y.Doc): Y.Map<StoredSection> {
	return doc.getMap<StoredSection>(ROOT.sections);
}

export function writeSection(doc: Y.Doc, section: SectionInput, order: string): void {
	const { id, number, title } = section;
	sectionsMap(doc).set(id, { id, number, title, parentId: section.parentId ?? null, order });
}

/** In plan order. */
export function readSections(doc: Y.Doc): Section[] {
	const out: StoredSection[] = [];
	for (const [key, s] of sectionsMap(doc).entries() as IterableIterator<[string, unknown]>) {
		if (!isRecord(s) || typeof s.number !== 'string' || typeof s.title !== 'string') {
			reportMalformed(doc, `${ROOT.sections}/${key}`, `not a section: ${typeOf(s)}`);
			continue;
		}
		const { number, title, parentId, order } = s;
		out.push({
			id: key,
			number,
			title,
			parentId: typeof parentId === 'string' ? parentId : null,
			order: typeof order === 'string' ? order : ''
		});
	}
	return out
		.sort(compareOrdered)
		.map(({ id, number, title, parentId }) => ({ id, number, title, parentId }));
}

import * as Y from 'yjs';
import { newId } from './ids.js';
import { isRecord, reportMalformed, typeOf } from './malformed.js';
import { ROOT, assertKind } from './meta.js';
import { isIsoDate } from './timeliness.js';

/** A dated event of the plan: the reporting deadline, an anniversary to promote, a review. */
export interface Milestone {
	id: string;
	/** 'YYYY-MM-DD'. */
	date: string;
	text: string;
}

export function milestonesMap(doc: Y.Doc): Y.Map<Milestone> {
	return doc.getMap<Milestone>(ROOT.milestones);
}

export function checkMilestone(m: Milestone): void {
	if (!isIsoDate(m.date)) throw new RangeError(`Milestone date must be YYYY-MM-DD, got ${m.date}`);
}

/** By date, then id so that milestones on the same day have one order everywhere. */
export function readMilestones(doc: Y.Doc): Milestone[] {
	const out: Milestone[] = [];
	for (const [key, m] of milestonesMap(doc).entries() as IterableIterator<[string, unknown]>) {
		if (isRecord(m) && typeof m.date === 'string' && isIsoDate(m.date)) {
			out.push({ id: key, date: m.date, text: typeof m.text === 'string' ? m.text : '' });
		} else {
			reportMalformed(doc, `${ROOT.milestones}/${key}`, `not a dated milestone: ${typeOf(m)}`);
		}
	}
	return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
}

/** Coordinators only. Returns the new milestone's id. */
export function addMilestone(
	doc: Y.Doc,
	{ date, text, id = newId() }: { date: string; text: string; id?: string }
): string {
	assertKind(doc, 'plan');
	const m = { id, date, text };
	checkMilestone(m);
	doc.transact(() => milestonesMap(doc).set(id, m));
	return id;
}

/** Coordinators only. Removing an absent milestone is a no-op (it may be removed concurrently). */
export function removeMilestone(doc: Y.Doc, { id }: { id: string }): void {
	assertKind(doc, 'plan');
	doc.transact(() => milestonesMap(doc).delete(id));
}

import * as Y from 'yjs';
import { asTaskId, type TaskId } from './ids.js';
import { isInstant, isRecord, reportMalformed, typeOf } from './malformed.js';
import { ROOT, assertKind, type WriteContext } from './meta.js';
import { compareKeys } from './order.js';

/** What this agency contributed, as a coordinating agency, to another agency's task. */
export interface Contribution {
	taskId: TaskId;
	text: string;
	/** The agency considers its part done. */
	done: boolean;
	updatedAt: number | null;
	updatedBy: string | null;
}

interface StoredContribution {
	done: boolean;
	updatedAt: number | null;
	updatedBy: string | null;
}

export function contributionsMap(doc: Y.Doc): Y.Map<StoredContribution> {
	return doc.getMap<StoredContribution>(ROOT.contributions);
}

/**
 * The text lives in a root-level Y.Text named `contribution/<taskId>`, not inside the entry.
 * Entries are created lazily by clients; two officers opening the same new contribution would
 * each create a nested Y.Text and the merge would keep only one. Root types are identified by
 * name, so concurrent first edits always merge.
 */
export function contributionTextName(taskId: TaskId): string {
	return `contribution/${taskId}`;
}

function ensureEntry(doc: Y.Doc, taskId: TaskId, ctx: WriteContext): void {
	const map = contributionsMap(doc);
	if (!map.has(taskId))
		map.set(taskId, { done: false, updatedAt: ctx.at ?? null, updatedBy: ctx.by ?? null });
}

/** The contribution's text for an editor binding; creates the (empty) entry if missing. */
export function contributionText(doc: Y.Doc, taskId: TaskId): Y.Text {
	assertKind(doc, 'agency');
	asTaskId(taskId);
	doc.transact(() => ensureEntry(doc, taskId, {}));
	return doc.getText(contributionTextName(taskId));
}

export function setContributionDone(
	doc: Y.Doc,
	{ taskId, done, by, at }: WriteContext & { taskId: TaskId; done: boolean }
): void {
	assertKind(doc, 'agency');
	asTaskId(taskId);
	doc.transact(() => {
		contributionsMap(doc).set(taskId, { done, updatedAt: at ?? Date.now(), updatedBy: by ?? null });
	});
}

/** Sorted by taskId. */
export function readContributions(doc: Y.Doc): Contribution[] {
	const out: Contribution[] = [];
	for (const [id, c] of contributionsMap(doc).entries() as IterableIterator<[string, unknown]>) {
		if (!isRecord(c)) {
			reportMalformed(doc, `${ROOT.contributions}/${id}`, `not a contribution: ${typeOf(c)}`);
			continue;
		}
		out.push({
			taskId: id as TaskId,
			text: readContributionText(doc, id),
			done: c.done === true,
			updatedAt: isInstant(c.updatedAt) ? c.updatedAt : null,
			updatedBy: typeof c.updatedBy === 'string' ? c.updatedBy : null
		});
	}
	return out.sort((a, b) => compareKeys(a.taskId, b.taskId));
}

function readContributionText(doc: Y.Doc, id: string): string {
	const name = contributionTextName(id as TaskId);
	if (!doc.share.has(name)) return '';
	try {
		return doc.getText(name).toString();
	} catch (error) {
		// The root was already used as another type in this document (getText then throws).
		reportMalformed(doc, name, `not a Y.Text: ${String(error)}`);
		return '';
	}
}

/** Used by the server at init, for the tasks the agency coordinates. */
export function seedContribution(doc: Y.Doc, taskId: TaskId): void {
	ensureEntry(doc, taskId, {});
}

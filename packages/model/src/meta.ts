import * as Y from 'yjs';

/**
 * Root names. Every document has a `meta` map holding `schemaVersion` and `kind`; the rest
 * depends on the kind. These names are the storage format: renaming one needs a migration.
 */
export const ROOT = {
	meta: 'meta',
	plan: 'plan',
	sections: 'sections',
	tasks: 'tasks',
	agencies: 'agencies',
	milestones: 'milestones',
	assignments: 'assignments',
	cards: 'cards',
	contributions: 'contributions',
	/** Agency documents: changes the agency's officers propose to the plan (proposal.ts). */
	proposals: 'proposals',
	/** Plan document: coordinators' decisions on those proposals (proposal.ts). */
	proposalDecisions: 'proposalDecisions',
	/** Plan document: reporting rounds coordinators open (report-round.ts). */
	reportRounds: 'reportRounds',
	/** Plan document: when each round stopped taking submissions (report-round.ts). */
	reportRoundClosures: 'reportRoundClosures',
	/** Agency documents: the agency's report for each round (report-submission.ts). */
	reportSubmissions: 'reportSubmissions'
} as const;

/** A plan document is written by coordinators; an agency document by that agency's officers. */
export type DocKind = 'plan' | 'agency';

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>(ROOT.meta);
}

/** `null` for a document the server has not initialised yet (or one we do not recognise). */
export function docKind(doc: Y.Doc): DocKind | null {
	const kind = metaMap(doc).get('kind');
	return kind === 'plan' || kind === 'agency' ? kind : null;
}

/**
 * The stored schema version; 0 when absent. A document with content but no version predates
 * versioning and is upgraded by the first migration.
 */
export function schemaVersionOf(doc: Y.Doc): number {
	const v = metaMap(doc).get('schemaVersion');
	return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

/**
 * True when no update was ever applied. Checks the struct store rather than root types because a
 * client merely reading (`doc.getMap`) creates empty roots without writing anything.
 */
export function isDocEmpty(doc: Y.Doc): boolean {
	return doc.store.clients.size === 0;
}

export function assertKind(doc: Y.Doc, kind: DocKind): void {
	const actual = docKind(doc);
	if (actual !== kind) {
		throw new Error(
			`Expected ${kind === 'agency' ? 'an' : 'a'} ${kind} document, got ${actual ?? 'an uninitialised one'}`
		);
	}
}

/** Time and author of a write. `at` is injectable so tests and imports are reproducible. */
export interface WriteContext {
	/** User id of the writer; stored as `updatedBy`. */
	by?: string;
	/** Epoch milliseconds; defaults to `Date.now()`. */
	at?: number;
}

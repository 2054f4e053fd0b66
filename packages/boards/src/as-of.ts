import {
	agencyDocName,
	endOfVietnamDay,
	isIsoDate,
	planDocName,
	readAgencies,
	vietnamDate
} from '@planboard/model';
import type { UpdateLog } from '@planboard/store';
import type * as Y from 'yjs';
import { docFromStored } from './stored.js';

/** The part of the store a past read needs: the update log's read side. */
export interface LogReader {
	updates: Pick<UpdateLog, 'loadAt'>;
}

/** The part of the store `readDocument` needs: the update log's current and past reads. */
export interface DocumentReader {
	updates: Pick<UpdateLog, 'load' | 'loadAt'>;
}

/**
 * An instant to read the board at, and the Vietnamese day it falls on (the day timeliness is
 * judged against, so a past board is judged as it would have been judged then).
 */
export interface AsOf {
	instant: Date;
	/** 'YYYY-MM-DD' in Vietnam time. */
	date: string;
}

/** An ISO instant with a time and an explicit zone (Z or ±hh:mm); seconds and fraction optional. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads `?asOf=`: a day 'YYYY-MM-DD' means the end of that day in Vietnam (everything written
 * that day counts); an ISO instant with a zone means exactly that instant. Null for anything
 * else, so a route answers 400 instead of guessing.
 */
export function parseAsOf(value: string): AsOf | null {
	if (isIsoDate(value)) {
		return { instant: endOfVietnamDay(value), date: value };
	}
	if (!ISO_INSTANT.test(value)) return null;
	const instant = new Date(value);
	if (Number.isNaN(instant.getTime())) return null;
	return { instant, date: vietnamDate(instant.getTime()) };
}

/**
 * One document as it stood at `instant`: the latest snapshot written by then and the log rows
 * after it, applied in order by the model's linear loader (never `Y.mergeUpdates`).
 */
export function loadDocumentAt(store: LogReader, docName: string, instant: Date): Y.Doc {
	return docFromStored(store.updates.loadAt({ document: docName, at: instant }), docName);
}

/**
 * One stored document as a new Y.Doc, as it stands now or (with `at`) as it stood then: the
 * synchronous read for callers on SQLite (the web server's renders, tests). The DocumentStore's
 * `load` is this read; nothing outside packages/boards and packages/store reads the log itself.
 */
export function readDocument(store: DocumentReader, document: string, at?: Date): Y.Doc {
	if (at) return loadDocumentAt(store, document, at);
	return docFromStored(store.updates.load(document), document);
}

/** A whole board as it stood at `instant`: its plan document and one document per agency lane. */
export interface BoardAt {
	plan: Y.Doc;
	/** By agency id; groups have no document. */
	agencies: Map<string, Y.Doc>;
}

/** Every document of a board as it stood at `instant` (agencies as the plan listed them then). */
export function loadBoardAt(store: LogReader, planId: string, instant: Date): BoardAt {
	const plan = loadDocumentAt(store, planDocName(planId), instant);
	const agencies = new Map<string, Y.Doc>();
	for (const agency of readAgencies(plan)) {
		if (agency.kind === 'group') continue;
		const name = agencyDocName({ planId, agencyId: agency.id });
		agencies.set(agency.id, loadDocumentAt(store, name, instant));
	}
	return { plan, agencies };
}

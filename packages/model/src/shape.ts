import * as Y from 'yjs';
import { safeEvidenceUrl } from './evidence-url.js';
import { isId } from './ids.js';
import { isFiniteNumber, isInstant, isRecord, stringList } from './malformed.js';
import { ROOT, type DocKind } from './meta.js';
import { MEETING_ROOT, MEETING_SHAPE } from './meeting.js';
import { decisionProblem, isDecisionKey, proposalProblem } from './proposal.js';
import { closureProblem, roundProblem } from './report-round.js';
import { submissionProblem } from './report-submission.js';
import { isStatus } from './status.js';
import { isIsoDate } from './timeliness.js';

/**
 * The expected shape of each known part of a document, for a server that refuses updates
 * putting a wrong value there before they are applied. A part the shape does not name (a key no
 * reader looks at) is not checked. Every operation of this package writes values that pass.
 */
export type Shape =
	| {
			kind: 'map';
			entries?: Readonly<Record<string, Shape>>;
			each?: Shape;
			/** Keys must pass this (ids that end up in document names and exports). */
			keys?: (key: string) => boolean;
	  }
	| { kind: 'array'; each?: Shape }
	| { kind: 'text' }
	/** A plain value; `problem` returns why it does not fit, or null. */
	| { kind: 'value'; problem: (v: unknown) => string | null };

const value = (ok: (v: unknown) => boolean, expected: string): Shape => ({
	kind: 'value',
	problem: (v) => (ok(v) ? null : `expected ${expected}`)
});
const str = value((v) => typeof v === 'string', 'a string');
const strOrNull = value((v) => v === null || typeof v === 'string', 'a string or null');
const instantOrNull = value((v) => v === null || isInstant(v), 'a time or null');
const dateOrNull = value((v) => v === null || isIsoDate(v), 'YYYY-MM-DD or null');
const strings = value((v) => stringList(v) !== null, 'a list of strings');
const text: Shape = { kind: 'text' };
/** A list of ids edited concurrently (id-list.ts). */
const idList: Shape = { kind: 'array', each: str };

const handoverMark = value(
	(v) =>
		isRecord(v) &&
		typeof v.agency === 'string' &&
		isInstant(v.at) &&
		(v.by === null || typeof v.by === 'string'),
	'{ agency, at, by }'
);

const card: Shape = {
	kind: 'map',
	entries: {
		taskId: str,
		workflow: value(
			(v) =>
				isRecord(v) && isStatus(v.status) && (v.completedAt === null || isInstant(v.completedAt)),
			'{ status, completedAt }'
		),
		progress: value((v) => isFiniteNumber(v) && v >= 0 && v <= 100, 'a number 0..100'),
		order: str,
		notes: text,
		checklist: {
			kind: 'map',
			each: {
				kind: 'map',
				entries: { text: str, done: value((v) => typeof v === 'boolean', 'a boolean'), order: str }
			}
		},
		evidence: {
			kind: 'array',
			each: value(
				(v) =>
					isRecord(v) &&
					typeof v.id === 'string' &&
					safeEvidenceUrl(v.url) !== null &&
					typeof v.label === 'string',
				'{ id, url, label }'
			)
		},
		figures: {
			kind: 'map',
			each: value(
				(v) =>
					isRecord(v) &&
					typeof v.label === 'string' &&
					(typeof v.value === 'string' || isFiniteNumber(v.value)),
				'{ label, value }'
			)
		},
		updates: {
			kind: 'array',
			each: value(
				(v) =>
					isRecord(v) &&
					typeof v.id === 'string' &&
					isInstant(v.at) &&
					typeof v.authorId === 'string' &&
					typeof v.authorName === 'string' &&
					typeof v.text === 'string',
				'{ id, at, authorId, authorName, text }'
			)
		},
		updatedAt: instantOrNull,
		updatedBy: strOrNull,
		handedOverTo: handoverMark,
		handedOverFrom: handoverMark
	}
};

const meta: Shape = {
	kind: 'map',
	entries: {
		schemaVersion: value((v) => Number.isInteger(v) && (v as number) >= 0, 'an integer'),
		kind: value((v) => v === 'plan' || v === 'agency', "'plan' or 'agency'"),
		planId: str,
		agencyId: str
	}
};

const AGENCY: Readonly<Record<string, Shape>> = {
	[ROOT.meta]: meta,
	[ROOT.cards]: { kind: 'map', each: card, keys: isId },
	[ROOT.contributions]: {
		kind: 'map',
		keys: isId,
		each: value(
			(v) =>
				isRecord(v) &&
				typeof v.done === 'boolean' &&
				(v.updatedAt === null || isInstant(v.updatedAt)) &&
				(v.updatedBy === null || typeof v.updatedBy === 'string'),
			'{ done, updatedAt, updatedBy }'
		)
	},
	[ROOT.proposals]: {
		kind: 'map',
		keys: isId,
		each: { kind: 'value', problem: proposalProblem }
	},
	[ROOT.reportSubmissions]: {
		kind: 'map',
		keys: isId,
		each: { kind: 'value', problem: submissionProblem }
	}
};

const PLAN: Readonly<Record<string, Shape>> = {
	[ROOT.meta]: meta,
	[ROOT.plan]: {
		kind: 'map',
		entries: {
			title: str,
			issuer: str,
			number: str,
			date: value((v) => v === '' || isIsoDate(v), "YYYY-MM-DD or ''"),
			year: value((v) => Number.isInteger(v), 'an integer'),
			reportDue: dateOrNull
		}
	},
	[ROOT.sections]: {
		kind: 'map',
		each: {
			kind: 'map',
			entries: { id: str, number: str, title: str, parentId: strOrNull, order: str }
		}
	},
	[ROOT.tasks]: {
		kind: 'map',
		keys: isId,
		each: {
			kind: 'map',
			entries: {
				id: str,
				number: str,
				sectionId: str,
				title: text,
				content: text,
				timeframe: str,
				due: dateOrNull,
				lead: idList,
				coordinating: idList,
				kind: value((v) => v === 'task' || v === 'duty', "'task' or 'duty'"),
				items: strings,
				order: str,
				updatedAt: instantOrNull,
				updatedBy: strOrNull,
				deletedAt: instantOrNull,
				deletedBy: strOrNull,
				mergedInto: strOrNull,
				splitFrom: strOrNull
			}
		}
	},
	[ROOT.agencies]: {
		kind: 'map',
		keys: isId,
		each: value(
			(v) =>
				isRecord(v) &&
				typeof v.id === 'string' &&
				typeof v.name === 'string' &&
				typeof v.shortName === 'string' &&
				typeof v.kind === 'string' &&
				(v.members === undefined || stringList(v.members) !== null),
			'an agency'
		)
	},
	[ROOT.milestones]: {
		kind: 'map',
		each: value(
			(v) =>
				isRecord(v) && typeof v.id === 'string' && isIsoDate(v.date) && typeof v.text === 'string',
			'{ id, date, text }'
		)
	},
	[ROOT.assignments]: { kind: 'map', each: idList, keys: isId },
	[MEETING_ROOT]: MEETING_SHAPE,
	[ROOT.proposalDecisions]: {
		kind: 'map',
		keys: isDecisionKey,
		each: { kind: 'value', problem: decisionProblem }
	},
	[ROOT.reportRounds]: { kind: 'map', keys: isId, each: { kind: 'value', problem: roundProblem } },
	[ROOT.reportRoundClosures]: {
		kind: 'map',
		keys: isId,
		each: { kind: 'value', problem: closureProblem }
	}
};

/** The shape of a root type by name, for a document of this kind; null for an unknown root. */
export function rootShape(kind: DocKind, name: string): Shape | null {
	return (kind === 'agency' ? AGENCY : PLAN)[name] ?? null;
}

/** Why `key` cannot be a key of a map of this shape, or null when it can. */
export function keyProblem(parent: Shape | null, key: string): string | null {
	return parent?.kind === 'map' && parent.keys && !parent.keys(key) ? 'not an id' : null;
}

/** The shape of a child of `parent` under a map key, or of an array element (key null). */
export function childShape(parent: Shape | null, key: string | null): Shape | null {
	if (parent === null) return null;
	if (parent.kind === 'map')
		return key === null ? null : (parent.entries?.[key] ?? parent.each ?? null);
	if (parent.kind === 'array') return key === null ? (parent.each ?? null) : null;
	return null;
}

/** The Yjs class a shape's nested type must be, or null for plain values. */
export function shapeType(shape: Shape): typeof Y.Map | typeof Y.Array | typeof Y.Text | null {
	return shape.kind === 'map'
		? Y.Map
		: shape.kind === 'array'
			? Y.Array
			: shape.kind === 'text'
				? Y.Text
				: null;
}

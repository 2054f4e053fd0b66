import * as Y from 'yjs';
import { isId, newId } from './ids.js';
import { isInstant, isRecord, reportMalformed, typeOf } from './malformed.js';
import { assertKind, type WriteContext } from './meta.js';
import type { Shape } from './shape.js';

/**
 * A joint meeting held on a board, kept in the plan document (coordinators write it, everyone
 * reads it) under the root `meeting`:
 *
 * - `id`, `startedAt`, `startedBy`, `place`: written once by `startMeeting` (the place may be
 *   corrected later). Two coordinators starting at the same instant write every key in one
 *   transaction each; Yjs resolves each key to the same writer on every replica.
 * - `agenda`: the whole list, written whole (a coordinator edits it; concurrent edits keep one).
 * - `steps`: append-only Y.Array of `{ index, at, by }`, one per move of the current item; the
 *   current item is the last step's. The minutes attribute a change to the item current at
 *   its time, so the times are kept, not only the latest index.
 * - `presenter`: `{ id, name }` of the person the others follow.
 * - `participants`: Y.Map user id -> `{ name, agencyId, at }`, recorded by any coordinator's
 *   client as people appear in presence (officers cannot write the plan document).
 *
 * Nothing here logs changes: the minutes are derived from the stored, attributed history of the
 * documents between `startedAt` and the end. `endMeeting` clears the map.
 */
export const MEETING_ROOT = 'meeting';

export type AgendaKind = 'section' | 'task';

/** One agenda item: a section or a task of the plan, by id. */
export interface AgendaItem {
	id: string;
	kind: AgendaKind;
	ref: string;
}

export interface MeetingStep {
	index: number;
	at: number;
	by: string | null;
}

export interface MeetingPerson {
	id: string;
	name: string;
}

export interface MeetingParticipant extends MeetingPerson {
	agencyId: string | null;
	/** When they were first seen in the meeting. */
	at: number;
}

export interface Meeting {
	id: string;
	startedAt: number;
	startedBy: string | null;
	place: string;
	agenda: AgendaItem[];
	/** Index into `agenda` of the current item; -1 with an empty agenda. */
	current: number;
	steps: MeetingStep[];
	presenter: MeetingPerson | null;
	/** Sorted by first appearance. */
	participants: MeetingParticipant[];
}

const value = (ok: (v: unknown) => boolean, expected: string): Shape => ({
	kind: 'value',
	problem: (v) => (ok(v) ? null : `expected ${expected}`)
});

/** What the sync server accepts under `meeting` (shape.ts); every operation here passes it. */
export const MEETING_SHAPE: Shape = {
	kind: 'map',
	entries: {
		id: value(isId, 'an id'),
		startedAt: value(isInstant, 'a time'),
		startedBy: value((v) => v === null || typeof v === 'string', 'a string or null'),
		place: value((v) => typeof v === 'string', 'a string'),
		agenda: value(
			(v) => Array.isArray(v) && v.every((item) => agendaItem(item) !== null),
			'a list of { id, kind, ref }'
		),
		steps: {
			kind: 'array',
			each: value(
				(v) => step(v) !== null && isRecord(v) && (v.by === null || typeof v.by === 'string'),
				'{ index, at, by }'
			)
		},
		presenter: value((v) => person(v) !== null, '{ id, name }'),
		participants: {
			kind: 'map',
			each: value(
				(v) =>
					participant('', v) !== null &&
					isRecord(v) &&
					(v.agencyId === null || typeof v.agencyId === 'string'),
				'{ name, agencyId, at }'
			)
		}
	}
};

export function meetingMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>(MEETING_ROOT);
}

const MAX_PLACE = 500;

/** The agenda item a stored value describes, or null when it is not one. */
export function agendaItem(v: unknown): AgendaItem | null {
	if (!isRecord(v)) return null;
	const { id, kind, ref } = v;
	if (!isId(id) || (kind !== 'section' && kind !== 'task') || !isId(ref)) return null;
	return { id, kind, ref };
}

function person(v: unknown): MeetingPerson | null {
	if (!isRecord(v) || typeof v.id !== 'string' || typeof v.name !== 'string') return null;
	return { id: v.id, name: v.name };
}

function step(v: unknown): MeetingStep | null {
	if (!isRecord(v) || !Number.isInteger(v.index) || !isInstant(v.at)) return null;
	return { index: v.index as number, at: v.at, by: typeof v.by === 'string' ? v.by : null };
}

function participant(id: string, v: unknown): MeetingParticipant | null {
	if (!isRecord(v) || typeof v.name !== 'string' || !isInstant(v.at)) return null;
	const agencyId = typeof v.agencyId === 'string' ? v.agencyId : null;
	return { id, name: v.name, agencyId, at: v.at };
}

/**
 * The meeting in progress, or null when none is. Total: a malformed part is skipped (or given
 * its default) and reported; only a missing or malformed id or start means no meeting.
 */
export function readMeeting(doc: Y.Doc): Meeting | null {
	const m = meetingMap(doc);
	const id = m.get('id');
	const startedAt = m.get('startedAt');
	if (id === undefined && startedAt === undefined) return null;
	if (!isId(id) || !isInstant(startedAt)) {
		reportMalformed(
			doc,
			MEETING_ROOT,
			`no meeting id or start: ${typeOf(id)}, ${typeOf(startedAt)}`
		);
		return null;
	}
	const agenda: AgendaItem[] = [];
	const rawAgenda = m.get('agenda');
	if (Array.isArray(rawAgenda)) {
		rawAgenda.forEach((v, i) => {
			const item = agendaItem(v);
			if (item) agenda.push(item);
			else reportMalformed(doc, `${MEETING_ROOT}/agenda/${i}`, `not an agenda item: ${typeOf(v)}`);
		});
	} else if (rawAgenda !== undefined) {
		reportMalformed(doc, `${MEETING_ROOT}/agenda`, `not a list: ${typeOf(rawAgenda)}`);
	}
	const steps: MeetingStep[] = [];
	const rawSteps = m.get('steps');
	if (rawSteps instanceof Y.Array) {
		rawSteps.toArray().forEach((v, i) => {
			const s = step(v);
			if (s) steps.push(s);
			else reportMalformed(doc, `${MEETING_ROOT}/steps/${i}`, `not a step: ${typeOf(v)}`);
		});
	} else if (rawSteps !== undefined) {
		reportMalformed(doc, `${MEETING_ROOT}/steps`, `not a Y.Array: ${typeOf(rawSteps)}`);
	}
	const participants: MeetingParticipant[] = [];
	const rawPeople = m.get('participants');
	if (rawPeople instanceof Y.Map) {
		for (const [key, v] of rawPeople.entries() as IterableIterator<[string, unknown]>) {
			const p = participant(key, v);
			if (p) participants.push(p);
			else
				reportMalformed(
					doc,
					`${MEETING_ROOT}/participants/${key}`,
					`not a participant: ${typeOf(v)}`
				);
		}
	} else if (rawPeople !== undefined) {
		reportMalformed(doc, `${MEETING_ROOT}/participants`, `not a Y.Map: ${typeOf(rawPeople)}`);
	}
	participants.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
	const last = steps.at(-1);
	const current =
		agenda.length === 0 ? -1 : Math.min(agenda.length - 1, Math.max(0, last?.index ?? 0));
	const place = m.get('place');
	const startedBy = m.get('startedBy');
	const presenter = m.get('presenter');
	if (presenter !== undefined && presenter !== null && !person(presenter))
		reportMalformed(doc, `${MEETING_ROOT}/presenter`, `not a person: ${typeOf(presenter)}`);
	return {
		id,
		startedAt,
		startedBy: typeof startedBy === 'string' ? startedBy : null,
		place: typeof place === 'string' ? place.slice(0, MAX_PLACE) : '',
		agenda,
		current,
		steps,
		presenter: person(presenter),
		participants
	};
}

function checkAgenda(agenda: readonly AgendaItem[]): AgendaItem[] {
	return agenda.map((item) => {
		const ok = agendaItem(item);
		if (!ok) throw new TypeError(`Not an agenda item: ${JSON.stringify(item)}`);
		return ok;
	});
}

/** An agenda item for a section or task, with a fresh id (the same task may be on it twice). */
export function newAgendaItem(kind: AgendaKind, ref: string): AgendaItem {
	const item = agendaItem({ id: newId(), kind, ref });
	if (!item) throw new TypeError(`Invalid agenda reference ${JSON.stringify(ref)}`);
	return item;
}

export interface StartMeetingOptions extends WriteContext {
	place: string;
	agenda: readonly AgendaItem[];
	presenter: MeetingPerson;
	/** Random by default. */
	id?: string;
}

/** Starts a meeting (replacing any other); the presenter is on the first agenda item. */
export function startMeeting(doc: Y.Doc, options: StartMeetingOptions): string {
	assertKind(doc, 'plan');
	const agenda = checkAgenda(options.agenda);
	const id = options.id ?? newId();
	if (!isId(id)) throw new TypeError(`Invalid meeting id ${JSON.stringify(id)}`);
	const at = options.at ?? Date.now();
	doc.transact(() => {
		const m = meetingMap(doc);
		for (const key of [...m.keys()]) m.delete(key);
		const steps = new Y.Array<unknown>();
		steps.push([{ index: 0, at, by: options.by ?? null }]);
		m.set('id', id);
		m.set('startedAt', at);
		m.set('startedBy', options.by ?? null);
		m.set('place', options.place.slice(0, MAX_PLACE));
		m.set('agenda', agenda);
		m.set('steps', steps);
		m.set('presenter', { id: options.presenter.id, name: options.presenter.name });
		m.set('participants', new Y.Map<unknown>());
	});
	return id;
}

function running(doc: Y.Doc): Y.Map<unknown> {
	assertKind(doc, 'plan');
	const m = meetingMap(doc);
	if (!readMeeting(doc)) throw new Error('No meeting is in progress on this board');
	return m;
}

export function setMeetingPlace(doc: Y.Doc, options: { place: string }): void {
	const m = running(doc);
	doc.transact(() => m.set('place', options.place.slice(0, MAX_PLACE)));
}

/** Replaces the agenda; the current item stays where it is (clamped to the new length). */
export function setAgenda(doc: Y.Doc, options: { agenda: readonly AgendaItem[] }): void {
	const m = running(doc);
	const agenda = checkAgenda(options.agenda);
	doc.transact(() => m.set('agenda', agenda));
}

/** Makes agenda item `index` the current one, for everyone. */
export function setCurrentItem(doc: Y.Doc, options: WriteContext & { index: number }): void {
	const m = running(doc);
	const meeting = readMeeting(doc)!;
	const { index } = options;
	if (!Number.isInteger(index) || index < 0 || index >= meeting.agenda.length)
		throw new RangeError(`No agenda item ${index}`);
	doc.transact(() => {
		let steps = m.get('steps');
		if (!(steps instanceof Y.Array)) m.set('steps', (steps = new Y.Array<unknown>()));
		(steps as Y.Array<unknown>).push([
			{ index, at: options.at ?? Date.now(), by: options.by ?? null }
		]);
	});
}

/** Hands presenting to someone else; the others then follow them. */
export function setPresenter(doc: Y.Doc, options: { presenter: MeetingPerson }): void {
	const m = running(doc);
	const { id, name } = options.presenter;
	doc.transact(() => m.set('presenter', { id, name }));
}

/**
 * Records a person as present (the first time they are seen). A no-op for someone already
 * recorded, so every coordinator's client may call it for every person it sees.
 */
export function recordParticipant(
	doc: Y.Doc,
	options: { id: string; name: string; agencyId: string | null; at?: number }
): boolean {
	const m = running(doc);
	let people = m.get('participants');
	if (people instanceof Y.Map && people.has(options.id)) return false;
	doc.transact(() => {
		if (!(people instanceof Y.Map)) m.set('participants', (people = new Y.Map<unknown>()));
		(people as Y.Map<unknown>).set(options.id, {
			name: options.name,
			agencyId: options.agencyId,
			at: options.at ?? Date.now()
		});
	});
	return true;
}

/** Ends the meeting: the map is cleared (its minutes are stored apart, by the server). */
export function endMeeting(doc: Y.Doc, options: { id: string }): void {
	assertKind(doc, 'plan');
	const m = meetingMap(doc);
	// Only the meeting the caller ended: a newer one started meanwhile stays.
	if (m.get('id') !== options.id) return;
	doc.transact(() => {
		for (const key of [...m.keys()]) m.delete(key);
	});
}

/** The agenda item current at an instant (the last step at or before it), or -1. */
export function agendaIndexAt(meeting: Meeting, at: number): number {
	let index = -1;
	let when = -Infinity;
	for (const s of meeting.steps) {
		if (s.at <= at && s.at >= when) [index, when] = [s.index, s.at];
	}
	return index < 0 || index >= meeting.agenda.length ? -1 : index;
}

import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { setMalformedReporter, type MalformedEntry } from './malformed.js';
import {
	agendaIndexAt,
	endMeeting,
	meetingMap,
	newAgendaItem,
	readMeeting,
	recordParticipant,
	setAgenda,
	setCurrentItem,
	setMeetingPlace,
	setPresenter,
	startMeeting
} from './meeting.js';
import { childShape, rootShape } from './shape.js';
import { T, planDoc, replicasOf } from './test-fixtures.js';

const chair = { id: 'u-sotttt', name: 'Nguyễn Văn Chủ trì' };

function sync(a: Y.Doc, b: Y.Doc): void {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
}

function started(doc: Y.Doc) {
	const agenda = [newAgendaItem('section', 'II'), newAgendaItem('task', T.border)];
	const id = startMeeting(doc, {
		place: 'Phòng họp số 1, Sở TT&TT',
		agenda,
		presenter: chair,
		by: chair.id,
		at: 1_000
	});
	return { id, agenda };
}

afterEach(() => setMalformedReporter(null));

describe('meeting', () => {
	it('starts on the first agenda item with its place, presenter and no participants', () => {
		const doc = planDoc();
		expect(readMeeting(doc)).toBeNull();
		const { id, agenda } = started(doc);
		expect(readMeeting(doc)).toEqual({
			id,
			startedAt: 1_000,
			startedBy: chair.id,
			place: 'Phòng họp số 1, Sở TT&TT',
			agenda,
			current: 0,
			steps: [{ index: 0, at: 1_000, by: chair.id }],
			presenter: chair,
			participants: []
		});
	});

	it('advances for every replica and remembers when each item became current', () => {
		const [a, b] = replicasOf(planDoc(), 2);
		started(a);
		sync(a, b);
		setCurrentItem(a, { index: 1, at: 5_000, by: chair.id });
		sync(a, b);
		const meeting = readMeeting(b)!;
		expect(meeting.current).toBe(1);
		expect(agendaIndexAt(meeting, 999)).toBe(-1);
		expect(agendaIndexAt(meeting, 4_999)).toBe(0);
		expect(agendaIndexAt(meeting, 5_000)).toBe(1);
		expect(() => setCurrentItem(a, { index: 2 })).toThrow(RangeError);
	});

	it('edits the agenda, the place and the presenter while running', () => {
		const doc = planDoc();
		const { agenda } = started(doc);
		const extra = newAgendaItem('task', T.press);
		setAgenda(doc, { agenda: [...agenda, extra] });
		setMeetingPlace(doc, { place: 'Hội trường UBND huyện Đức Cơ' });
		setPresenter(doc, { presenter: { id: 'u-2', name: 'Trần Thị Hai' } });
		const meeting = readMeeting(doc)!;
		expect(meeting.agenda.map((i) => i.ref)).toEqual(['II', T.border, T.press]);
		expect(meeting.place).toBe('Hội trường UBND huyện Đức Cơ');
		expect(meeting.presenter).toEqual({ id: 'u-2', name: 'Trần Thị Hai' });
	});

	it('records each participant once, from any coordinator, in order of appearance', () => {
		const [a, b] = replicasOf(planDoc(), 2);
		started(a);
		sync(a, b);
		expect(
			recordParticipant(a, { id: 'u-bdbp', name: 'Biên phòng', agencyId: 'bchbdbp', at: 2 })
		).toBe(true);
		expect(recordParticipant(b, { id: 'u-ducco', name: 'Đức Cơ', agencyId: 'ducco', at: 3 })).toBe(
			true
		);
		sync(a, b);
		expect(
			recordParticipant(b, { id: 'u-bdbp', name: 'Biên phòng', agencyId: 'bchbdbp', at: 9 })
		).toBe(false);
		expect(readMeeting(a)!.participants.map((p) => [p.id, p.agencyId, p.at])).toEqual([
			['u-bdbp', 'bchbdbp', 2],
			['u-ducco', 'ducco', 3]
		]);
		expect(readMeeting(b)).toEqual(readMeeting(a));
	});

	it('ends only the meeting named, and clears it for everyone', () => {
		const [a, b] = replicasOf(planDoc(), 2);
		const { id } = started(a);
		sync(a, b);
		endMeeting(b, { id: 'someone-else' });
		expect(readMeeting(b)?.id).toBe(id);
		endMeeting(b, { id });
		sync(a, b);
		expect(readMeeting(a)).toBeNull();
		expect([...meetingMap(a).keys()]).toEqual([]);
		expect(() => setCurrentItem(a, { index: 0 })).toThrow(/No meeting/);
	});

	it('refuses a malformed agenda item on write', () => {
		const doc = planDoc();
		expect(() =>
			startMeeting(doc, {
				place: '',
				agenda: [{ id: 'x', kind: 'card' as 'task', ref: 'II' }],
				presenter: chair
			})
		).toThrow(TypeError);
		expect(readMeeting(doc)).toBeNull();
	});

	it('reads malformed values totally: skips them and reports each', () => {
		const doc = planDoc();
		const reports: MalformedEntry[] = [];
		setMalformedReporter((e) => reports.push(e));
		const { agenda } = started(doc);
		const m = meetingMap(doc);
		m.set('agenda', [agenda[0], { id: 'bad', kind: 'card', ref: 'II' }, 7]);
		m.set('presenter', 'chair');
		(m.get('steps') as Y.Array<unknown>).push([{ index: 'one' }]);
		(m.get('participants') as Y.Map<unknown>).set('u-x', { name: 3 });
		m.set('place', 42);
		const meeting = readMeeting(doc)!;
		expect(meeting.agenda).toEqual([agenda[0]]);
		expect(meeting.current).toBe(0);
		expect(meeting.presenter).toBeNull();
		expect(meeting.participants).toEqual([]);
		expect(meeting.place).toBe('');
		expect(reports.map((r) => r.key).sort()).toEqual([
			'meeting/agenda/1',
			'meeting/agenda/2',
			'meeting/participants/u-x',
			'meeting/presenter',
			'meeting/steps/1'
		]);
		m.set('id', 5);
		expect(readMeeting(doc)).toBeNull();
		expect(reports.at(-1)?.key).toBe('meeting');
	});

	it('has a schema shape the server checks, which its own writes pass', () => {
		const doc = planDoc();
		started(doc);
		const shape = rootShape('plan', 'meeting');
		const agenda = childShape(shape, 'agenda');
		expect(agenda?.kind).toBe('value');
		if (agenda?.kind !== 'value') return;
		expect(agenda.problem(meetingMap(doc).get('agenda'))).toBeNull();
		expect(agenda.problem([{ id: 'a', kind: 'card', ref: 'II' }])).not.toBeNull();
		const step = childShape(childShape(shape, 'steps'), null);
		expect(step?.kind === 'value' && step.problem({ index: 1, at: 5, by: null })).toBeNull();
		expect(step?.kind === 'value' && step.problem({ index: 1, at: 5, by: 7 })).not.toBeNull();
		const person = childShape(childShape(shape, 'participants'), 'u-1');
		expect(
			person?.kind === 'value' && person.problem({ name: 'A', agencyId: null, at: 1 })
		).toBeNull();
		expect(
			person?.kind === 'value' && person.problem({ name: 'A', agencyId: 3, at: 1 })
		).not.toBeNull();
	});
});

import {
	cardNotesText,
	cardsMap,
	compareCards,
	deleteCard,
	moveCard,
	readCard,
	readCards,
	restoreCard,
	setMalformedReporter,
	setProgress,
	setStatus,
	type Card,
	type MalformedEntry,
	type TaskId
} from '@planboard/model';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { A, T, agencyDoc, replicasOf } from '../../../../../packages/model/src/test-fixtures.js';
import { AgencyView } from './agency-view.svelte';
import { KeyedReads } from './keyed-reads';

const writer = { id: 'u1', name: 'Người viết' };
const viewOf = (doc: Y.Doc) => new AgencyView({ doc, agencyId: A.stttt, writable: true, writer });
const byId = (cards: Card[]) => new Map(cards.map((c) => [c.taskId as string, c]));

/** The model's readers over a real document, counting which cards each change re-reads. */
function countedReads(doc: Y.Doc) {
	const reads: string[] = [];
	let all = 0;
	const map = cardsMap(doc) as Y.Map<unknown>;
	const cards = new KeyedReads<Card>({
		map,
		keyOf: (c) => c.taskId,
		readAll: () => {
			all++;
			return readCards(doc);
		},
		readOne: {
			read: (key) => {
				reads.push(key);
				return readCard(doc, key as TaskId);
			},
			compare: compareCards
		}
	});
	map.observeDeep((events) => cards.invalidate(events));
	cards.list();
	return {
		cards,
		/** The cards re-read since the last call, and whether everything was read again. */
		take() {
			const out = { reads: [...reads].sort(), all };
			reads.length = 0;
			all = 0;
			return out;
		}
	};
}

describe('KeyedReads over the cards of a real agency document', () => {
	it('re-reads only the card a field edit, a keystroke or a status change touched', () => {
		const doc = agencyDoc();
		const r = countedReads(doc);
		r.take();
		setProgress(doc, { taskId: T.press, progress: 40 });
		expect(byId(r.cards.list()).get(T.press)?.progress).toBe(40);
		expect(r.take()).toEqual({ reads: [T.press], all: 0 });

		cardNotesText(doc, T.border).insert(0, 'Đ');
		expect(r.cards.get(T.border)?.notes).toBe('Đ');
		expect(r.take()).toEqual({ reads: [T.border], all: 0 });

		setStatus(doc, { taskId: T.legal, status: 'done' });
		const list = r.cards.list();
		expect(list.at(-1)?.taskId).toBe(T.legal);
		expect(r.take()).toEqual({ reads: [T.legal], all: 0 });
		// Nothing changed since: nothing is read, and the list is the same array.
		expect(r.cards.list()).toBe(list);
		expect(r.take()).toEqual({ reads: [], all: 0 });
	});

	it('re-reads only the cards added, deleted or moved, and sees them', () => {
		const doc = agencyDoc();
		const r = countedReads(doc);
		r.take();
		deleteCard(doc, { taskId: T.press });
		expect(r.cards.get(T.press)).toBeNull();
		expect(r.cards.list().map((c) => c.taskId)).not.toContain(T.press);
		expect(r.take()).toEqual({ reads: [T.press], all: 0 });

		restoreCard(doc, { taskId: T.press });
		expect(r.cards.list().map((c) => c.taskId)).toContain(T.press);
		expect(r.take()).toEqual({ reads: [T.press], all: 0 });

		moveCard(doc, { taskId: T.border, toStatus: 'in_progress' });
		expect(r.cards.list().find((c) => c.taskId === T.border)?.status).toBe('in_progress');
		expect(r.take()).toEqual({ reads: [T.border], all: 0 });
	});

	it('re-reads only the touched card when the change comes from another replica', () => {
		const [local, remote] = replicasOf(agencyDoc(), 2);
		remote.on('update', (u: Uint8Array) => Y.applyUpdate(local, u, 'remote'));
		const r = countedReads(local);
		r.take();
		cardNotesText(remote, T.legal).insert(0, 'Đã gửi công văn');
		setStatus(remote, { taskId: T.dutyTttt, status: 'in_progress' });
		const cards = byId(r.cards.list());
		expect(cards.get(T.legal)?.notes).toBe('Đã gửi công văn');
		expect(cards.get(T.dutyTttt)?.status).toBe('in_progress');
		expect(r.take()).toEqual({ reads: [T.legal, T.dutyTttt].sort(), all: 0 });
	});
});

describe('AgencyView', () => {
	const reported: MalformedEntry[] = [];
	afterEach(() => {
		setMalformedReporter(null);
		reported.length = 0;
	});

	it("keeps card B's object while card A changes, and shows A's new value", () => {
		const doc = agencyDoc();
		const view = viewOf(doc);
		const before = byId(view.cards);
		expect(view.cards).toBe(view.cards);

		const edits: [string, () => void, (c: Card | null) => unknown, unknown][] = [
			['field', () => setProgress(doc, { taskId: T.press, progress: 70 }), (c) => c?.progress, 70],
			['notes', () => cardNotesText(doc, T.press).insert(0, 'x'), (c) => c?.notes, 'x'],
			[
				'move',
				() => moveCard(doc, { taskId: T.press, toStatus: 'awaiting_review' }),
				(c) => c?.status,
				'awaiting_review'
			],
			['delete', () => deleteCard(doc, { taskId: T.press }), (c) => c, null],
			['add', () => restoreCard(doc, { taskId: T.press }), (c) => c?.status, 'todo']
		];
		for (const [what, edit, field, value] of edits) {
			const list = view.cards;
			edit();
			expect(view.cards, what).not.toBe(list);
			expect(field(view.card(T.press)), what).toEqual(value);
			expect(field(byId(view.cards).get(T.press) ?? null), what).toEqual(value);
			for (const other of [T.legal, T.border, T.dutyTttt]) {
				expect(view.card(other), `${what}: ${other}`).toBe(before.get(other));
				expect(byId(view.cards).get(other), `${what}: ${other}`).toBe(before.get(other));
			}
		}
	});

	it('follows remote updates one card at a time, and the loading of the document', () => {
		const origin = agencyDoc();
		const local = new Y.Doc();
		const view = viewOf(local);
		expect(view.loaded).toBe(false);
		expect(view.cards).toEqual([]);
		expect(view.card(T.legal)).toBeNull();
		Y.applyUpdate(local, Y.encodeStateAsUpdate(origin));
		expect(view.loaded).toBe(true);
		expect(view.cards.map((c) => c.taskId)).toEqual(readCards(origin).map((c) => c.taskId));
		const before = byId(view.cards);

		origin.on('update', (u: Uint8Array) => Y.applyUpdate(local, u, 'remote'));
		setStatus(origin, { taskId: T.border, status: 'done' });
		expect(view.card(T.border)?.status).toBe('done');
		expect(view.cards.at(-1)?.taskId).toBe(T.border);
		expect(view.card(T.legal)).toBe(before.get(T.legal));
	});

	it('skips and reports a malformed card written by another client instead of failing', () => {
		setMalformedReporter((e) => reported.push(e));
		const doc = agencyDoc();
		const view = viewOf(doc);
		const before = byId(view.cards);
		doc.transact(() => cardsMap(doc).set('II.9' as TaskId, 'not a card' as never));
		expect(view.cards.map((c) => c.taskId)).toEqual([...before.keys()]);
		expect(view.card('II.9')).toBeNull();
		expect(reported.map((e) => e.key)).toContain('cards/II.9');
		doc.transact(() => cardsMap(doc).set('a b' as TaskId, new Y.Map()));
		expect(view.cards.map((c) => c.taskId)).toEqual([...before.keys()]);
		expect(reported).toContainEqual(
			expect.objectContaining({ key: 'cards/a b', reason: 'not a task id' })
		);
		// A card whose notes are not text still reads, with empty notes, and is reported.
		doc.transact(() => (cardsMap(doc).get(T.legal) as Y.Map<unknown>).set('notes', 42));
		expect(view.card(T.legal)?.notes).toBe('');
		expect(view.card(T.press)).toBe(before.get(T.press));
		expect(reported.map((e) => e.key)).toContain(`cards/${T.legal}/notes`);
	});

	it('re-reads contributions only when they change, not on a card edit', () => {
		const doc = agencyDoc();
		const view = viewOf(doc);
		const contributions = view.contributions;
		setProgress(doc, { taskId: T.legal, progress: 10 });
		expect(view.contributions).toBe(contributions);
		// A contribution's text is a root of its own; another client may be the first to type it.
		const remote = replicasOf(doc, 1)[0];
		remote.getText(`contribution/${T.press}`).insert(0, 'Phối hợp');
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote));
		expect(view.contributions.find((c) => c.taskId === T.press)?.text).toBe('Phối hợp');
	});
});

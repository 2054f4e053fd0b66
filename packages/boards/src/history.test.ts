import { join } from 'node:path';
import {
	addChecklistItem,
	addUpdateEntry,
	asAgencyId,
	asTaskId,
	cardNotesText,
	initAgencyDoc,
	readCard,
	setFigure,
	setProgress,
	setStatus
} from '@planboard/model';
import type { Store } from '@planboard/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tempDir } from '../../../tests/support/harness.js';
import { loadDocumentAt, parseAsOf } from './as-of.js';
import { cardChanges, documentHistory, type HistoryReader } from './history.js';
import { sqliteDocumentStore } from './sqlite-documents.js';
import { openTestStore } from '../../../tests/support/test-database.js';

const DOC = 'plan/p1/agency/so-tt';
const A = asTaskId('t1');
const B = asTaskId('t2');

let tmp: ReturnType<typeof tempDir>;
let store: Store;
let clock: number;
let lan: string;
beforeEach(() => {
	tmp = tempDir('planboard-history-');
	clock = Date.parse('2025-06-01T02:00:00Z');
	store = openTestStore({ path: join(tmp.dir, 'planboard.db'), now: () => clock });
	lan = store.users.create({
		username: 'lan',
		displayName: 'Nguyễn Thị Lan',
		role: 'officer',
		agencyId: 'so-tt',
		passwordHash: 'x'
	}).id;
});
afterEach(() => {
	store.close();
	tmp.cleanup();
});

const reader = (): HistoryReader => ({ documents: sqliteDocumentStore(store), users: store.users });

/** Writes `fn` to a live document and logs the resulting update as `userId`, `minutes` later. */
function write(doc: Y.Doc, userId: string | null, minutes: number, fn: () => void): number {
	clock += minutes * 60_000;
	let seq = 0;
	const log = (update: Uint8Array) => {
		seq = store.updates.append({ document: DOC, update, userId });
	};
	doc.on('update', log);
	fn();
	doc.off('update', log);
	return seq;
}

describe('document history', () => {
	it('lists who changed what on which card, newest first, by card and by page', async () => {
		const doc = new Y.Doc();
		write(doc, null, 0, () =>
			initAgencyDoc(doc, { agencyId: asAgencyId('so-tt'), taskIds: [A, B] })
		);
		write(doc, lan, 5, () => setStatus(doc, { taskId: A, status: 'in_progress' }));
		write(doc, lan, 5, () => setProgress(doc, { taskId: B, progress: 40 }));
		write(doc, lan, 5, () => cardNotesText(doc, A).insert(0, 'Đã họp'));
		write(doc, lan, 5, () => addChecklistItem(doc, { taskId: A, text: 'Lập danh sách' }));
		write(doc, lan, 5, () =>
			setFigure(doc, { taskId: A, key: 'so-tin', label: 'Số tin', value: 3 })
		);
		const last = write(doc, lan, 5, () =>
			addUpdateEntry(doc, { taskId: A, text: 'Xong bước 1', authorId: lan, authorName: 'Lan' })
		);

		const all = await documentHistory(reader(), DOC);
		expect(all.nextBeforeSeq).toBeNull();
		expect(all.entries[0].seq).toBe(last);
		expect(all.entries.map((e) => e.changes.map((c) => `${c.kind}:${c.cardId}`))).toEqual([
			['updates:t1'],
			['figures:t1'],
			['checklist:t1'],
			['notes:t1'],
			['progress:t2'],
			['status:t1'],
			['card:t1', 'card:t2']
		]);
		const status = all.entries[5];
		expect(status.author).toEqual({ id: lan, displayName: 'Nguyễn Thị Lan' });
		expect(status.changes[0]).toMatchObject({ before: 'todo', after: 'in_progress' });
		expect(all.entries[6].author).toBeNull();
		expect(all.entries[3].changes[0]).toMatchObject({ before: '', after: 'Đã họp' });

		const onlyB = await documentHistory(reader(), DOC, { cardId: 't2' });
		expect(onlyB.entries.map((e) => e.changes)).toEqual([
			[{ kind: 'progress', cardId: 't2', before: 0, after: 40 }],
			[{ kind: 'card', cardId: 't2', before: null, after: { status: 'todo', progress: 0 } }]
		]);

		const page = await documentHistory(reader(), DOC, { limit: 2 });
		expect(page.entries.map((e) => e.changes[0].kind)).toEqual(['updates', 'figures']);
		const next = await documentHistory(reader(), DOC, { limit: 2, beforeSeq: page.nextBeforeSeq! });
		expect(next.entries.map((e) => e.changes[0].kind)).toEqual(['checklist', 'notes']);
	});

	it('replays from a kept snapshot when the rows before the page were compacted', async () => {
		const doc = new Y.Doc();
		write(doc, null, 0, () => initAgencyDoc(doc, { agencyId: asAgencyId('so-tt'), taskIds: [A] }));
		const seq = write(doc, lan, 5, () => setProgress(doc, { taskId: A, progress: 30 }));
		store.updates.writeSnapshot({ document: DOC, state: Y.encodeStateAsUpdate(doc), uptoSeq: seq });
		write(doc, lan, 5, () => setProgress(doc, { taskId: A, progress: 70 }));
		store.updates.compact({ document: DOC });
		const { entries } = await documentHistory(reader(), DOC);
		expect(entries.map((e) => e.changes)).toEqual([
			[{ kind: 'progress', cardId: 't1', before: 30, after: 70 }]
		]);
	});

	it('reads a document as it stood before and after a change', () => {
		const doc = new Y.Doc();
		write(doc, null, 0, () => initAgencyDoc(doc, { agencyId: asAgencyId('so-tt'), taskIds: [A] }));
		const before = new Date(clock + 60_000);
		write(doc, lan, 10, () => setStatus(doc, { taskId: A, status: 'done' }));
		expect(readCard(loadDocumentAt(store, DOC, before), A)?.status).toBe('todo');
		expect(readCard(loadDocumentAt(store, DOC, new Date(clock)), A)?.status).toBe('done');
	});

	it('reads asOf as a Vietnamese day or a zoned instant, and nothing else', () => {
		expect(parseAsOf('2025-06-01')).toEqual({
			instant: new Date('2025-06-01T16:59:59.999Z'),
			date: '2025-06-01'
		});
		expect(parseAsOf('2025-06-01T20:00:00Z')).toEqual({
			instant: new Date('2025-06-01T20:00:00Z'),
			date: '2025-06-02'
		});
		expect(parseAsOf('2025-06-01T20:00')).toBeNull();
		expect(parseAsOf('hôm qua')).toBeNull();
	});

	it('cardChanges ignores order moves and reports only added progress entries', () => {
		const base = {
			taskId: A,
			status: 'todo' as const,
			progress: 0,
			order: 'a0',
			notes: '',
			checklist: [],
			evidence: [],
			figures: {},
			updates: [],
			completedAt: null,
			updatedAt: null,
			updatedBy: null
		};
		expect(cardChanges('t1', base, { ...base, order: 'a1', updatedAt: 5 })).toEqual([]);
		const entry = { id: 'u1', at: 1, authorId: 'x', authorName: 'X', text: 'hi' };
		expect(cardChanges('t1', { ...base, updates: [entry] }, { ...base, updates: [entry] })).toEqual(
			[]
		);
	});
});

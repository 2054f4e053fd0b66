import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { readCard } from './card.js';
import {
	addChecklistItem,
	moveChecklistItem,
	removeChecklistItem,
	setChecklistItemText,
	toggleChecklistItem
} from './checklist.js';
import { addEvidence, removeEvidence } from './evidence.js';
import { removeFigure, setFigure } from './figure.js';
import { setMalformedReporter, type MalformedEntry } from './malformed.js';
import { addUpdateEntry } from './update-entry.js';
import { T, agencyDoc } from './test-fixtures.js';

describe('checklist', () => {
	it('adds, toggles, renames, reorders and removes items', () => {
		const doc = agencyDoc();
		const a = addChecklistItem(doc, { taskId: T.legal, text: 'Rà soát văn bản' });
		const b = addChecklistItem(doc, { taskId: T.legal, text: 'Dự thảo quy chế', id: 'b' });
		expect(b).toBe('b');
		toggleChecklistItem(doc, { taskId: T.legal, itemId: a });
		toggleChecklistItem(doc, { taskId: T.legal, itemId: b, done: false });
		setChecklistItemText(doc, { taskId: T.legal, itemId: b, text: 'Trình ban hành quy chế' });
		expect(readCard(doc, T.legal)?.checklist.map(({ text, done }) => [text, done])).toEqual([
			['Rà soát văn bản', true],
			['Trình ban hành quy chế', false]
		]);
		moveChecklistItem(doc, { taskId: T.legal, itemId: b, before: a });
		expect(readCard(doc, T.legal)?.checklist.map((i) => i.id)).toEqual([b, a]);
		toggleChecklistItem(doc, { taskId: T.legal, itemId: a });
		expect(readCard(doc, T.legal)?.checklist[1].done).toBe(false);
		removeChecklistItem(doc, { taskId: T.legal, itemId: a });
		removeChecklistItem(doc, { taskId: T.legal, itemId: a });
		expect(readCard(doc, T.legal)?.checklist.map((i) => i.id)).toEqual([b]);
		expect(() => toggleChecklistItem(doc, { taskId: T.legal, itemId: a })).toThrow(
			/No checklist item/
		);
	});
});

describe('evidence', () => {
	it('adds http(s) links and removes them by id', () => {
		const doc = agencyDoc();
		const id = addEvidence(doc, {
			taskId: T.border,
			url: 'https://baogialai.com.vn/bai-viet',
			label: 'Bài báo'
		});
		addEvidence(doc, { taskId: T.border, url: 'http://gialai.gov.vn/' });
		expect(readCard(doc, T.border)?.evidence).toEqual([
			{ id, url: 'https://baogialai.com.vn/bai-viet', label: 'Bài báo' },
			expect.objectContaining({ url: 'http://gialai.gov.vn/', label: 'http://gialai.gov.vn/' })
		]);
		removeEvidence(doc, { taskId: T.border, id });
		expect(readCard(doc, T.border)?.evidence).toHaveLength(1);
	});

	it('rejects anything that is not an absolute http(s) URL', () => {
		const doc = agencyDoc();
		expect(() => addEvidence(doc, { taskId: T.border, url: 'javascript:alert(1)' })).toThrow(
			/http or https/
		);
		expect(() => addEvidence(doc, { taskId: T.border, url: 'baogialai.com.vn' })).toThrow(
			/absolute http/
		);
		expect(readCard(doc, T.border)?.evidence).toEqual([]);
	});

	it('reads only http(s) links from the document, reporting the others', () => {
		const doc = agencyDoc();
		const reports: MalformedEntry[] = [];
		setMalformedReporter((e) => reports.push(e));
		try {
			const list = (doc.getMap('cards').get(T.border) as Y.Map<unknown>).get('evidence');
			(list as Y.Array<unknown>).push([
				{ id: 'js', url: 'javascript:alert(1)', label: 'Bấm' },
				{ id: 'js2', url: ' JaVaScRiPt:alert(1)', label: 'Bấm' },
				{ id: 'ok', url: 'https://baogialai.com.vn/a', label: 'Bài báo' }
			]);
			expect(readCard(doc, T.border)?.evidence).toEqual([
				{ id: 'ok', url: 'https://baogialai.com.vn/a', label: 'Bài báo' }
			]);
			expect(reports.map((r) => r.key)).toEqual([
				`cards/${T.border}/evidence/0`,
				`cards/${T.border}/evidence/1`
			]);
		} finally {
			setMalformedReporter(null);
		}
	});
});

describe('figures and update entries', () => {
	it('sets, overwrites and removes figures', () => {
		const doc = agencyDoc();
		setFigure(doc, { taskId: T.press, key: 'articles', label: 'Số tin bài', value: 12 });
		setFigure(doc, { taskId: T.press, key: 'articles', label: 'Số tin bài', value: 42 });
		setFigure(doc, { taskId: T.press, key: 'channel', label: 'Kênh', value: 'VTV4' });
		expect(readCard(doc, T.press)?.figures).toEqual({
			articles: { label: 'Số tin bài', value: 42 },
			channel: { label: 'Kênh', value: 'VTV4' }
		});
		removeFigure(doc, { taskId: T.press, key: 'channel' });
		expect(Object.keys(readCard(doc, T.press)?.figures ?? {})).toEqual(['articles']);
		expect(() =>
			setFigure(doc, { taskId: T.press, key: 'x', label: 'x', value: Infinity })
		).toThrow(/finite/);
	});

	it('appends dated update entries sorted by time', () => {
		const doc = agencyDoc();
		addUpdateEntry(doc, {
			taskId: T.press,
			text: 'Đã gửi thông cáo',
			authorId: 'u1',
			authorName: 'Lan',
			at: 20
		});
		addUpdateEntry(doc, {
			taskId: T.press,
			text: 'Họp báo quý I',
			authorId: 'u2',
			authorName: 'Minh',
			at: 10
		});
		const card = readCard(doc, T.press);
		expect(card?.updates.map((u) => [u.at, u.authorName, u.text])).toEqual([
			[10, 'Minh', 'Họp báo quý I'],
			[20, 'Lan', 'Đã gửi thông cáo']
		]);
		expect(card).toMatchObject({ updatedAt: 10, updatedBy: 'u2' });
	});
});

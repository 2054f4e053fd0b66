import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { initAgencyDoc } from './agency-doc.js';
import { cardNotesText, readCard } from './card.js';
import { setProgress, setStatus } from './card-ops.js';
import { handOverTask, inheritedEntries, readCardHandover } from './handover.js';
import type { AgencyId } from './ids.js';
import { readTask } from './task.js';
import { A, T, gialaiSeed, planDoc, replicasOf } from './test-fixtures.js';
import { addUpdateEntry } from './update-entry.js';

const TASK = T.legal; // led by Sở TT&TT alone; no other agency has a card for it

function agency(id: AgencyId): Y.Doc {
	const doc = new Y.Doc();
	initAgencyDoc(doc, { agencyId: id, taskIds: gialaiSeed().cards[id] ?? [] });
	return doc;
}

function sync(...docs: Y.Doc[]): void {
	for (const a of docs)
		for (const b of docs)
			if (a !== b) {
				Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
			}
}

/** The agencies whose card for TASK reads open. */
function openCards(plan: Y.Doc, docs: Record<string, Y.Doc>): string[] {
	return Object.entries(docs)
		.filter(([, doc]) => readCardHandover({ plan, agency: doc, taskId: TASK })?.open)
		.map(([id]) => id)
		.sort();
}

describe('handing a task to another lead agency', () => {
	it('moves the card: status and progress carried with a note, the old card closed and kept', () => {
		const plan = planDoc();
		const [s, x] = [agency(A.stttt), agency(A.bdbp)];
		setStatus(s, { taskId: TASK, status: 'in_progress' });
		setProgress(s, { taskId: TASK, progress: 40 });
		cardNotesText(s, TASK).insert(0, 'Đã soạn dự thảo');
		handOverTask({ plan, from: s, to: x, taskId: TASK, by: 'u-coord', authorName: 'Điều phối' });
		expect(readTask(plan, TASK)!.lead).toEqual([A.bdbp]);
		const moved = readCard(x, TASK)!;
		expect(moved).toMatchObject({ status: 'in_progress', progress: 40 });
		expect(moved.updates.at(-1)!.text).toContain(`Nhận bàn giao nhiệm vụ từ ${A.stttt}`);
		expect(openCards(plan, { [A.stttt]: s, [A.bdbp]: x })).toEqual([A.bdbp]);
		const closed = readCardHandover({ plan, agency: s, taskId: TASK })!;
		expect(closed).toMatchObject({ open: false, leads: [A.bdbp] });
		expect(closed.handedOverTo?.agency).toBe(A.bdbp);
		expect(readCard(s, TASK)!.notes).toBe('Đã soạn dự thảo');
		// Cards that never took part in a handover stay open.
		expect(readCardHandover({ plan, agency: s, taskId: T.press })!.open).toBe(true);
	});

	it('two coordinators reassigning at once end with one lead and exactly one open card', () => {
		for (let round = 0; round < 20; round++) {
			const [plan1, plan2] = replicasOf(planDoc(), 2);
			const [s1, s2] = replicasOf(agency(A.stttt), 2);
			const [x1, x2] = replicasOf(agency(A.bdbp), 2);
			const [y1, y2] = replicasOf(agency(A.bao), 2);
			handOverTask({ plan: plan1, from: s1, to: x1, taskId: TASK, authorName: 'C1' });
			handOverTask({ plan: plan2, from: s2, to: y2, taskId: TASK, authorName: 'C2' });
			sync(plan1, plan2);
			sync(s1, s2);
			sync(x1, x2);
			sync(y1, y2);
			for (const [plan, s, x, y] of [
				[plan1, s1, x1, y1],
				[plan2, s2, x2, y2]
			]) {
				const lead = readTask(plan, TASK)!.lead;
				expect(lead).toHaveLength(1);
				expect([A.bdbp, A.bao]).toContain(lead[0]);
				expect(openCards(plan, { [A.stttt]: s, [A.bdbp]: x, [A.bao]: y })).toEqual(lead);
			}
			expect(readTask(plan1, TASK)!.lead).toEqual(readTask(plan2, TASK)!.lead);
		}
	});

	it("keeps an offline officer's edit on the closed card and shows it in the new card's history", () => {
		const plan = planDoc();
		const [coordS, officerS] = replicasOf(agency(A.stttt), 2);
		const x = agency(A.bdbp);
		// The officer is offline: these edits reach nobody yet.
		addUpdateEntry(officerS, {
			taskId: TASK,
			text: 'Đã gửi văn bản',
			authorId: 'u-officer',
			authorName: 'Cán bộ'
		});
		cardNotesText(officerS, TASK).insert(0, 'Ghi chú ngoại tuyến');
		handOverTask({ plan, from: coordS, to: x, taskId: TASK, authorName: 'Điều phối' });
		sync(coordS, officerS);
		for (const s of [coordS, officerS]) {
			expect(readCardHandover({ plan, agency: s, taskId: TASK })!.open).toBe(false);
			const card = readCard(s, TASK)!;
			expect(card.notes).toBe('Ghi chú ngoại tuyến');
			expect(card.updates.map((u) => u.text)).toContain('Đã gửi văn bản');
			expect(inheritedEntries({ from: s, taskId: TASK }).map((u) => u.text)).toEqual([
				'Đã gửi văn bản'
			]);
		}
		expect(readCardHandover({ plan, agency: x, taskId: TASK })!.open).toBe(true);
	});

	it('handing back reopens the first card', () => {
		const plan = planDoc();
		const [s, x] = [agency(A.stttt), agency(A.bdbp)];
		handOverTask({ plan, from: s, to: x, taskId: TASK, authorName: 'C' });
		handOverTask({ plan, from: x, to: s, taskId: TASK, authorName: 'C' });
		expect(openCards(plan, { [A.stttt]: s, [A.bdbp]: x })).toEqual([A.stttt]);
	});
});

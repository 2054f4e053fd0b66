import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { initAgencyDoc } from './agency-doc.js';
import type { AgencyId } from './ids.js';
import { setMalformedReporter, type MalformedEntry } from './malformed.js';
import { planUndoManager } from './plan-edit.js';
import {
	acceptProposal,
	declineProposal,
	decisionsMap,
	propose,
	proposalsMap,
	readProposals,
	splitTaskId
} from './proposal.js';
import { rootShape } from './shape.js';
import { readTask, readTasks } from './task.js';
import { A, T, gialaiSeed, planDoc, replicasOf } from './test-fixtures.js';

function agency(id: AgencyId): Y.Doc {
	const doc = new Y.Doc();
	initAgencyDoc(doc, { agencyId: id, taskIds: gialaiSeed().cards[id] ?? [] });
	return doc;
}

function sync(...docs: Y.Doc[]): void {
	for (const a of docs)
		for (const b of docs)
			if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

const officer = { by: 'u-bdbp', byName: 'Cán bộ BĐBP' };
const coordinator = { by: 'u-coord', byName: 'Điều phối' };

afterEach(() => setMalformedReporter(null));

describe('proposals', () => {
	it('an officer proposes in the agency document; everyone reads it open', () => {
		const plan = planDoc();
		const bdbp = agency(A.bdbp);
		const id = propose({
			plan,
			agency: bdbp,
			taskId: T.border,
			kind: 'due',
			value: '2024-12-15',
			note: ' Cần thêm thời gian ',
			at: 1000,
			...officer
		});
		const [read] = readProposals({ plan, agency: bdbp });
		expect(read).toMatchObject({
			id,
			agencyId: A.bdbp,
			taskId: T.border,
			kind: 'due',
			value: '2024-12-15',
			note: 'Cần thêm thời gian',
			by: 'u-bdbp',
			byName: 'Cán bộ BĐBP',
			at: 1000,
			status: 'open',
			decision: null
		});
		expect(readProposals({ plan, agency: bdbp, taskId: T.legal })).toEqual([]);
		// Only for a task the agency leads, with a value fitting the kind.
		expect(() =>
			propose({ plan, agency: bdbp, taskId: T.legal, kind: 'due', value: '2024-12-01', ...officer })
		).toThrow(/does not lead/);
		expect(() =>
			propose({ plan, agency: bdbp, taskId: T.border, kind: 'due', value: 'soon', ...officer })
		).toThrow(/YYYY-MM-DD/);
		expect(proposalsMap(plan).size).toBe(0);
	});

	it('reads totally: malformed entries and proposals for tasks not led are skipped and reported', () => {
		const plan = planDoc();
		const bdbp = agency(A.bdbp);
		propose({ plan, agency: bdbp, taskId: T.border, kind: 'split', value: 'Phần hai', ...officer });
		const good = {
			taskId: T.border,
			kind: 'due',
			value: '2024-12-01',
			note: '',
			by: 'x',
			byName: 'X',
			at: 5
		};
		const map = proposalsMap(bdbp);
		map.set('bad-kind', { ...good, kind: 'lead' });
		map.set('bad-value', { ...good, value: 'tomorrow' });
		map.set('not-record', 'hello');
		map.set('a y-map', new Y.Map());
		map.set('bad id', good);
		// Written by a modified client: a task Sở TT&TT leads alone.
		map.set('foreign', { ...good, taskId: T.legal });
		decisionsMap(plan).set(`${A.bdbp}/bad-kind/accepted`, { nonsense: true });
		const reports: MalformedEntry[] = [];
		setMalformedReporter((e) => reports.push(e));
		const read = readProposals({ plan, agency: bdbp });
		expect(read.map((p) => p.kind)).toEqual(['split']);
		const keys = reports.map((r) => r.key).sort();
		expect(keys).toEqual(
			[
				'proposals/a y-map',
				'proposals/bad id',
				'proposals/bad-kind',
				'proposals/bad-value',
				'proposals/foreign',
				'proposals/not-record'
			].sort()
		);
		expect(reports.find((r) => r.key === 'proposals/foreign')?.reason).toMatch(/does not lead/);
		// The foreign proposal cannot be accepted either.
		expect(() =>
			acceptProposal({ plan, agency: bdbp, proposalId: 'foreign', ...coordinator })
		).toThrow(/No proposal/);
		expect(readTask(plan, T.legal)?.due).toBe('2024-12-31');
	});

	it('accepting applies a due date, a coordinating agency and a split to the plan', () => {
		const plan = planDoc();
		const bdbp = agency(A.bdbp);
		const due = propose({
			plan,
			agency: bdbp,
			taskId: T.border,
			kind: 'due',
			value: '2024-12-20',
			...officer
		});
		const coord = propose({
			plan,
			agency: bdbp,
			taskId: T.border,
			kind: 'coordinating',
			value: A.sngv,
			...officer
		});
		const split = propose({
			plan,
			agency: bdbp,
			taskId: T.border,
			kind: 'split',
			value: 'Tuyên truyền tại đồn biên phòng',
			...officer
		});
		const ctx = { plan, agency: bdbp, ...coordinator, at: 2000 };
		expect(acceptProposal({ ...ctx, proposalId: due })).toEqual({ createdTaskId: null });
		acceptProposal({ ...ctx, proposalId: coord });
		const { createdTaskId } = acceptProposal({ ...ctx, proposalId: split });
		const task = readTask(plan, T.border)!;
		expect(task.due).toBe('2024-12-20');
		expect(task.coordinating).toEqual([A.bao, A.sngv]);
		expect(createdTaskId).toBe(splitTaskId({ agencyId: A.bdbp, id: split }));
		const created = readTask(plan, createdTaskId!)!;
		expect(created).toMatchObject({
			title: 'Tuyên truyền tại đồn biên phòng',
			lead: [A.stttt, A.bdbp],
			splitFrom: T.border
		});
		const read = readProposals({ plan, agency: bdbp });
		expect(read.map((p) => p.status)).toEqual(['accepted', 'accepted', 'accepted']);
		expect(read[0].decision).toMatchObject({
			by: 'u-coord',
			byName: 'Điều phối',
			at: 2000,
			reason: ''
		});
		// Decided once: a second acceptance is refused.
		expect(() => acceptProposal({ ...ctx, proposalId: due })).toThrow(/accepted/);
	});

	it('declining keeps the reason and changes nothing in the plan', () => {
		const plan = planDoc();
		const bdbp = agency(A.bdbp);
		const id = propose({
			plan,
			agency: bdbp,
			taskId: T.border,
			kind: 'due',
			value: '2025-01-10',
			...officer
		});
		const ctx = { plan, agency: bdbp, proposalId: id, ...coordinator };
		expect(() => declineProposal({ ...ctx, reason: '  ' })).toThrow(/reason/);
		declineProposal({ ...ctx, reason: 'Hạn báo cáo năm không lùi được', at: 3000 });
		const [read] = readProposals({ plan, agency: bdbp });
		expect(read.status).toBe('declined');
		expect(read.decision).toMatchObject({ reason: 'Hạn báo cáo năm không lùi được', at: 3000 });
		expect(readTask(plan, T.border)?.due).toBe('2024-11-10');
		expect(() => acceptProposal(ctx)).toThrow(/declined/);
	});

	it('a concurrent accept and decline converge to one decision: the accepted change', () => {
		for (let round = 0; round < 10; round++) {
			const plan = planDoc();
			const bdbp = agency(A.bdbp);
			const id = propose({
				plan,
				agency: bdbp,
				taskId: T.border,
				kind: 'due',
				value: '2024-12-24',
				...officer
			});
			const [p1, p2] = replicasOf(plan, 2);
			const [a1, a2] = replicasOf(bdbp, 2);
			if (round % 2) {
				acceptProposal({ plan: p1, agency: a1, proposalId: id, ...coordinator });
				declineProposal({
					plan: p2,
					agency: a2,
					proposalId: id,
					reason: 'Không',
					by: 'u-2',
					byName: 'B'
				});
			} else {
				declineProposal({
					plan: p1,
					agency: a1,
					proposalId: id,
					reason: 'Không',
					by: 'u-2',
					byName: 'B'
				});
				acceptProposal({ plan: p2, agency: a2, proposalId: id, ...coordinator });
			}
			sync(p1, p2);
			const reads = [p1, p2].map((plan) => readProposals({ plan, agency: bdbp })[0]);
			expect(reads[0]).toEqual(reads[1]);
			expect(reads[0].status).toBe('accepted');
			expect(reads[0].overruled).toMatchObject({ status: 'declined', reason: 'Không' });
			expect(readTask(p1, T.border)?.due).toBe('2024-12-24');
			expect(readTask(p2, T.border)?.due).toBe('2024-12-24');
		}
	});

	it('two coordinators accepting one split at once create exactly one task', () => {
		const plan = planDoc();
		const bdbp = agency(A.bdbp);
		const id = propose({
			plan,
			agency: bdbp,
			taskId: T.border,
			kind: 'split',
			value: 'Phần hai',
			...officer
		});
		const [p1, p2] = replicasOf(plan, 2);
		acceptProposal({ plan: p1, agency: bdbp, proposalId: id, ...coordinator });
		acceptProposal({ plan: p2, agency: bdbp, proposalId: id, by: 'u-2', byName: 'B' });
		sync(p1, p2);
		const titles = (doc: Y.Doc) =>
			readTasks(doc)
				.filter((t) => t.title === 'Phần hai')
				.map((t) => t.id);
		expect(titles(p1)).toEqual([splitTaskId({ agencyId: A.bdbp, id })]);
		expect(readTasks(p1)).toEqual(readTasks(p2));
	});

	it("undo of an acceptance reverts the change and reopens the proposal, never another's", () => {
		const plan = planDoc();
		const bdbp = agency(A.bdbp);
		const id = propose({
			plan,
			agency: bdbp,
			taskId: T.border,
			kind: 'due',
			value: '2024-12-24',
			...officer
		});
		const mine = Symbol('me');
		const undo = planUndoManager(plan, { origin: mine });
		acceptProposal({ plan, agency: bdbp, proposalId: id, ...coordinator, origin: mine });
		expect(readProposals({ plan, agency: bdbp })[0].status).toBe('accepted');
		undo.undo();
		expect(readTask(plan, T.border)?.due).toBe('2024-11-10');
		expect(readProposals({ plan, agency: bdbp })[0].status).toBe('open');
	});

	it('the schema shapes accept what the operations write and name the new roots', () => {
		const proposals = rootShape('agency', 'proposals');
		const decisions = rootShape('plan', 'proposalDecisions');
		expect(proposals?.kind).toBe('map');
		expect(decisions?.kind === 'map' && decisions.keys?.(`${A.bdbp}/abc/accepted`)).toBe(true);
		expect(decisions?.kind === 'map' && decisions.keys?.('abc')).toBe(false);
		const plan = planDoc();
		const bdbp = agency(A.bdbp);
		const id = propose({
			plan,
			agency: bdbp,
			taskId: T.border,
			kind: 'due',
			value: '2024-12-24',
			...officer
		});
		const each = proposals?.kind === 'map' ? proposals.each : undefined;
		expect(each?.kind === 'value' && each.problem(proposalsMap(bdbp).get(id))).toBe(null);
		expect(each?.kind === 'value' && each.problem({ taskId: T.border, kind: 'x' })).toBeTruthy();
	});
});

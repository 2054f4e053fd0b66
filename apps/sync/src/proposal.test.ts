import {
	acceptProposal,
	asAgencyId,
	asTaskId,
	propose,
	readProposals,
	readTask,
	updateTask
} from '@planboard/model';
import { describe, expect, it } from 'vitest';
import { sleep, waitFor } from '../../../tests/support/harness.js';
import { storedDoc } from '../../../tests/support/stored.js';
import { twoLaneSuite } from '../../../tests/support/sync-board.js';
import { CloseCodes } from './close-codes.js';

const PLAN = 'p1';
const BDBP = asAgencyId('bch-bdbp');
const STTTT = asAgencyId('so-tttt');
const planName = `plan/${PLAN}`;
const agencyName = (id: string) => `plan/${PLAN}/agency/${id}`;
/** OWN is led by the border guard, THEIRS by Sở TT&TT. */
const OWN = asTaskId('II.1');
const THEIRS = asTaskId('II.2');

const suite = twoLaneSuite(PLAN);
const open = (document: string, token: string) => suite.open(document, token);

const officerName = { by: 'u-bdbp', byName: 'Cán bộ BĐBP' };

describe('proposals through the sync server', () => {
	it("refuses an officer's write to the plan document: nothing stored, nobody sees it", async () => {
		const mine = open(planName, suite.officer);
		const watcher = open(planName, suite.coordinator);
		await Promise.all([mine.ready, watcher.ready]);
		expect(mine.provider.authorizedScope).toBe('readonly');
		const before = suite.server.store.updates.load(planName).updates.length;
		// A direct edit, and a forged acceptance of the officer's own proposal.
		updateTask(mine.doc, { taskId: OWN, due: '2025-06-30' });
		mine.doc.getMap('proposalDecisions').set(`${BDBP}/abc/accepted`, {
			agency: BDBP,
			proposal: 'abc',
			status: 'accepted',
			by: null,
			byName: 'giả mạo',
			at: 1,
			reason: ''
		});
		// A later coordinator write arrives, so anything relayed before it would have arrived too.
		watcher.doc.getMap('plan').set('title', 'KH (sửa)');
		await watcher.flushed();
		await waitFor(() => mine.doc.getMap('plan').get('title') === 'KH (sửa)');
		await sleep(200);
		expect(suite.server.store.updates.load(planName).updates.length).toBe(before + 1);
		const after = storedDoc(suite.server.store, planName);
		expect(readTask(after, OWN)?.due).toBe('2024-11-10');
		expect(after.getMap('proposalDecisions').size).toBe(0);
		expect(readTask(watcher.doc, OWN)?.due).toBe('2024-11-10');
	});

	it('an officer proposes on their own card; a coordinator accepts and everyone sees the change', async () => {
		const officerPlan = open(planName, suite.officer);
		const officerAgency = open(agencyName(BDBP), suite.officer);
		const coordPlan = open(planName, suite.coordinator);
		const coordAgency = open(agencyName(BDBP), suite.coordinator);
		await Promise.all([officerPlan.ready, officerAgency.ready, coordPlan.ready, coordAgency.ready]);
		expect(officerAgency.provider.authorizedScope).toBe('read-write');
		const id = propose({
			plan: officerPlan.doc,
			agency: officerAgency.doc,
			taskId: OWN,
			kind: 'due',
			value: '2024-12-20',
			note: 'Chờ kinh phí',
			...officerName
		});
		await officerAgency.flushed();
		await waitFor(
			() => readProposals({ plan: coordPlan.doc, agency: coordAgency.doc }).length === 1
		);
		expect(readProposals({ plan: coordPlan.doc, agency: coordAgency.doc })[0]).toMatchObject({
			id,
			status: 'open',
			note: 'Chờ kinh phí'
		});
		acceptProposal({
			plan: coordPlan.doc,
			agency: coordAgency.doc,
			proposalId: id,
			by: 'u-coord',
			byName: 'Điều phối'
		});
		await coordPlan.flushed();
		await waitFor(() => readTask(officerPlan.doc, OWN)?.due === '2024-12-20');
		expect(readProposals({ plan: officerPlan.doc, agency: officerAgency.doc })[0].status).toBe(
			'accepted'
		);
		const stored = storedDoc(suite.server.store, planName);
		const storedAgency = storedDoc(suite.server.store, agencyName(BDBP));
		expect(readTask(stored, OWN)?.due).toBe('2024-12-20');
		expect(readProposals({ plan: stored, agency: storedAgency })[0].decision).toMatchObject({
			byName: 'Điều phối'
		});
	});

	it("a proposal is only ever the officer's own agency's: another agency's document refuses it, another agency's task is ignored", async () => {
		const plan = open(planName, suite.officer);
		const own = open(agencyName(BDBP), suite.officer);
		const theirs = open(agencyName(STTTT), suite.officer);
		const coordPlan = open(planName, suite.coordinator);
		const coordOwn = open(agencyName(BDBP), suite.coordinator);
		const coordTheirs = open(agencyName(STTTT), suite.coordinator);
		await Promise.all([plan, own, theirs, coordPlan, coordOwn, coordTheirs].map((c) => c.ready));
		expect(theirs.provider.authorizedScope).toBe('readonly');
		// In Sở TT&TT's document, about their task: the connection is read-only.
		propose({
			plan: plan.doc,
			agency: theirs.doc,
			taskId: THEIRS,
			kind: 'due',
			value: '2025-01-01',
			...officerName
		});
		// In its own document, about Sở TT&TT's task: what a modified client could write.
		own.doc.getMap('proposals').set('foreign', {
			taskId: THEIRS,
			kind: 'due',
			value: '2025-01-01',
			note: '',
			by: 'u-bdbp',
			byName: 'Cán bộ BĐBP',
			at: Date.now()
		});
		await own.flushed();
		await sleep(200);
		expect(storedDoc(suite.server.store, agencyName(STTTT)).getMap('proposals').size).toBe(0);
		expect(coordTheirs.doc.getMap('proposals').size).toBe(0);
		await waitFor(() => coordOwn.doc.getMap('proposals').size === 1);
		expect(readProposals({ plan: coordPlan.doc, agency: coordOwn.doc })).toEqual([]);
		expect(() =>
			acceptProposal({
				plan: coordPlan.doc,
				agency: coordOwn.doc,
				proposalId: 'foreign',
				byName: 'Điều phối'
			})
		).toThrow(/No proposal/);
		expect(readTask(storedDoc(suite.server.store, planName), THEIRS)?.due).toBe('2024-10-01');
	});

	it('refuses a malformed proposal with 4422 before it is stored', async () => {
		const own = open(agencyName(BDBP), suite.officer);
		await own.ready;
		const before = suite.server.store.updates.load(agencyName(BDBP)).updates.length;
		const closed = new Promise<number>((resolve) =>
			own.socket.on('close', ({ event }: { event: { code: number } }) => resolve(event.code))
		);
		own.doc.getMap('proposals').set('x1', { taskId: OWN, kind: 'lead', value: STTTT });
		expect(await closed).toBe(CloseCodes.InvalidUpdate.code);
		own.destroy();
		await sleep(100);
		expect(suite.server.store.updates.load(agencyName(BDBP)).updates.length).toBe(before);
	});
});

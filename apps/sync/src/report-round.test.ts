import {
	asAgencyId,
	asTaskId,
	draftReport,
	openRound,
	readRounds,
	readSubmission,
	submitReport
} from '@planboard/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sleep, waitFor, type Client } from '../../../tests/support/harness.js';
import { sendRawUpdate } from '../../../tests/support/raw-session.js';
import { storedDoc } from '../../../tests/support/stored.js';
import { twoLaneSuite } from '../../../tests/support/sync-board.js';
import { CloseCodes } from './close-codes.js';

const PLAN = 'p1';
const BDBP = asAgencyId('bch-bdbp');
const STTTT = asAgencyId('so-tttt');
const planName = `plan/${PLAN}`;
const agencyName = (id: string) => `plan/${PLAN}/agency/${id}`;
/** The border guard's own task (twoLaneBoard). */
const OWN = asTaskId('II.1');

const suite = twoLaneSuite(PLAN);
const open = (document: string, token: string) => suite.open(document, token);

const officerName = { by: 'u-bdbp', byName: 'Cán bộ BĐBP' };
const empty = { difficulties: '', proposals: '' };

/** A round asking both agencies, opened by the coordinator and seen by `watchers`. */
async function openedRound(coordPlan: Client, ...watchers: Client[]): Promise<string> {
	const id = openRound({
		plan: coordPlan.doc,
		title: 'Báo cáo 6 tháng',
		due: '2024-11-10',
		agencies: [BDBP, STTTT],
		by: 'u-coord',
		byName: 'Điều phối'
	});
	await coordPlan.flushed();
	for (const w of watchers) await waitFor(() => readRounds(w.doc).length === 1);
	return id;
}

describe('reporting rounds through the sync server', () => {
	it('an officer cannot open a round: the plan document refuses it, nothing is stored', async () => {
		const mine = open(planName, suite.officer);
		const watcher = open(planName, suite.coordinator);
		await Promise.all([mine.ready, watcher.ready]);
		expect(mine.provider.authorizedScope).toBe('readonly');
		const before = suite.server.store.updates.load(planName).updates.length;
		openRound({
			plan: mine.doc,
			title: 'Báo cáo tự mở',
			due: '2024-11-10',
			agencies: [BDBP],
			...officerName
		});
		// A later coordinator write arrives, so anything relayed before it would have arrived too.
		watcher.doc.getMap('plan').set('title', 'KH (sửa)');
		await watcher.flushed();
		await waitFor(() => mine.doc.getMap('plan').get('title') === 'KH (sửa)');
		await sleep(200);
		expect(suite.server.store.updates.load(planName).updates.length).toBe(before + 1);
		expect(readRounds(storedDoc(suite.server.store, planName))).toEqual([]);
		expect(readRounds(watcher.doc)).toEqual([]);
	});

	it('an officer submits for their own agency, and cannot for another', async () => {
		const plan = open(planName, suite.officer);
		const own = open(agencyName(BDBP), suite.officer);
		const theirs = open(agencyName(STTTT), suite.officer);
		const coordPlan = open(planName, suite.coordinator);
		const coordOwn = open(agencyName(BDBP), suite.coordinator);
		const coordTheirs = open(agencyName(STTTT), suite.coordinator);
		await Promise.all([plan, own, theirs, coordPlan, coordOwn, coordTheirs].map((c) => c.ready));
		const roundId = await openedRound(coordPlan, plan);
		expect(theirs.provider.authorizedScope).toBe('readonly');
		const before = suite.server.store.updates.load(agencyName(STTTT)).updates.length;
		// For Sở TT&TT, in its document: the connection is read-only, so it never leaves.
		submitReport({
			plan: plan.doc,
			agency: theirs.doc,
			roundId,
			rows: [],
			...empty,
			...officerName
		});
		const draft = draftReport({ plan: plan.doc, agency: own.doc, roundId });
		expect(draft.rows.map((r) => r.taskId)).toEqual([OWN]);
		submitReport({
			plan: plan.doc,
			agency: own.doc,
			roundId,
			rows: draft.rows,
			difficulties: 'Địa bàn rộng',
			proposals: '',
			...officerName
		});
		await own.flushed();
		await waitFor(
			() => readSubmission({ plan: coordPlan.doc, agency: coordOwn.doc, roundId }) !== null
		);
		await sleep(200);
		const stored = readSubmission({
			plan: storedDoc(suite.server.store, planName),
			agency: storedDoc(suite.server.store, agencyName(BDBP)),
			roundId
		});
		expect(stored).toMatchObject({
			agencyId: BDBP,
			difficulties: 'Địa bàn rộng',
			byName: 'Cán bộ BĐBP'
		});
		expect(suite.server.store.updates.load(agencyName(STTTT)).updates.length).toBe(before);
		expect(readSubmission({ plan: coordPlan.doc, agency: coordTheirs.doc, roundId })).toBeNull();
	});

	it('refuses a wrong-shaped submission with 4422 before it is stored', async () => {
		const own = open(agencyName(BDBP), suite.officer);
		await own.ready;
		const before = suite.server.store.updates.load(agencyName(BDBP)).updates.length;
		const closed = new Promise<number>((resolve) =>
			own.socket.on('close', ({ event }: { event: { code: number } }) => resolve(event.code))
		);
		own.doc.getMap('reportSubmissions').set('r1', {
			rows: [{ taskId: OWN, status: 'finished', progress: 100, result: '' }],
			difficulties: '',
			proposals: '',
			submittedAt: Date.now(),
			by: 'u-bdbp',
			byName: 'Cán bộ BĐBP'
		});
		expect(await closed).toBe(CloseCodes.InvalidUpdate.code);
		own.destroy();
		await sleep(100);
		expect(suite.server.store.updates.load(agencyName(BDBP)).updates.length).toBe(before);
	});

	it("stamps a submission with the server's clock: a forged time cannot make a late report on time", async () => {
		const coordPlan = open(planName, suite.coordinator);
		const coordOwn = open(agencyName(BDBP), suite.coordinator);
		await Promise.all([coordPlan.ready, coordOwn.ready]);
		// Due 10/11/2024, long past: any report the server receives now is late.
		const roundId = await openedRound(coordPlan);
		const started = Date.now();
		// A raw client writes the report with a time of its choosing, before the due date.
		const forged = Date.parse('2024-11-01T02:00:00Z');
		const local = storedDoc(suite.server.store, agencyName(BDBP));
		const before = Y.encodeStateVector(local);
		local.getMap('reportSubmissions').set(roundId, {
			rows: [{ taskId: OWN, status: 'done', progress: 100, result: 'Xong' }],
			difficulties: '',
			proposals: '',
			submittedAt: forged,
			by: 'u-bdbp',
			byName: 'Cán bộ BĐBP'
		});
		const sent = await sendRawUpdate({
			url: suite.server.url,
			document: agencyName(BDBP),
			token: suite.officer,
			update: Y.encodeStateAsUpdate(local, before)
		});
		expect(sent).toMatchObject({ acked: true, code: null });
		const read = (agency: Y.Doc) => readSubmission({ plan: coordPlan.doc, agency, roundId });
		// Every replica converges on the server's time, and the store holds it.
		await waitFor(() => (read(coordOwn.doc)?.submittedAt ?? forged) !== forged);
		const seen = read(coordOwn.doc)!;
		expect(seen.submittedAt).toBeGreaterThanOrEqual(started);
		expect(seen.submittedAt).toBeLessThanOrEqual(Date.now());
		expect(seen.late).toBe(true);
		expect(seen.rows[0].result).toBe('Xong');
		await waitFor(
			() => (read(storedDoc(suite.server.store, agencyName(BDBP)))?.submittedAt ?? 0) >= started
		);
		expect(read(storedDoc(suite.server.store, agencyName(BDBP)))?.late).toBe(true);
	});
});

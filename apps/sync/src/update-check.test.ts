import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	connect,
	insertPlan,
	startSyncServer,
	tempDir,
	userWithToken,
	waitFor,
	type Client,
	type TestServer
} from '../../../tests/support/harness.js';
import { sendRawUpdate } from '../../../tests/support/raw-session.js';
import { storedDoc } from '../../../tests/support/stored.js';
import { CloseCodes } from './close-codes.js';
import { updateProblem } from './extensions/update-check.js';

const DOC = 'plan/p1/agency/a1';

let server: TestServer;
let token = '';
const tmp = tempDir('planboard-update-check-');
const clients: Client[] = [];

beforeAll(async () => {
	server = await startSyncServer({ databasePath: `${tmp.dir}/planboard.db` });
	insertPlan(server.store, 'p1', ['a1']);
	({ token } = await userWithToken(server.store, { username: 'coord', role: 'coordinator' }));
	const writer = connect({ url: server.url, document: DOC, token });
	clients.push(writer);
	await writer.ready;
	writer.doc.getText('notes').insert(0, 'Báo cáo quý IV');
	await writer.flushed();
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await server.close();
	tmp.cleanup();
});

const sendUpdate = (update: Uint8Array) =>
	sendRawUpdate({ url: server.url, document: DOC, token, update });

/** An update that builds on what the server holds: the ordinary case. */
function editOnServerState(text: string): { valid: Uint8Array; server: Y.Doc } {
	const copy = storedDoc(server.store, DOC);
	const before = Y.encodeStateVector(copy);
	copy.getText('notes').insert(0, text);
	return { valid: Y.encodeStateAsUpdate(copy, before), server: copy };
}

describe('a malformed Yjs update', () => {
	it('is acknowledged and stored when it is well-formed (the raw session is right)', async () => {
		const { valid } = editOnServerState('Hợp lệ: ');
		const result = await sendUpdate(valid);
		expect(result).toEqual({ acked: true, code: null });
		await waitFor(() =>
			storedDoc(server.store, DOC).getText('notes').toString().startsWith('Hợp lệ')
		);
		expect(storedDoc(server.store, DOC).getText('notes').toString()).toBe('Hợp lệ: Báo cáo quý IV');
	});

	it.each([
		['truncated', () => editOnServerState('cắt cụt').valid.slice(0, -3)],
		['random bytes', () => Uint8Array.from({ length: 40 }, (_, i) => (i * 37 + 11) & 255)]
	])('%s: is refused with close code 4400, never acknowledged nor stored', async (_, make) => {
		const rows = server.store.updates.load(DOC).updates.length;
		const notes = storedDoc(server.store, DOC).getText('notes').toString();
		const result = await sendUpdate(make());
		expect(result).toEqual({ acked: false, code: CloseCodes.MalformedMessage.code });
		expect(server.store.updates.load(DOC).updates.length).toBe(rows);
		expect(storedDoc(server.store, DOC).getText('notes').toString()).toBe(notes);
		expect(clients[0].doc.getText('notes').toString()).toBe(notes);
	});
});

describe('an update built on items the server does not have yet', () => {
	it('is parked, not refused, and stored with its missing part once that arrives (as in a reconnect)', async () => {
		// The part the server lacks, then the edit that builds on it.
		const { valid: first, server: copy } = editOnServerState('trước ');
		const afterFirst = Y.encodeStateVector(copy);
		copy.getText('notes').insert(0, 'sau ');
		const dependent = Y.encodeStateAsUpdate(copy, afterFirst);
		const before = storedDoc(server.store, DOC).getText('notes').toString();

		const parked = await sendUpdate(dependent);
		expect(parked.code).toBeNull();
		expect(storedDoc(server.store, DOC).getText('notes').toString()).toBe(before);

		const filled = await sendUpdate(first);
		expect(filled).toEqual({ acked: true, code: null });
		const want = `sau trước ${before}`;
		await waitFor(() => storedDoc(server.store, DOC).getText('notes').toString() === want);
		await waitFor(() => clients[0].doc.getText('notes').toString() === want);
		expect(storedDoc(server.store, DOC).getText('notes').toString()).toBe(want);
	});
});

describe('updateProblem', () => {
	it('accepts any decodable update, including one that repeats what a document holds', () => {
		const doc = new Y.Doc();
		doc.getMap('m').set('a', 1);
		expect(updateProblem(Y.encodeStateAsUpdate(doc))).toBeNull();
		expect(updateProblem(Y.encodeStateAsUpdate(doc).slice(0, -3))).toMatch(/^undecodable/);
	});
});

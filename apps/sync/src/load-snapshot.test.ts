import { initAgencyDoc, setProgress, asAgencyId, asTaskId } from '@planboard/model';
import { docFromStored } from '@planboard/boards/documents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	connect,
	insertPlan,
	startSyncServer,
	tempDir,
	userWithToken,
	waitFor,
	type TestServer
} from '../../../tests/support/harness.js';

// A document stored as a long log and no snapshot (a board imported without the server, or a
// server stopped before it snapshotted) is snapshotted right after its first load, even when
// nobody edits it: Hocuspocus stores only changed documents, so every later load paid the tail.
const DOC = 'plan/p1/agency/a1';
const SNAPSHOT_AFTER = 20;

const tmp = tempDir('planboard-load-snapshot-');
let server: TestServer;
let token = '';

beforeAll(async () => {
	server = await startSyncServer({
		databasePath: `${tmp.dir}/planboard.db`,
		durableLog: { snapshotAfter: SNAPSHOT_AFTER }
	});
	insertPlan(server.store, 'p1', ['a1']);
	({ token } = await userWithToken(server.store, { username: 'coord', role: 'coordinator' }));
});

afterAll(async () => {
	await server.close();
	tmp.cleanup();
});

/** The document's log as users make it: its initial state, then one update per card edit. */
function storeLog(edits: number): Y.Doc {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	const taskIds = ['t1', 't2', 't3'].map(asTaskId);
	initAgencyDoc(doc, { agencyId: asAgencyId('a1'), taskIds });
	for (let i = 0; i < edits; i++)
		setProgress(doc, { taskId: taskIds[i % 3], progress: i, by: 'u1', at: 1_700_000_000_000 + i });
	server.store.updates.appendMany(
		updates.map((update) => ({ document: DOC, update, userId: null }))
	);
	return doc;
}

describe('a long log tail is snapshotted at load', () => {
	it('writes a snapshot after the first load of a log-only document, without any edit', async () => {
		const written = storeLog(SNAPSHOT_AFTER + 5);
		const before = server.store.updates.load(DOC);
		expect(before.snapshot).toBeNull();
		expect(before.updates.length).toBeGreaterThan(SNAPSHOT_AFTER);

		const reader = connect({ url: server.url, document: DOC, token });
		await reader.ready;
		await waitFor(() => server.store.updates.load(DOC).snapshot !== null, 10_000, 'a snapshot');
		reader.destroy();

		const after = server.store.updates.load(DOC);
		// The snapshot covers every row: nothing is left to apply one by one on the next load.
		expect(after.updates).toEqual([]);
		const fromSnapshot = docFromStored({ snapshot: after.snapshot, updates: [] });
		expect(Y.encodeStateVector(fromSnapshot)).toEqual(Y.encodeStateVector(written));
		expect(fromSnapshot.getMap('cards').toJSON()).toEqual(written.getMap('cards').toJSON());
	});
});

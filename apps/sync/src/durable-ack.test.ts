import { MessageType } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	connect,
	insertPlan,
	sleep,
	startSyncServer,
	tempDir,
	userWithToken,
	waitFor,
	type Client,
	type TestServer
} from '../../../tests/support/harness.js';
import { storedDoc } from '../../../tests/support/stored.js';
import { CloseCodes } from './close-codes.js';
import { ON_POSTGRES } from '../../../tests/support/test-database.js';

// Two documents, so one held group spans documents as the group commit promises.
const DOCS = ['plan/p1/agency/a1', 'plan/p1/agency/a2'];
const WRITERS_PER_DOC = 3;

const tmp = tempDir('planboard-durable-ack-');
let server: TestServer;
let token = '';
const clients: Client[] = [];

/** The group committer's test seam: while `held` is set, every commit waits for it. */
let held: Promise<void> | null = null;
let holds = 0;
function holdCommits(): () => void {
	let release: () => void = () => {};
	held = new Promise<void>((resolve) => (release = resolve));
	return () => {
		held = null;
		release();
	};
}

beforeAll(async () => {
	server = await startSyncServer({
		databasePath: `${tmp.dir}/planboard.db`,
		groupCommit: {
			holdCommitForTest: async () => {
				if (!held) return;
				holds++;
				await held;
			}
		}
	});
	insertPlan(server.store, 'p1', ['a1', 'a2']);
	({ token } = await userWithToken(server.store, { username: 'coord', role: 'coordinator' }));
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await server.close();
	tmp.cleanup();
});

/** What the server holds in memory for a document (applied, stored or not). */
const inMemory = (document: string, key: string) =>
	server.sync.hocuspocus.documents.get(document)?.getMap('meta').get(key);

const stored = (document: string, key: string) =>
	storedDoc(server.store, document).getMap('meta').get(key);

function open(document: string): Client {
	const c = connect({ url: server.url, document, token });
	clients.push(c);
	return c;
}

describe('acknowledgement order', () => {
	it('acknowledges no update before the transaction that stores it has committed', async () => {
		const writers = DOCS.flatMap((document) =>
			Array.from({ length: WRITERS_PER_DOC }, (_, i) => ({
				document,
				key: `w${i}`,
				c: open(document)
			}))
		);
		const readers = DOCS.map((document) => open(document));
		await Promise.all([...writers, ...readers.map((c) => ({ c }))].map(({ c }) => c.ready));

		const release = holdCommits();
		for (const w of writers) w.c.doc.getMap('meta').set(w.key, `${w.document} ${w.key}`);
		// Every update reached the server and was applied there, inside the held group...
		await waitFor(
			() => writers.every((w) => inMemory(w.document, w.key) === `${w.document} ${w.key}`),
			10_000,
			'the server to apply every update'
		);
		// ...and had ample time to be acknowledged, were acknowledgements not held.
		await sleep(300);
		expect(holds).toBeGreaterThan(0);
		for (const w of writers) {
			expect(w.c.provider.unsyncedChanges).toBeGreaterThan(0);
			expect(stored(w.document, w.key)).toBeUndefined();
		}
		// Readers have them already: only a sender waits for its own commit (AckGate says why).
		for (const w of writers)
			expect(readers[DOCS.indexOf(w.document)].doc.getMap('meta').get(w.key)).toBe(
				`${w.document} ${w.key}`
			);

		release();
		await Promise.all(writers.map((w) => w.c.flushed()));
		for (const w of writers) expect(stored(w.document, w.key)).toBe(`${w.document} ${w.key}`);
	});

	it("sends readers an update while its commit is held, and queues all of a sender's frames behind its acknowledgement", async () => {
		const document = DOCS[0];
		const [first, second, reader] = [open(document), open(document), open(document)];
		await Promise.all([first.ready, second.ready, reader.ready]);
		// What reaches the first writer's socket, in order: each frame's message type.
		const types: number[] = [];
		first.socket.on('message', ({ data }: { data: ArrayBuffer | Uint8Array }) => {
			const decoder = decoding.createDecoder(new Uint8Array(data));
			decoding.readVarString(decoder);
			types.push(decoding.readVarUint(decoder));
		});

		const release = holdCommits();
		first.doc.getMap('meta').set('first', 'một');
		await waitFor(() => reader.doc.getMap('meta').get('first') === 'một', 10_000, 'the reader');
		const before = types.length;
		second.doc.getMap('meta').set('second', 'hai');
		await waitFor(() => reader.doc.getMap('meta').get('second') === 'hai', 10_000, 'the reader');
		await sleep(300);
		// The reader has both while neither sender is acknowledged nor stored...
		for (const [writer, key] of [
			[first, 'first'],
			[second, 'second']
		] as const) {
			expect(writer.provider.unsyncedChanges).toBeGreaterThan(0);
			expect(stored(document, key)).toBeUndefined();
		}
		// ...and the first writer got nothing meanwhile, not even the second writer's update.
		expect(types.length).toBe(before);
		expect(first.doc.getMap('meta').has('second')).toBe(false);

		release();
		await Promise.all([first.flushed(), second.flushed()]);
		await waitFor(() => first.doc.getMap('meta').has('second'), 5000, 'the first writer');
		// As Hocuspocus sent them: its acknowledgement first, then the broadcasts queued behind it.
		const after = types.slice(before).filter((t) => t !== MessageType.Awareness);
		expect(after[0]).toBe(MessageType.SyncStatus);
		expect(after.slice(1)).toContain(MessageType.Sync);
		expect(stored(document, 'first')).toBe('một');
		expect(stored(document, 'second')).toBe('hai');
	});

	it('holds the acknowledgement of an update the document already holds uncommitted', async () => {
		const document = DOCS[1];
		const [a, b] = [open(document), open(document)];
		await Promise.all([a.ready, b.ready]);
		const release = holdCommits();
		// The same change sent by two clients: whichever the server applies second changes
		// nothing, and its acknowledgement would say "stored" while the first one's commit waits.
		a.doc.getMap('meta').set('twice', 'hai lần');
		Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)));
		await waitFor(() => inMemory(document, 'twice') === 'hai lần', 10_000, 'the server');
		await sleep(300);
		expect(a.provider.unsyncedChanges).toBeGreaterThan(0);
		expect(b.provider.unsyncedChanges).toBeGreaterThan(0);
		expect(stored(document, 'twice')).toBeUndefined();

		release();
		await Promise.all([a.flushed(), b.flushed()]);
		expect(stored(document, 'twice')).toBe('hai lần');
	});

	// The refusal is a full disk played by capping the SQLite file's pages, which PostgreSQL has
	// no equivalent of; refused writes on PostgreSQL (server gone) are tests/pg-outage.test.ts's.
	it.skipIf(ON_POSTGRES)(
		'never acknowledges a refused group, in any of its documents, and stores the retries',
		async () => {
			const [a, b] = DOCS.map((document) => open(document));
			await Promise.all([a.ready, b.ready]);
			const codes = [a, b].map(
				(c) =>
					new Promise<number>((resolve) =>
						c.socket.on('close', ({ event }: { event: { code: number } }) => resolve(event.code))
					)
			);

			const release = holdCommits();
			a.doc.getMap('meta').set('small', 'nhỏ');
			b.doc.getMap('meta').set('big', 'x'.repeat(60_000));
			await waitFor(
				() => inMemory(DOCS[0], 'small') === 'nhỏ' && typeof inMemory(DOCS[1], 'big') === 'string',
				10_000,
				'the server to apply both updates'
			);
			// The file may not grow: the group needs a new page, so its one transaction fails whole.
			server.store.maintenance.setMaxPageCount(server.store.maintenance.pageCount());
			release();
			expect(await Promise.all(codes)).toEqual([
				CloseCodes.StorageFailed.code,
				CloseCodes.StorageFailed.code
			]);
			expect(a.provider.hasUnsyncedChanges).toBe(true);
			expect(b.provider.hasUnsyncedChanges).toBe(true);
			expect(stored(DOCS[0], 'small')).toBeUndefined();
			expect(stored(DOCS[1], 'big')).toBeUndefined();

			// Space again: both providers reconnect, offer their updates again, and are stored.
			server.store.maintenance.setMaxPageCount(undefined);
			await waitFor(
				() => [a, b].every((c) => c.provider.isSynced && !c.provider.hasUnsyncedChanges),
				30_000,
				'the refused updates to be stored on retry'
			);
			expect(stored(DOCS[0], 'small')).toBe('nhỏ');
			expect((stored(DOCS[1], 'big') as string).length).toBe(60_000);
		},
		60_000
	);
});

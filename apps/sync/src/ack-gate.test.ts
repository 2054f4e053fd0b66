import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sqliteDocumentStore } from '@planboard/boards/documents';
import type { Store } from '@planboard/store';
import { WebSocket, WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { sleep, tempDir, waitFor } from '../../../tests/support/harness.js';
import { AckGate } from './ack-gate.js';
import { CloseCodes } from './close-codes.js';
import { GroupCommitter } from './group-commit.js';
import { ON_POSTGRES, openTestStore } from '../../../tests/support/test-database.js';

const tmp = tempDir('planboard-ack-gate-');
let wss: WebSocketServer;
let store: Store;
let files = 0;
const opened: WebSocket[] = [];

beforeAll(async () => {
	wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
	await new Promise<void>((resolve) => wss.once('listening', resolve));
});
afterAll(async () => {
	await new Promise<void>((resolve) => wss.close(() => resolve()));
	tmp.cleanup();
});
beforeEach(() => {
	store = openTestStore({ path: `${tmp.dir}/${++files}.db` });
});
afterEach(() => {
	for (const socket of opened.splice(0)) socket.close();
	store.close();
});

/** A real client socket and its server side; `received` lists the frames the client got. */
async function pair(): Promise<{ server: WebSocket; received: string[]; closed: Promise<number> }> {
	const accepted = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
	const { port } = wss.address() as AddressInfo;
	const client = new WebSocket(`ws://127.0.0.1:${port}`);
	opened.push(client);
	const received: string[] = [];
	client.on('message', (data: Buffer) => received.push(data.toString()));
	const closed = new Promise<number>((resolve) => client.on('close', resolve));
	await new Promise((resolve) => client.once('open', resolve));
	return { server: await accepted, received, closed };
}

const frame = (text: string) => new TextEncoder().encode(text);

function edit(text: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getText('note').insert(0, text);
	return Y.encodeStateAsUpdate(doc);
}

/** The server's wiring (server.ts) with the committer's test seam: commits wait for `release`. */
function heldGate() {
	let release: () => void = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	const committer = new GroupCommitter({
		documents: sqliteDocumentStore(store),
		holdCommitForTest: () => held
	});
	const gate = new AckGate((socket) => committer.holds(socket));
	committer.onSettled(() => gate.release());
	return { committer, gate, release };
}

describe('AckGate', () => {
	it("holds only the sender's frames until its update commits; other sockets get theirs at once", async () => {
		const { committer, gate, release } = heldGate();
		const writer = await pair();
		const reader = await pair();
		const [toWriter, toReader] = [gate.wrap(writer.server), gate.wrap(reader.server)];

		committer.add({ document: 'd', update: edit('a'), author: null }, () => {}, writer.server);
		toWriter.send(frame('ack'));
		toReader.send(frame('update'));
		toWriter.send(frame('echo'));
		await waitFor(() => reader.received.length === 1, 5000, 'the reader to get the update');
		await sleep(100);
		expect(reader.received).toEqual(['update']);
		expect(writer.received).toEqual([]);
		expect(gate.heldFrames).toBe(2);
		expect(store.updates.history({ document: 'd', limit: 10 })).toHaveLength(0);

		release();
		await committer.flush();
		expect(store.updates.history({ document: 'd', limit: 10 })).toHaveLength(1);
		await waitFor(() => writer.received.length === 2, 5000, 'the writer to get its frames');
		expect(writer.received).toEqual(['ack', 'echo']);
		expect(gate.heldFrames).toBe(0);
	});

	it("keeps a socket's frames in order: once it has held frames, later ones queue behind them", async () => {
		const committer = new GroupCommitter({ documents: sqliteDocumentStore(store) });
		// Not released on settle, so a frame can be sent between the commit and the release.
		const gate = new AckGate((socket) => committer.holds(socket));
		const writer = await pair();
		const toWriter = gate.wrap(writer.server);

		committer.add({ document: 'd', update: edit('a'), author: null }, () => {}, writer.server);
		toWriter.send(frame('1'));
		await committer.flush();
		expect(committer.holds(writer.server)).toBe(false);
		toWriter.send(frame('2'));
		await sleep(100);
		expect(writer.received).toEqual([]);
		expect(gate.heldFrames).toBe(2);

		gate.release();
		toWriter.send(frame('3'));
		await waitFor(() => writer.received.length === 3, 5000, 'the writer to get its frames');
		expect(writer.received).toEqual(['1', '2', '3']);
	});

	// The disk fills by capping the SQLite file at its pages (maintenance.setMaxPageCount); there is
	// no such cap on PostgreSQL, whose DISK_FULL mapping is tested in packages/store's errors.test.
	it.skipIf(ON_POSTGRES)(
		'sends nothing held to a sender closed because the disk refused its update',
		async () => {
			const { committer, gate, release } = heldGate();
			const writer = await pair();
			const reader = await pair();
			const [toWriter, toReader] = [gate.wrap(writer.server), gate.wrap(reader.server)];

			// As the durable log does: the refused update's sender is closed in its outcome.
			committer.add(
				{ document: 'd', update: edit('x'.repeat(50_000)), author: null },
				(outcome) => {
					if ('error' in outcome)
						writer.server.close(CloseCodes.StorageFailed.code, CloseCodes.StorageFailed.reason);
				},
				writer.server
			);
			toWriter.send(frame('ack'));
			toReader.send(frame('update'));
			store.maintenance.setMaxPageCount(store.maintenance.pageCount());
			release();
			await committer.flush();
			store.maintenance.setMaxPageCount(undefined);

			expect(await writer.closed).toBe(CloseCodes.StorageFailed.code);
			expect(writer.received).toEqual([]);
			await waitFor(() => reader.received.length === 1, 5000, 'the reader to get the update');
			expect(reader.received).toEqual(['update']);
			expect(gate.heldFrames).toBe(0);
		}
	);
});

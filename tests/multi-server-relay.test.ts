// Two sync servers relay stored content only (issue 19, Failure): a server answers another's
// request for its state once its own clients' updates in that document have committed. Answered
// earlier, a server killed before its commit left its client's update in the other server's
// memory only, unlogged there, and the client, reconnecting to that server, found nothing missing
// and counted it as stored (tests/multi-server-kill9.test.ts found it in CI). Real servers over one
// database and a real redis-server, watched by a raw subscriber to every Planboard channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis as IORedis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import { planDocName } from '@planboard/model';
import { messageYjsSyncStep1, messageYjsSyncStep2 } from 'y-protocols/sync';
import * as Y from 'yjs';
import {
	connect,
	sleep,
	startSyncServer,
	tempDir,
	userWithToken,
	waitFor,
	type Client,
	type TestServer
} from './support/harness.js';
import { startRedis, type RedisHarness } from './support/redis.js';
import { storedDoc } from './support/stored.js';
import { storeTestBoard, twoLaneBoard } from './support/sync-board.js';

const DOC = planDocName('p1');
const tmp = tempDir();
const clients: Client[] = [];
let redis: RedisHarness;
let spy: IORedis;
let a: TestServer;
let b: TestServer;
let token = '';

/** Server A's commits wait on this while it is set. */
let held: Promise<void> | null = null;
let release = () => {};

/** One message seen on a Planboard channel: who sent it, its sync step, its update if it has one. */
interface Seen {
	sender: string;
	channel: string;
	step: number | null;
	update: Uint8Array | null;
}
const seen: Seen[] = [];

function read(channel: string, data: Buffer): Seen {
	const sender = data.toString('utf-8', 1, data[0] + 1);
	const decoder = decoding.createDecoder(data.subarray(data[0] + 1));
	decoding.readVarString(decoder);
	const type = decoding.readVarUint(decoder);
	// Sync (0) and SyncReply (4) carry a sync step; awareness and the rest none.
	const step = type === 0 || type === 4 ? decoding.readVarUint(decoder) : null;
	const update =
		step === null || step === messageYjsSyncStep1 ? null : decoding.readVarUint8Array(decoder);
	return { sender, channel, step, update };
}

/** Whether an update holds the value (decoded, not applied: a diff lacks what it builds on). */
const holds = (update: Uint8Array | null, value: string) =>
	update !== null &&
	Y.decodeUpdate(update).structs.some(
		(struct) => struct instanceof Y.Item && struct.content.getContent().includes(value)
	);
const inMemory = (server: TestServer) =>
	server.sync.hocuspocus.documents.get(DOC)?.getMap('plan').get('title');

beforeAll(async () => {
	redis = await startRedis();
	spy = new IORedis(redis.url);
	spy.on('pmessageBuffer', (_pattern: Buffer, channel: Buffer, data: Buffer) => {
		// The cluster's own events (revocations, changed documents) are not sync messages.
		try {
			seen.push(read(channel.toString(), data));
		} catch {
			// not a Hocuspocus message
		}
	});
	await spy.psubscribe('planboard*');
	const options = { databasePath: `${tmp.dir}/planboard.db`, redisUrl: redis.url };
	a = await startSyncServer({
		...options,
		groupCommit: { holdCommitForTest: async () => void (await held) }
	});
	b = await startSyncServer(options);
	storeTestBoard(a.store, twoLaneBoard('p1'));
	({ token } = await userWithToken(a.store, { username: 'coord', role: 'coordinator' }));
});

afterAll(async () => {
	release();
	for (const c of clients) c.destroy();
	await Promise.all([a.close(), b.close()]);
	spy.disconnect();
	await redis.close();
	tmp.cleanup();
});

describe('the Redis relay between two servers', () => {
	it('answers another server’s request for its state only once its client’s update is stored', async () => {
		const onA = connect({ url: a.url, document: DOC, token });
		const onB = connect({ url: b.url, document: DOC, token });
		clients.push(onA, onB);
		await Promise.all([onA.ready, onB.ready]);
		const idA = a.sync.cluster!.identifier;
		const idB = b.sync.cluster!.identifier;

		// Not held: a write on A reaches B.
		onA.doc.getMap('plan').set('title', 'KH 1');
		await waitFor(() => onB.doc.getMap('plan').get('title') === 'KH 1', 5000, 'KH 1 on B');

		// Held: A applies the write and announces its new state; B asks for what it lacks.
		held = new Promise<void>((resolve) => (release = resolve));
		const from = seen.length;
		onA.doc.getMap('plan').set('title', 'KH 2');
		await waitFor(() => inMemory(a) === 'KH 2', 5000, 'KH 2 in A’s memory, not stored');
		await waitFor(
			() =>
				seen
					.slice(from)
					.some(
						(m) =>
							m.sender === idB &&
							m.step === messageYjsSyncStep1 &&
							m.channel.endsWith(`reply:${idA}`)
					),
			5000,
			'B to ask A for its state'
		);
		// The question stays unanswered while the write is not stored: no message carries it, and
		// neither B's memory nor B's client has it.
		await sleep(300);
		const carried = seen
			.slice(from)
			.filter((m) => m.step === messageYjsSyncStep2 && holds(m.update, 'KH 2'));
		expect(carried).toEqual([]);
		expect(inMemory(b)).toBe('KH 1');
		expect(storedDoc(a.store, DOC).getMap('plan').get('title')).toBe('KH 1');

		// Stored, then relayed: when B's memory first holds it, the database already does.
		let storedWhenRelayed: unknown = null;
		b.sync.hocuspocus.documents.get(DOC)!.on('update', () => {
			if (inMemory(b) === 'KH 2' && storedWhenRelayed === null)
				storedWhenRelayed = storedDoc(b.store, DOC).getMap('plan').get('title');
		});
		held = null;
		release();
		await waitFor(() => onB.doc.getMap('plan').get('title') === 'KH 2', 5000, 'KH 2 on B');
		expect(storedWhenRelayed).toBe('KH 2');
		expect(
			seen.some(
				(m) => m.sender === idA && m.step === messageYjsSyncStep2 && holds(m.update, 'KH 2')
			)
		).toBe(true);
	});
});

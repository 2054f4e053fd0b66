// A server shutting down just as Redis comes back (issue 19, Failure): ioredis resubscribes its
// subscriber connections on its own once they are ready again, and the shutdown's disconnect
// rejects those SUBSCRIBEs with "Connection is closed". Nothing of ours awaits them, so unless the
// connection catches them they are unhandled rejections, which can end a process that is stopping.
import { connect as connectTcp, createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDocName } from '@planboard/model';
import {
	connect,
	sleep,
	startSyncServer,
	tempDir,
	userWithToken,
	waitFor,
	type TestServer
} from './support/harness.js';
import { startRedis, type RedisHarness } from './support/redis.js';
import { storeTestBoard, twoLaneBoard } from './support/sync-board.js';

const DOC = planDocName('p1');
const tmp = tempDir('planboard-redis-close-');
let redis: RedisHarness;

beforeAll(async () => {
	redis = await startRedis();
});
afterAll(async () => {
	await redis.close();
	tmp.cleanup();
});

/**
 * A TCP relay to Redis that, once `holdSubscribes` is set, stops forwarding a connection's
 * commands from its first SUBSCRIBE on: the resubscription stays unanswered for as long as the
 * test needs, where on loopback Redis would answer it within microseconds.
 */
async function subscribeHoldingRelay(port: number) {
	const sockets = new Set<Socket>();
	const state = { holdSubscribes: false, held: 0 };
	const server = createServer((client) => {
		const upstream = connectTcp({ port, host: '127.0.0.1' });
		let holding = false;
		for (const socket of [client, upstream]) {
			sockets.add(socket);
			socket.on('error', () => {});
			socket.once('close', () => {
				sockets.delete(socket);
				client.destroy();
				upstream.destroy();
			});
		}
		client.on('data', (chunk: Buffer) => {
			if (!holding && state.holdSubscribes && /subscribe/i.test(chunk.toString('latin1'))) {
				holding = true;
				state.held++;
			}
			if (!holding) upstream.write(chunk);
		});
		upstream.on('data', (chunk: Buffer) => client.write(chunk));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `redis://127.0.0.1:${(server.address() as AddressInfo).port}`,
		state,
		close: () => {
			for (const socket of sockets) socket.destroy();
			return new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}

describe('a server closing while Redis restarts', () => {
	it('closes cleanly, with no unhandled rejection from the resubscription', async () => {
		const relay = await subscribeHoldingRelay(redis.port);
		const server: TestServer = await startSyncServer({
			databasePath: `${tmp.dir}/planboard.db`,
			redisUrl: relay.url
		});
		storeTestBoard(server.store, twoLaneBoard('p1'));
		const { token } = await userWithToken(server.store, { username: 'coord', role: 'coordinator' });
		// An open document: the fan-out's subscriber listens to its channel, so it has one to resume.
		const client = connect({ url: server.url, document: DOC, token });
		await client.ready;
		const cluster = server.sync.cluster!;
		await waitFor(() => cluster.up, 5000, 'Redis up');

		const rejections: unknown[] = [];
		const onRejection = (reason: unknown) => rejections.push(reason);
		process.on('unhandledRejection', onRejection);
		try {
			await redis.stop();
			await waitFor(() => !cluster.up, 5000, 'the server to see Redis down');
			relay.state.holdSubscribes = true;
			await redis.restart();
			// Both subscriber connections (the fan-out's and the cluster events') are ready again and
			// their resubscription is on its way: the server shuts down now.
			await waitFor(() => relay.state.held >= 2, 10_000, 'both resubscriptions sent');
			client.destroy();
			await server.close();
			// Rejections are reported after the microtasks of the turn that left them unhandled.
			await sleep(300);
			expect(cluster.fanOut.sub.status).toBe('end');
			expect(cluster.up).toBe(false);
			expect(rejections.map(String)).toEqual([]);
		} finally {
			process.off('unhandledRejection', onRejection);
			await relay.close();
		}
	});
});

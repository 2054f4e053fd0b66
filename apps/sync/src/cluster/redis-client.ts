import { Redis as IORedis } from 'ioredis';
import type { Logger } from '@planboard/config';

/**
 * What a connection is for, which decides what it does while Redis is unreachable:
 * - `command` (publishes, locks, login counts) fails at once, so nothing waits on an outage and
 *   callers fall back (a document is resynced when Redis returns, a login is counted locally);
 * - `subscriber` queues its SUBSCRIBEs until Redis returns, so every channel is listened to again.
 */
export type RedisRole = 'command' | 'subscriber';

/**
 * One ioredis connection to `PLANBOARD_REDIS_URL`. It reconnects forever (every 0.05 s to 1 s),
 * and logs each outage once, when it starts (`redis.down`) and when it ends (`redis.up`).
 */
export function redisClient(options: { url: string; log: Logger; role: RedisRole; name: string }) {
	const { url, log, role, name } = options;
	const client = new IORedis(url, {
		connectionName: `planboard-${name}`,
		retryStrategy: (times) => Math.min(times * 50, 1000),
		connectTimeout: 2000,
		enableOfflineQueue: role === 'subscriber',
		maxRetriesPerRequest: role === 'subscriber' ? null : 1
	});
	let down = false;
	client.on('ready', () => {
		if (down) log.info('redis.up', { connection: name });
		down = false;
	});
	client.on('error', (error: Error) => {
		if (down) return;
		down = true;
		log.warn('redis.down', { connection: name, error: error.message });
	});
	client.on('close', () => {
		if (down || closing.has(client)) return;
		down = true;
		log.warn('redis.down', { connection: name, error: 'connection closed' });
	});
	if (role === 'subscriber') handleResubscribes({ client, log, name });
	return client;
}

const SUBSCRIBES = ['subscribe', 'psubscribe', 'ssubscribe'] as const;

/**
 * ioredis resubscribes a subscriber's channels on its own when the connection is ready again, and
 * drops the promise of that SUBSCRIBE: when the connection closes before Redis answers (a server
 * shutting down just as Redis comes back), it rejects with "Connection is closed" and nobody
 * handles it, an unhandled rejection that can end the process. Every subscribe's promise gets a
 * handler here (callers that await it still see the rejection): a failure while closing on
 * purpose is expected, any other is logged, and the next 'ready' subscribes again.
 */
function handleResubscribes(options: { client: IORedis; log: Logger; name: string }): void {
	const { client, log, name } = options;
	const methods = client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
	for (const method of SUBSCRIBES) {
		const subscribe = methods[method].bind(client);
		methods[method] = (...args) => {
			const pending = subscribe(...args);
			pending.catch((error: unknown) => {
				if (closing.has(client)) return;
				log.warn('redis.subscribe_failed', {
					connection: name,
					error: error instanceof Error ? error.message : String(error)
				});
			});
			return pending;
		};
	}
}

export type RedisConnection = ReturnType<typeof redisClient>;

const closing = new WeakSet<IORedis>();

/** The connection is about to be closed on purpose: not an outage to log. */
export function expectClose(client: IORedis): void {
	closing.add(client);
}

/** Closes the connection for good, without logging it as an outage. */
export function closeRedis(client: RedisConnection): void {
	expectClose(client);
	client.disconnect(false);
}

/** The connection is up and takes commands now. */
export function isReady(client: RedisConnection): boolean {
	return client.status === 'ready';
}

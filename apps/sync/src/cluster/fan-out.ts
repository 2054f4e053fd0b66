import { Redis } from '@hocuspocus/extension-redis';
import type {
	afterLoadDocumentPayload,
	afterUnloadDocumentPayload,
	beforeBroadcastStatelessPayload,
	onAwarenessUpdatePayload,
	onChangePayload
} from '@hocuspocus/server';
import type { Logger } from '@planboard/config';
import type { Redis as IORedis } from 'ioredis';
import { expectClose, redisClient } from './redis-client.js';

/**
 * Hocuspocus's own Redis extension, relaying every document change to the other servers that
 * have the document open (it publishes the state vector; a peer answers with what it lacks), with
 * what an outage needs on top:
 * - while Redis is unreachable nothing is published (each server goes on serving its own
 *   clients) and a document still loads, its subscription queued until Redis returns;
 * - when a connection comes back, every open document announces its state again, so the servers
 *   exchange whatever they missed meanwhile and their clients converge without reconnecting.
 * Updates it applies carry the origin `{ source: 'redis' }`: the durable log skips them, since the
 * server whose client sent an update has appended it. Its store lock in Redis is not taken: the
 * durable log writes a snapshot under a lease in the database, which holds while Redis is down.
 */
export class RedisFanOut extends Redis {
	extensionName = 'RedisFanOut';
	readonly #log: Logger;

	constructor(options: { url: string; log: Logger; identifier: string }) {
		// The extension creates its publisher first, then its subscriber.
		const roles = ['command', 'subscriber'] as const;
		let made = 0;
		super({
			prefix: 'planboard',
			identifier: options.identifier,
			createClient: () => {
				const role = roles[Math.min(made++, 1)];
				return redisClient({ url: options.url, log: options.log, role, name: `fanout-${role}` });
			}
		});
		this.#log = options.log;
		for (const client of [this.pub, this.sub]) client.on('ready', () => this.#resync());
	}

	/** Both connections are up: changes reach the other servers. */
	get up(): boolean {
		return this.pub.status === 'ready' && this.sub.status === 'ready';
	}

	async onChange(data: onChangePayload): Promise<void> {
		if (this.up) await super.onChange(data);
	}

	async onAwarenessUpdate(data: onAwarenessUpdatePayload): Promise<void> {
		if (this.up) await super.onAwarenessUpdate(data);
	}

	/** Resolves with the number of servers that received it (0 while Redis is down). */
	async beforeBroadcastStateless(data: beforeBroadcastStatelessPayload): Promise<number> {
		return this.up ? super.beforeBroadcastStateless(data) : 0;
	}

	/**
	 * Subscribes to the document's channel and takes the other servers' state first, as the
	 * extension does; but a load never waits on an outage: the subscription finishes in the
	 * background once Redis is back, and the resync brings the state.
	 */
	async afterLoadDocument(data: afterLoadDocumentPayload): Promise<void> {
		const loading = super.afterLoadDocument(data);
		loading.catch((error: unknown) =>
			this.#log.warn('redis.subscribe_failed', { document: data.documentName, error })
		);
		let poll: NodeJS.Timeout | undefined;
		const outage = new Promise<void>((resolve) => {
			const check = () => {
				if (this.up) return false;
				resolve();
				return true;
			};
			if (!check()) poll = setInterval(check, 100);
		});
		try {
			await Promise.race([loading, outage]);
		} finally {
			clearInterval(poll);
		}
	}

	/**
	 * Takes no Redis lock: the extension's would skip the hooks after it (the durable log's snapshot
	 * and its check for unstored updates) on every server while Redis is down.
	 */
	async onStoreDocument(): Promise<void> {}

	/** Documents still unloading as the server shuts down have no connection to unsubscribe on. */
	async afterUnloadDocument(data: afterUnloadDocumentPayload): Promise<void> {
		if (this.sub.status !== 'end') await super.afterUnloadDocument(data);
	}

	async onDestroy(): Promise<void> {
		expectClose(this.pub as IORedis);
		expectClose(this.sub as IORedis);
		try {
			await super.onDestroy();
		} catch {
			// Redis is down: the lock client's QUIT cannot be sent, and the server must still stop.
			this.pub.disconnect(false);
			this.sub.disconnect(false);
		}
	}

	/** Announces every open document's state vector; the peers answer with what this one lacks. */
	#resync(): void {
		if (!this.up || !this.instance) return;
		for (const [documentName, document] of this.instance.documents) {
			void super.onChange({
				documentName,
				document,
				instance: this.instance,
				transactionOrigin: { source: 'local' }
			} as onChangePayload);
		}
	}
}

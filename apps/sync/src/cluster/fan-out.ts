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
import type { MemoryState } from '../extensions/durable-log.js';
import { stateRequestedBy } from '../frames.js';
import { expectClose, redisClient } from './redis-client.js';

type Relay = (channel: Buffer, data: Buffer) => Promise<void>;

/** The durable log's view of each document's memory, which decides when it may be relayed. */
export interface RelayedMemory {
	of(documentName: string): MemoryState;
	/** Resolves once the updates pending now have committed or failed. */
	settled(): Promise<void>;
}

/**
 * Hocuspocus's own Redis extension, relaying every document change to the other servers that
 * have the document open (it publishes the state vector; a peer answers with what it lacks), with
 * what an outage needs on top:
 * - while Redis is unreachable nothing is published (each server goes on serving its own
 *   clients) and a document still loads, its subscription queued until Redis returns;
 * - when a connection comes back, every open document announces its state again, so the servers
 *   exchange whatever they missed meanwhile and their clients converge without reconnecting.
 * Updates it applies carry the origin `{ source: 'redis' }`: the durable log skips them, since the
 * server whose client sent an update has appended it. So a server relays stored content only: it
 * answers another server's request for its state (the only message that carries its content)
 * once its own clients' updates in that document have committed, and not at all when one was
 * refused. Answered earlier, a server killed before its commit would leave its client's update in
 * the other server's memory only, unlogged there, and the client, reconnecting to that server,
 * would find nothing missing and count it as stored. Its store lock in Redis is not taken: the
 * durable log writes a snapshot under a lease in the database, which holds while Redis is down.
 */
export class RedisFanOut extends Redis {
	extensionName = 'RedisFanOut';
	readonly #log: Logger;
	readonly #memory: RelayedMemory;

	constructor(options: { url: string; log: Logger; identifier: string; memory: RelayedMemory }) {
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
		this.#memory = options.memory;
		for (const client of [this.pub, this.sub]) client.on('ready', () => this.#resync());
		// The extension's own handler (private in its types), listening from its constructor.
		const relay = (this as unknown as { handleIncomingMessage: Relay }).handleIncomingMessage;
		this.sub.off('messageBuffer', relay);
		this.sub.on('messageBuffer', (channel: Buffer, data: Buffer) =>
			this.#receive(channel, data, relay)
		);
	}

	/**
	 * Hands a message to the extension, a request for this server's state only once the document's
	 * memory is stored: the check and the extension's answer (computed before its first await) run
	 * in one synchronous step, so no update of this server's clients joins the answer uncommitted.
	 */
	async #receive(channel: Buffer, data: Buffer, relay: Relay): Promise<void> {
		try {
			// Its own messages come back on the document's channel; the extension drops them.
			const own = data.toString('utf-8', 1, data[0] + 1) === this.configuration.identifier;
			const documentName = own ? null : stateRequestedBy(data.subarray(data[0] + 1));
			if (documentName !== null) {
				let memory: MemoryState;
				while ((memory = this.#memory.of(documentName)) === 'pending') await this.#memory.settled();
				if (memory === 'refused') {
					this.#log.warn('redis.answer_withheld', { document: documentName });
					return;
				}
			}
			await relay(channel, data);
		} catch (error) {
			this.#log.warn('redis.message_failed', { error });
		}
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

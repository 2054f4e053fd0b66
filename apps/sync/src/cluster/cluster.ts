import { randomUUID } from 'node:crypto';
import type { LoginLimiter } from '@planboard/auth';
import type { Logger } from '@planboard/config';
import { ClusterEvents, type ClusterEvent } from './events.js';
import { RedisFanOut, type RelayedMemory } from './fan-out.js';
import { RedisLoginLimiter } from './login-limiter.js';

/** A document's changes are announced to the other servers at most this often. */
const CHANGE_ANNOUNCE_MS = 200;

/**
 * Several servers behind one address, sharing one database and the Redis at `PLANBOARD_REDIS_URL`:
 * document updates relayed between them (RedisFanOut), revocations sent to all (ClusterEvents),
 * login attempts counted once for all (RedisLoginLimiter). One per server process.
 */
export class Cluster {
	/** Names this server in Redis messages, so it skips its own. */
	readonly identifier = `planboard-${randomUUID()}`;
	readonly fanOut: RedisFanOut;
	readonly events: ClusterEvents;
	readonly #announcing = new Map<string, NodeJS.Timeout>();

	/** `memory`: the durable log's, so only stored content is relayed (see RedisFanOut). */
	constructor(private readonly options: { url: string; log: Logger; memory: RelayedMemory }) {
		const { url, log, memory } = options;
		this.fanOut = new RedisFanOut({ url, log, memory, identifier: this.identifier });
		this.events = new ClusterEvents({ url, log, identifier: this.identifier });
	}

	/** Every Redis connection is up; false means degraded: each server serves its own clients. */
	get up(): boolean {
		return this.fanOut.up && this.events.up;
	}

	publish(event: ClusterEvent): void {
		this.events.publish(event);
	}

	/**
	 * Tells the other servers the document changed, once per document within CHANGE_ANNOUNCE_MS
	 * (by then its updates are stored): a burst of edits is one message.
	 */
	announceChange(documentName: string): void {
		if (this.#announcing.has(documentName)) return;
		const timer = setTimeout(() => {
			this.#announcing.delete(documentName);
			this.publish({ kind: 'document', id: documentName });
		}, CHANGE_ANNOUNCE_MS);
		timer.unref();
		this.#announcing.set(documentName, timer);
	}

	/** Calls the listener with each document another server announced; returns the unsubscribe. */
	onRemoteChange(listener: (documentName: string) => void): () => void {
		return this.events.subscribe((event) => {
			if (event.kind === 'document') listener(event.id);
		});
	}

	/** The login rate limit counted in Redis for every server. */
	loginLimiter(limits: { maxAttempts: number; windowMs: number }): LoginLimiter {
		return new RedisLoginLimiter({ redis: this.events.commands, log: this.options.log, ...limits });
	}

	/** The fan-out's connections close with the Hocuspocus instance (its onDestroy). */
	close(): void {
		for (const timer of this.#announcing.values()) clearTimeout(timer);
		this.#announcing.clear();
		this.events.close();
	}
}

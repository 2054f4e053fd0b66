import type { Logger } from '@planboard/config';
import { closeRedis, isReady, redisClient } from './redis-client.js';

/**
 * What one server tells the others: a session ended (logout), every session of a user ended
 * (disable, role, agency or password change), a share link was revoked, a document changed (for
 * readers of stored documents, such as share streams, on servers that do not have it open). Each
 * server closes its own sockets and streams, or recomputes. An event sent while Redis is down is
 * lost; the session guard's sweep of the shared database still closes the sockets of ended
 * sessions within its interval, and a share stream checks its link every 20 s.
 */
export type ClusterEvent =
	| { kind: 'session'; id: string }
	| { kind: 'user'; id: string }
	| { kind: 'share-link'; id: string }
	| { kind: 'document'; id: string };

const KINDS: readonly string[] = ['session', 'user', 'share-link', 'document'];

const CHANNEL = 'planboard:events';

/** Redis pub/sub between the servers; each ignores what it sent itself. */
export class ClusterEvents {
	readonly #pub;
	readonly #sub;
	readonly #listeners = new Set<(event: ClusterEvent) => void>();

	constructor(private readonly options: { url: string; log: Logger; identifier: string }) {
		const { url, log } = options;
		this.#pub = redisClient({ url, log, role: 'command', name: 'events-publisher' });
		this.#sub = redisClient({ url, log, role: 'subscriber', name: 'events-subscriber' });
		this.#sub.on('message', (_channel: string, message: string) => this.#receive(message));
		this.#sub
			.subscribe(CHANNEL)
			.catch((error: unknown) => log.warn('redis.subscribe_failed', { channel: CHANNEL, error }));
	}

	/** Both connections are up. */
	get up(): boolean {
		return isReady(this.#pub) && isReady(this.#sub);
	}

	/** The command connection, shared with the login counter. */
	get commands() {
		return this.#pub;
	}

	/** Sends to the other servers; never throws (an outage is logged). */
	publish(event: ClusterEvent): void {
		const message = JSON.stringify({ from: this.options.identifier, event });
		this.#pub
			.publish(CHANNEL, message)
			.catch((error: unknown) =>
				this.options.log.warn('cluster.publish_failed', { kind: event.kind, error })
			);
	}

	/** Calls the listener with every event another server sends; returns the unsubscribe. */
	subscribe(listener: (event: ClusterEvent) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	close(): void {
		closeRedis(this.#pub);
		closeRedis(this.#sub);
	}

	#receive(message: string): void {
		let parsed: { from?: unknown; event?: ClusterEvent };
		try {
			parsed = JSON.parse(message) as typeof parsed;
		} catch {
			return;
		}
		if (parsed.from === this.options.identifier || !parsed.event) return;
		const { event } = parsed;
		if (!KINDS.includes(event.kind) || typeof event.id !== 'string') return;
		for (const listener of this.#listeners) {
			try {
				listener(event);
			} catch (error) {
				this.options.log.error('cluster.event_failed', { kind: event.kind, error });
			}
		}
	}
}

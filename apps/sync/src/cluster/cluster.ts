import { randomUUID } from 'node:crypto';
import type { LoginLimiter } from '@planboard/auth';
import type { Logger } from '@planboard/config';
import { ClusterEvents, type ClusterEvent } from './events.js';
import { RedisFanOut } from './fan-out.js';
import { RedisLoginLimiter } from './login-limiter.js';

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

	constructor(private readonly options: { url: string; log: Logger }) {
		const { url, log } = options;
		this.fanOut = new RedisFanOut({ url, log, identifier: this.identifier });
		this.events = new ClusterEvents({ url, log, identifier: this.identifier });
	}

	/** Every Redis connection is up; false means degraded: each server serves its own clients. */
	get up(): boolean {
		return this.fanOut.up && this.events.up;
	}

	publish(event: ClusterEvent): void {
		this.events.publish(event);
	}

	/** The login rate limit counted in Redis for every server. */
	loginLimiter(limits: { maxAttempts: number; windowMs: number }): LoginLimiter {
		return new RedisLoginLimiter({ redis: this.events.commands, log: this.options.log, ...limits });
	}

	/** The fan-out's connections close with the Hocuspocus instance (its onDestroy). */
	close(): void {
		this.events.close();
	}
}

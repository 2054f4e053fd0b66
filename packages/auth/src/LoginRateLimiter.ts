export interface LoginRateLimiterOptions {
	/** Failed attempts allowed per username within the window. */
	maxAttempts?: number;
	/** Failed attempts allowed per IP within the window; higher, since offices share one NAT IP. */
	maxAttemptsPerIp?: number;
	windowMs?: number;
	/** Tracked keys per bucket kind; the oldest are evicted beyond it, bounding memory. */
	maxEntries?: number;
	now?: () => number;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
	failures: number;
	resetAt: number;
}

/**
 * Counts failed logins per username and per IP in fixed windows that start at the first failure.
 * In memory only: a restart forgets, and several server processes would each count separately.
 */
export class LoginRateLimiter {
	readonly #maxUser: number;
	readonly #maxIp: number;
	readonly #windowMs: number;
	readonly #maxEntries: number;
	readonly #now: () => number;
	readonly #users = new Map<string, Bucket>();
	readonly #ips = new Map<string, Bucket>();

	constructor(options: LoginRateLimiterOptions = {}) {
		this.#maxUser = options.maxAttempts ?? 5;
		this.#maxIp = options.maxAttemptsPerIp ?? this.#maxUser * 4;
		this.#windowMs = options.windowMs ?? 15 * 60_000;
		this.#maxEntries = options.maxEntries ?? 10_000;
		this.#now = options.now ?? Date.now;
	}

	check(options: { username: string; ip: string }): RateLimitDecision {
		const now = this.#now();
		const waits = [
			this.#blockedFor(this.#users.get(userKey(options.username)), this.#maxUser, now),
			this.#blockedFor(this.#ips.get(options.ip), this.#maxIp, now)
		];
		const wait = Math.max(...waits);
		return wait > 0
			? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) }
			: { allowed: true };
	}

	recordFailure(options: { username: string; ip: string }): void {
		const now = this.#now();
		this.#bump(this.#users, userKey(options.username), now);
		this.#bump(this.#ips, options.ip, now);
	}

	/** Clears the username's failures; the IP's stay, so one good account cannot reset a spray. */
	recordSuccess(options: { username: string; ip: string }): void {
		this.#users.delete(userKey(options.username));
	}

	/** Number of tracked keys (usernames + IPs); for tests and metrics. */
	get size(): number {
		return this.#users.size + this.#ips.size;
	}

	#blockedFor(bucket: Bucket | undefined, max: number, now: number): number {
		if (!bucket || now >= bucket.resetAt || bucket.failures < max) return 0;
		return bucket.resetAt - now;
	}

	#bump(map: Map<string, Bucket>, key: string, now: number): void {
		let bucket = map.get(key);
		if (!bucket || now >= bucket.resetAt) bucket = { failures: 0, resetAt: now + this.#windowMs };
		bucket.failures++;
		map.delete(key);
		map.set(key, bucket);
		if (map.size > this.#maxEntries) this.#evict(map, now);
	}

	/** Drops expired buckets; if none expired, the least recently bumped ones (Map keeps order). */
	#evict(map: Map<string, Bucket>, now: number): void {
		for (const [key, bucket] of map) if (now >= bucket.resetAt) map.delete(key);
		for (const key of map.keys()) {
			if (map.size <= this.#maxEntries) break;
			map.delete(key);
		}
	}
}

function userKey(username: string): string {
	return username.trim().toLowerCase();
}

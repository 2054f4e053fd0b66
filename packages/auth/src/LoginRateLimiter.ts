import { addressKey } from './address-key.js';

export interface LoginRateLimiterOptions {
	/** Attempts allowed per username within the window. */
	maxAttempts?: number;
	/** Attempts allowed per address within the window; higher, since offices share one NAT IP. */
	maxAttemptsPerIp?: number;
	windowMs?: number;
	/**
	 * Tracked keys per bucket kind before eviction starts. Eviction drops expired buckets, then the
	 * least recently used ones that do not block yet; blocking buckets stay until `hardMaxEntries`.
	 */
	maxEntries?: number;
	/** Absolute bound per bucket kind; past it even blocking buckets go, oldest first. */
	hardMaxEntries?: number;
	now?: () => number;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * What a login needs from a limiter: this in-memory one, or one that counts in Redis across
 * several servers (`@planboard/sync`'s RedisLoginLimiter), with the same keys and rules.
 */
export interface LoginLimiter {
	/** Admits and counts one attempt, or refuses it without counting; before the password check. */
	attempt(options: {
		username: string;
		ip: string;
	}): RateLimitDecision | Promise<RateLimitDecision>;
	/** After an admitted attempt succeeded: the username's count cleared, the address's attempt back. */
	recordSuccess(options: { username: string; ip: string }): void | Promise<void>;
}

/** The keys an attempt counts under: the username trimmed and lowercased, the address or /64. */
export function loginLimitKeys(options: { username: string; ip: string }): {
	user: string;
	address: string;
} {
	return { user: userKey(options.username), address: addressKey(options.ip) };
}

interface Bucket {
	attempts: number;
	resetAt: number;
}

/**
 * Counts login attempts per username and per address in fixed windows that start at the first
 * attempt. An attempt is counted when it is admitted, before the password is verified, so
 * concurrent requests cannot all pass the check while the first verifications are still running:
 * at most `maxAttempts` passwords per username are ever checked per window. A success clears the
 * username's count and gives the address its attempt back.
 *
 * IPv6 addresses are counted per /64 (one host usually owns a whole /64). In memory only: a
 * restart forgets, and several server processes would each count separately.
 */
export class LoginRateLimiter implements LoginLimiter {
	readonly #maxUser: number;
	readonly #maxIp: number;
	readonly #windowMs: number;
	readonly #maxEntries: number;
	readonly #hardMaxEntries: number;
	readonly #now: () => number;
	readonly #users = new Map<string, Bucket>();
	readonly #ips = new Map<string, Bucket>();

	constructor(options: LoginRateLimiterOptions = {}) {
		this.#maxUser = options.maxAttempts ?? 5;
		this.#maxIp = options.maxAttemptsPerIp ?? this.#maxUser * 4;
		this.#windowMs = options.windowMs ?? 15 * 60_000;
		this.#maxEntries = options.maxEntries ?? 10_000;
		this.#hardMaxEntries = Math.max(
			options.hardMaxEntries ?? this.#maxEntries * 10,
			this.#maxEntries
		);
		this.#now = options.now ?? Date.now;
	}

	/** Whether an attempt would be admitted now; counts nothing. */
	check(options: { username: string; ip: string }): RateLimitDecision {
		const now = this.#now();
		const wait = Math.max(
			this.#blockedFor(this.#users.get(userKey(options.username)), this.#maxUser, now),
			this.#blockedFor(this.#ips.get(addressKey(options.ip)), this.#maxIp, now)
		);
		return wait > 0
			? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) }
			: { allowed: true };
	}

	/**
	 * Admits and counts one attempt, or refuses it without counting. Call before verifying the
	 * password; synchronous, so two requests can never both take the last attempt.
	 */
	attempt(options: { username: string; ip: string }): RateLimitDecision {
		const decision = this.check(options);
		if (!decision.allowed) return decision;
		const now = this.#now();
		this.#bump(this.#users, this.#maxUser, userKey(options.username), now);
		this.#bump(this.#ips, this.#maxIp, addressKey(options.ip), now);
		return decision;
	}

	/** Counts a failure that was not admitted through `attempt` (kept for callers that verify first). */
	recordFailure(options: { username: string; ip: string }): void {
		const now = this.#now();
		this.#bump(this.#users, this.#maxUser, userKey(options.username), now);
		this.#bump(this.#ips, this.#maxIp, addressKey(options.ip), now);
	}

	/**
	 * After an admitted attempt succeeded: clears the username's count and returns the address its
	 * attempt; the address's failures stay, so one good account cannot reset a spray.
	 */
	recordSuccess(options: { username: string; ip: string }): void {
		this.#users.delete(userKey(options.username));
		const ip = this.#ips.get(addressKey(options.ip));
		if (ip && ip.attempts > 0) ip.attempts--;
	}

	/** Number of tracked keys (usernames + addresses); for tests and metrics. */
	get size(): number {
		return this.#users.size + this.#ips.size;
	}

	/** Tracked keys per bucket kind, each of which `maxEntries` bounds on its own. */
	get sizes(): { usernames: number; addresses: number } {
		return { usernames: this.#users.size, addresses: this.#ips.size };
	}

	#blockedFor(bucket: Bucket | undefined, max: number, now: number): number {
		if (!bucket || now >= bucket.resetAt || bucket.attempts < max) return 0;
		return bucket.resetAt - now;
	}

	#bump(map: Map<string, Bucket>, max: number, key: string, now: number): void {
		let bucket = map.get(key);
		if (!bucket || now >= bucket.resetAt) bucket = { attempts: 0, resetAt: now + this.#windowMs };
		bucket.attempts++;
		map.delete(key);
		map.set(key, bucket);
		if (map.size > this.#maxEntries) this.#evict(map, max, now);
	}

	/**
	 * Expired buckets first, then the least recently used that do not block (Map keeps insertion
	 * order, and a bump re-inserts). A blocking bucket is kept: otherwise an attacker could flush
	 * a locked username by failing logins for many other names. Only past the hard bound do the
	 * oldest blocking buckets go: 100,000 locked names at 5 attempts each, and 20 per
	 * address, take half a million attempts from 25,000 addresses or /64s.
	 */
	#evict(map: Map<string, Bucket>, max: number, now: number): void {
		for (const [key, bucket] of map) if (now >= bucket.resetAt) map.delete(key);
		for (const [key, bucket] of map) {
			if (map.size <= this.#maxEntries) return;
			if (bucket.attempts < max) map.delete(key);
		}
		for (const key of map.keys()) {
			if (map.size <= this.#hardMaxEntries) return;
			map.delete(key);
		}
	}
}

function userKey(username: string): string {
	return username.trim().toLowerCase();
}

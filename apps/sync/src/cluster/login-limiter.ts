import {
	LoginRateLimiter,
	loginLimitKeys,
	type LoginLimiter,
	type RateLimitDecision
} from '@planboard/auth';
import type { Logger } from '@planboard/config';
import { isReady, type RedisConnection } from './redis-client.js';

/**
 * Checks both buckets and counts the attempt in one step, so two servers can never both take
 * the last attempt. Windows are fixed and start at the first attempt (the key's expiry), as in
 * the in-memory LoginRateLimiter. Returns 0 when admitted, else the milliseconds to wait.
 */
const ATTEMPT = `
local user = tonumber(redis.call('GET', KEYS[1]) or '0')
local address = tonumber(redis.call('GET', KEYS[2]) or '0')
local wait = 0
if user >= tonumber(ARGV[1]) then wait = math.max(wait, redis.call('PTTL', KEYS[1])) end
if address >= tonumber(ARGV[2]) then wait = math.max(wait, redis.call('PTTL', KEYS[2])) end
if wait > 0 then return wait end
for i = 1, 2 do
	if redis.call('INCR', KEYS[i]) == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
end
return 0
`;

/** The username's count cleared; the address gets its attempt back, its failures stay. */
const SUCCESS = `
redis.call('DEL', KEYS[1])
if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then redis.call('DECR', KEYS[2]) end
return 0
`;

/**
 * The login rate limit of several servers counted in their shared Redis, per username and per
 * address (per /64 for IPv6). While Redis is unreachable each server counts in memory again
 * (the `fallback`), so logins go on with the limit per server, never without one.
 */
export class RedisLoginLimiter implements LoginLimiter {
	readonly #fallback: LoginRateLimiter;

	constructor(
		private readonly options: {
			redis: RedisConnection;
			log: Logger;
			maxAttempts: number;
			maxAttemptsPerIp?: number;
			windowMs: number;
		}
	) {
		this.#fallback = new LoginRateLimiter(options);
	}

	async attempt(who: { username: string; ip: string }): Promise<RateLimitDecision> {
		const { redis, maxAttempts, windowMs, log } = this.options;
		if (!isReady(redis)) return this.#fallback.attempt(who);
		const { user, address } = loginLimitKeys(who);
		try {
			const wait = Number(
				await redis.eval(
					ATTEMPT,
					2,
					`planboard:login:user:${user}`,
					`planboard:login:address:${address}`,
					maxAttempts,
					this.options.maxAttemptsPerIp ?? maxAttempts * 4,
					windowMs
				)
			);
			return wait > 0
				? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) }
				: { allowed: true };
		} catch (error) {
			log.warn('login.limit_local', { error });
			return this.#fallback.attempt(who);
		}
	}

	async recordSuccess(who: { username: string; ip: string }): Promise<void> {
		this.#fallback.recordSuccess(who);
		const { redis, log } = this.options;
		if (!isReady(redis)) return;
		const { user, address } = loginLimitKeys(who);
		try {
			await redis.eval(
				SUCCESS,
				2,
				`planboard:login:user:${user}`,
				`planboard:login:address:${address}`
			);
		} catch (error) {
			log.warn('login.limit_local', { error });
		}
	}
}

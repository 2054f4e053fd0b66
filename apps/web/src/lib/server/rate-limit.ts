import { LoginRateLimiter, type LoginLimiter } from '@planboard/auth';
import { runtime } from './runtime';

const limits = {
	maxAttempts: Number(process.env.PLANBOARD_LOGIN_MAX_ATTEMPTS ?? 5),
	windowMs: 15 * 60_000
};
const local = new LoginRateLimiter(limits);
let shared: LoginLimiter | null = null;

/**
 * The login limiter: attempts are counted per username and per client address, in the Redis
 * every server shares when there are several (`PLANBOARD_REDIS_URL`), else in this process.
 */
export function loginLimiter(): LoginLimiter {
	const { cluster } = runtime().sync;
	if (!cluster) return local;
	return (shared ??= cluster.loginLimiter(limits));
}

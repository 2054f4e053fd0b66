import { LoginRateLimiter } from '@planboard/auth';

/** One limiter per process: attempts are counted per username and per client address. */
export const loginLimiter = new LoginRateLimiter({
	maxAttempts: Number(process.env.PLANBOARD_LOGIN_MAX_ATTEMPTS ?? 5),
	windowMs: 15 * 60_000
});

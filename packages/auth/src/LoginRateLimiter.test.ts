import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from './LoginRateLimiter.js';

function limiter(extra: { maxEntries?: number } = {}) {
	const clock = { now: 0 };
	const rl = new LoginRateLimiter({
		maxAttempts: 5,
		windowMs: 15 * 60_000,
		now: () => clock.now,
		...extra
	});
	return { rl, clock };
}

describe('LoginRateLimiter', () => {
	it('blocks a username after 5 failures with a retry-after, then lets it through after the window', () => {
		const { rl, clock } = limiter();
		const who = { username: 'An', ip: '10.0.0.1' };
		for (let i = 0; i < 5; i++) {
			expect(rl.check(who)).toEqual({ allowed: true });
			rl.recordFailure(who);
		}
		clock.now = 60_000;
		expect(rl.check({ username: 'an', ip: '10.0.0.2' })).toEqual({
			allowed: false,
			retryAfterSeconds: 14 * 60
		});
		expect(rl.check({ username: 'binh', ip: '10.0.0.1' })).toEqual({ allowed: true });
		clock.now = 15 * 60_000;
		expect(rl.check(who)).toEqual({ allowed: true });
	});

	it('blocks an IP spraying many usernames', () => {
		const { rl } = limiter();
		for (let i = 0; i < 20; i++) rl.recordFailure({ username: `user${i}`, ip: '10.0.0.9' });
		const decision = rl.check({ username: 'fresh', ip: '10.0.0.9' });
		expect(decision.allowed).toBe(false);
		expect(rl.check({ username: 'fresh', ip: '10.0.0.8' }).allowed).toBe(true);
	});

	it('clears the username bucket on success', () => {
		const { rl } = limiter();
		const who = { username: 'an', ip: '10.0.0.1' };
		for (let i = 0; i < 4; i++) rl.recordFailure(who);
		rl.recordSuccess(who);
		for (let i = 0; i < 4; i++) rl.recordFailure(who);
		expect(rl.check(who)).toEqual({ allowed: true });
	});

	it('keeps memory bounded', () => {
		const { rl, clock } = limiter({ maxEntries: 100 });
		for (let i = 0; i < 1000; i++) {
			clock.now = i;
			rl.recordFailure({ username: `u${i}`, ip: `ip${i}` });
		}
		expect(rl.size).toBeLessThanOrEqual(200);
	});
});

import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from './LoginRateLimiter.js';

function limiter(extra: { maxEntries?: number; hardMaxEntries?: number } = {}) {
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

	it('keeps memory bounded: at most maxEntries usernames and maxEntries addresses', () => {
		const { rl, clock } = limiter({ maxEntries: 100 });
		for (let i = 0; i < 1000; i++) {
			clock.now = i;
			rl.recordFailure({ username: `u${i}`, ip: `ip${i}` });
			expect(rl.sizes.usernames).toBeLessThanOrEqual(100);
			expect(rl.sizes.addresses).toBeLessThanOrEqual(100);
		}
		// Full, not emptied: eviction drops only what it must, the least recently used first.
		expect(rl.sizes).toEqual({ usernames: 100, addresses: 100 });
	});

	it('admits at most 5 attempts per username before any verification finishes', () => {
		const { rl } = limiter();
		// Thirty concurrent requests each call attempt() before their (slow) password check.
		const decisions = Array.from({ length: 30 }, (_, i) =>
			rl.attempt({ username: 'an', ip: `10.0.1.${i}` })
		);
		expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
		expect(decisions.slice(5).every((d) => !d.allowed && d.retryAfterSeconds > 0)).toBe(true);
	});

	it('gives the address its attempt back on success, so a shared office IP is not used up', () => {
		const { rl } = limiter();
		for (let i = 0; i < 40; i++) {
			const who = { username: `user${i}`, ip: '10.0.0.5' };
			expect(rl.attempt(who).allowed).toBe(true);
			rl.recordSuccess(who);
		}
		expect(rl.check({ username: 'next', ip: '10.0.0.5' })).toEqual({ allowed: true });
	});

	it('does not forget a locked username when an attacker fills the limiter with other keys', () => {
		const { rl, clock } = limiter({ maxEntries: 100 });
		const victim = { username: 'sotttt', ip: '10.0.0.1' };
		for (let i = 0; i < 5; i++) rl.attempt(victim);
		expect(rl.check(victim).allowed).toBe(false);
		for (let i = 0; i < 5000; i++) {
			clock.now = 1 + i;
			rl.recordFailure({ username: `filler${i}`, ip: `192.0.${i >> 8}.${i & 255}` });
		}
		expect(rl.check({ username: 'sotttt', ip: '10.9.9.9' }).allowed).toBe(false);
		expect(rl.sizes.usernames).toBeLessThanOrEqual(100);
		expect(rl.sizes.addresses).toBeLessThanOrEqual(100);
	});

	it('still bounds memory when every key blocks', () => {
		const { rl } = limiter({ maxEntries: 10, hardMaxEntries: 50 });
		for (let i = 0; i < 500; i++)
			for (let k = 0; k < 5; k++) rl.recordFailure({ username: `u${i}`, ip: '10.0.0.1' });
		expect(rl.sizes.usernames).toBeLessThanOrEqual(50);
		expect(rl.sizes.addresses).toBe(1);
	});

	it('counts IPv6 clients per /64 and IPv4-mapped clients as IPv4', () => {
		const { rl } = limiter();
		for (let i = 0; i < 20; i++)
			rl.attempt({ username: `user${i}`, ip: `2001:db8:aa:bb:${i.toString(16)}::${i + 1}` });
		expect(rl.check({ username: 'fresh', ip: '2001:db8:aa:bb:ffff:1:2:3' }).allowed).toBe(false);
		expect(rl.check({ username: 'fresh', ip: '2001:0db8:00aa:00bb::9' }).allowed).toBe(false);
		expect(rl.check({ username: 'fresh', ip: '2001:db8:aa:bc::1' }).allowed).toBe(true);
		for (let i = 0; i < 20; i++) rl.attempt({ username: `v${i}`, ip: '::ffff:10.2.3.4' });
		expect(rl.check({ username: 'fresh', ip: '10.2.3.4' }).allowed).toBe(false);
	});
});

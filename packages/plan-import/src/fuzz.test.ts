import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, REFERENCE_PLAN } from '../fixtures/fixtures.js';
import { parsePlanBytes } from './bytes.js';
import { loadGiaLaiDirectory } from './directory.js';
import { PlanImportError } from './errors.js';

/** mulberry32: small seeded PRNG, so a failing case can be replayed from its seed. */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const plans = [
	readFileSync(REFERENCE_PLAN, 'utf8'),
	fixture('lao-cai-2021.txt'),
	fixture('tuyen-quang-2020.txt')
];
const directory = loadGiaLaiDirectory();
const encoder = new TextEncoder();

function mutate(rand: () => number, kind: number): Uint8Array {
	const plan = plans[Math.floor(rand() * plans.length)];
	const lines = plan.split('\n');
	switch (kind) {
		case 0:
			return Uint8Array.from({ length: Math.floor(rand() * 4000) }, () => Math.floor(rand() * 256));
		case 1:
			return encoder.encode(plan).slice(0, Math.floor(rand() * plan.length * 2));
		case 2:
			for (let i = lines.length - 1; i > 0; i--) {
				const j = Math.floor(rand() * (i + 1));
				[lines[i], lines[j]] = [lines[j], lines[i]];
			}
			return encoder.encode(lines.join('\n'));
		case 3:
			return encoder.encode(plan.repeat(1 + Math.floor(rand() * 3)));
		default: {
			const start = Math.floor(rand() * lines.length);
			return encoder.encode(lines.slice(start, start + Math.floor(rand() * 200)).join('\r\n'));
		}
	}
}

describe('fuzz: mangled input', () => {
	it('throws nothing but PlanImportError, in bounded time', () => {
		const rand = prng(20240311);
		let parsed = 0;
		let rejected = 0;
		const started = performance.now();
		for (let i = 0; i < 400; i++) {
			const bytes = mutate(rand, i % 5);
			const t0 = performance.now();
			try {
				const plan = parsePlanBytes(bytes, { directory });
				expect(Array.isArray(plan.tasks)).toBe(true);
				parsed++;
			} catch (e) {
				if (!(e instanceof PlanImportError)) throw new Error(`case ${i}: ${String(e)}`);
				rejected++;
			}
			expect(performance.now() - t0).toBeLessThan(2000);
		}
		expect(parsed).toBeGreaterThan(0);
		expect(rejected).toBeGreaterThan(0);
		expect(performance.now() - started).toBeLessThan(25_000);
	});

	it('parses a long pathological line in linear-ish time', () => {
		const evil = `I. NỘI DUNG\n1. ${'Chủ trì, phối hợp, '.repeat(5000)}\n- Chủ trì: ${'Sở Y tế, '.repeat(5000)}(${'('.repeat(2000)}\n`;
		const t0 = performance.now();
		const plan = parsePlanBytes(encoder.encode(evil));
		expect(plan.tasks[0].leadRefs.length).toBeGreaterThan(1000);
		expect(performance.now() - t0).toBeLessThan(3000);
	});
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanImportError } from '../errors.js';
import { planFileLines } from '../file.js';
import { numberedPlan, tablePlan } from './test-plans.js';

/** Deterministic pseudo-random numbers (mulberry32), so a failure names a reproducible case. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The file with a few bytes overwritten, or cut short. */
function mutate(bytes: Uint8Array, next: () => number): Uint8Array {
	const out = new Uint8Array(bytes);
	if (next() < 0.2) return out.slice(0, Math.floor(next() * out.length));
	const flips = 1 + Math.floor(next() * 8);
	for (let i = 0; i < flips; i++) out[Math.floor(next() * out.length)] = Math.floor(next() * 256);
	return out;
}

/** What a damaged file may do: read (to lines) or fail with one PlanImportError line. */
async function outcome(bytes: Uint8Array, format: 'docx' | 'pdf'): Promise<string> {
	try {
		const lines = await planFileLines(bytes, format);
		expect(Array.isArray(lines)).toBe(true);
		return 'read';
	} catch (e) {
		expect(e).toBeInstanceOf(PlanImportError);
		expect((e as Error).message).not.toContain('\n');
		return 'refused';
	}
}

describe('readers on damaged files', () => {
	it('a damaged DOCX reads or fails with a PlanImportError, never another error', async () => {
		const next = random(12);
		const seen = new Set<string>();
		for (const original of [tablePlan(), numberedPlan()]) {
			for (let i = 0; i < 150; i++) seen.add(await outcome(mutate(original, next), 'docx'));
		}
		expect(seen).toContain('refused');
	});

	it('a damaged PDF reads or fails with a PlanImportError, never another error', async () => {
		const pdf = readFileSync(new URL('../../fixtures/phu-luc-2024.pdf', import.meta.url));
		const next = random(7);
		const seen = new Set<string>();
		for (let i = 0; i < 40; i++) seen.add(await outcome(mutate(pdf, next), 'pdf'));
		expect(seen).toContain('refused');
	}, 120_000);
});

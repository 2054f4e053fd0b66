import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, REFERENCE_PLAN } from '../fixtures/fixtures.js';
import { parsePlanBytes } from './bytes.js';
import { loadGiaLaiDirectory } from './directory.js';
import { PlanImportError } from './errors.js';
import { cleanLines } from './normalize.js';
import { findTimeframes, readAssignments } from './prose.js';
import { extractTables } from './table.js';

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
	fixture('tuyen-quang-2020.txt'),
	fixture('quang-tri-2026-prose.txt'),
	fixture('ha-tinh-2026-phu-luc.txt'),
	fixture('nghe-an-2026-bang.txt')
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
		case 4:
			// Tabs where spaces were, cells dropped or doubled: tables torn apart, prose made tables.
			return encoder.encode(
				lines
					.map((l) => (rand() < 0.3 ? l.replace(/ /g, () => (rand() < 0.2 ? '\t' : ' ')) : l))
					.map((l) => (rand() < 0.1 ? l.split('\t').reverse().join('\t\t') : l))
					.join('\n')
			);
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
		for (let i = 0; i < 480; i++) {
			const bytes = mutate(rand, i % 6);
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

	it('reads long prose and wide tables in linear-ish time', () => {
		const prose = `I. NỘI DUNG\n1. ${'Sở Y tế chủ trì, phối hợp với Sở Tư pháp, Sở Nội vụ, '.repeat(4000)}xây dựng kế hoạch; hoàn thành trong tháng 6/2026.\n`;
		const table = `TT\tNội dung\tChủ trì\n${Array.from({ length: 5000 }, (_, i) => `${i % 999}\tViệc ${'a, '.repeat(20)}\tSở Y tế${'\t'.repeat(i % 8)}`).join('\n')}\n`;
		for (const text of [prose, table]) {
			const t0 = performance.now();
			const plan = parsePlanBytes(encoder.encode(text));
			expect(plan.tasks.length).toBeGreaterThan(0);
			expect(performance.now() - t0).toBeLessThan(5000);
		}
	});
});

/** Words the prose and table readers look for, so random sentences hit their branches. */
const WORDS = [
	'Sở Tư pháp',
	'chủ trì',
	'phối hợp với',
	'Đề nghị',
	'Giao',
	',',
	';',
	'.',
	':',
	'và',
	'các tổ chức',
	'xây dựng',
	'tổ chức',
	'hoàn thành',
	'thực hiện',
	'trong',
	'trước ngày',
	'tháng 6/2026',
	'Quý III/2026',
	'thường xuyên',
	'năm 2026',
	'30/9/2026',
	'Ủy ban nhân dân',
	'các xã, phường',
	'(',
	')',
	'TT',
	'Nội dung',
	'Cơ quan chủ trì',
	'Phối hợp',
	'Thời gian',
	'Sản phẩm',
	'I',
	'1',
	'1.1',
	'PHỤ LỤC',
	'\t',
	'\t\t',
	'\n',
	'Nơi nhận:',
	'II. NHIỆM VỤ',
	'đ',
	''
];

describe('fuzz: the prose and table readers', () => {
	it('never throw on random sentences and rows, and return well-formed results', () => {
		const rand = prng(20260312);
		const pick = () => WORDS[Math.floor(rand() * WORDS.length)];
		for (let i = 0; i < 3000; i++) {
			const text = Array.from({ length: 1 + Math.floor(rand() * 40) }, pick).join(
				rand() < 0.5 ? ' ' : ''
			);
			const assignments = readAssignments(text.replace(/\n/g, ' '));
			for (const a of assignments) {
				expect(a.lead).not.toBe('');
				expect(a.start).toBeGreaterThanOrEqual(0);
			}
			for (const t of findTimeframes(text)) expect(t.text).not.toBe('');
			const { rest, tables } = extractTables(cleanLines(text));
			const used = tables.reduce((n, t) => n + t.rows.length, 0);
			expect(rest.length + used).toBeLessThanOrEqual(cleanLines(text).length);
			try {
				const plan = parsePlanBytes(encoder.encode(text), { directory });
				expect(plan.tasks.length).toBeGreaterThan(0);
			} catch (e) {
				if (!(e instanceof PlanImportError)) throw new Error(`case ${i}: ${String(e)}`);
			}
		}
	});
});

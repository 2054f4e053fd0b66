import { setMalformedReporter } from '@planboard/model';
// Test helpers of the model package (not part of its API), shared by both fuzz tests.
import { prng } from '../../model/src/test-fixtures.js';
import { mutate } from '../../model/src/test-fuzz.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from './board.js';
import { toCsv } from './csv.js';
import { toDocx } from './docx.js';
import { cardRows, taskRows } from './rows.js';
import { PLAN_ID, filledDocs } from './test-board.js';
import { toXlsx } from './xlsx.js';

beforeAll(() => setMalformedReporter(() => {}));
afterAll(() => setMalformedReporter(null));

describe('exports under random writes to the stored documents', () => {
	it('always produce CSV, XLSX and DOCX (seeded, 120 boards)', () => {
		const base = filledDocs();
		let exported = 0;
		for (let seed = 1; seed <= 120; seed++) {
			const rng = prng(seed);
			const docs = new Map<string, Y.Doc>();
			for (const [name, doc] of base) {
				const copy = new Y.Doc();
				Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
				docs.set(name, copy);
			}
			const names = [...docs.keys()];
			for (let i = 1 + rng.int(10); i > 0; i--) {
				const doc = docs.get(rng.pick(names))!;
				const writer = new Y.Doc();
				Y.applyUpdate(writer, Y.encodeStateAsUpdate(doc));
				mutate(rng, doc, writer);
			}
			try {
				const board = readBoard({ planId: PLAN_ID, loadDoc: (n) => docs.get(n) ?? new Y.Doc() });
				const options = { asOf: '2024-11-05' };
				cardRows(board, options);
				taskRows(board, options);
				expect(toCsv(board, options).length).toBeGreaterThan(0);
				expect(toXlsx(board, options).byteLength).toBeGreaterThan(0);
				expect(toDocx(board, options).byteLength).toBeGreaterThan(0);
				exported++;
			} catch (error) {
				throw new Error(`seed ${seed}: ${String(error)}`, { cause: error });
			}
		}
		expect(exported).toBe(120);
	});
});

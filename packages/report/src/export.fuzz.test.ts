import { setMalformedReporter } from '@planboard/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from './board.js';
import { toCsv } from './csv.js';
import { toDocx } from './docx.js';
import { cardRows, taskRows } from './rows.js';
import { prng } from '../../model/src/test-fixtures.js';
import { PLAN_ID, filledDocs, fuzzedDocs } from './test-board.js';
import { toXlsx } from './xlsx.js';

beforeAll(() => setMalformedReporter(() => {}));
afterAll(() => setMalformedReporter(null));

describe('exports under random writes to the stored documents', () => {
	it('always produce CSV, XLSX and DOCX (seeded, 120 boards)', () => {
		const base = filledDocs();
		let exported = 0;
		for (let seed = 1; seed <= 120; seed++) {
			const rng = prng(seed);
			const docs = fuzzedDocs(base, rng);
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

import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../fixtures/fixtures.js';
import { parsePlanBytes } from './bytes.js';
import { PlanImportError } from './errors.js';

function rejection(bytes: Uint8Array): PlanImportError {
	try {
		parsePlanBytes(bytes, { source: 'f' });
	} catch (e) {
		if (e instanceof PlanImportError) return e;
		throw e;
	}
	throw new Error('expected a PlanImportError');
}

describe('parsePlanBytes', () => {
	it('parses UTF-8 with or without BOM', () => {
		const bytes = fixtureBytes('tuyen-quang-2020.txt');
		const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
		expect(parsePlanBytes(bom).tasks).toHaveLength(3);
	});
	it('rejects empty, binary, UTF-16 and non-UTF-8 input', () => {
		expect(rejection(fixtureBytes('empty.txt')).message).toMatch(/empty/);
		expect(rejection(new TextEncoder().encode(' \n\t\n')).message).toMatch(/empty/);
		expect(rejection(fixtureBytes('binary.bin')).message).toMatch(/binary/);
		expect(rejection(new Uint8Array([0xff, 0xfe, 0x4b, 0x00])).message).toMatch(/UTF-16/);
		const latin1 = rejection(fixtureBytes('latin1.txt'));
		expect(latin1.message).toMatch(/not UTF-8/);
		expect([latin1.line, latin1.source]).toEqual([3, 'f']);
	});
});

import { describe, expect, it } from 'vitest';
import { StoreError, toStoreError } from './errors.js';

const location = 'postgres://planboard@db.example.vn:5432/planboard';
const pgError = (code: string, message = 'from the server') =>
	Object.assign(new Error(message), { code });

describe('PostgreSQL failures as StoreErrors', () => {
	// The ones a test cannot make a real server produce on demand (a full disk, a lock timeout);
	// unique violations, read-only refusals and an unreachable server are met for real in
	// pg-open.test.ts.
	it.each([
		['53100', 'DISK_FULL'],
		['23505', 'CONFLICT'],
		['25006', 'READ_ONLY'],
		['55P03', 'LOCKED'],
		['40P01', 'LOCKED'],
		['XX001', 'CORRUPT'],
		['57P01', 'IO'],
		['08006', 'IO'],
		['ECONNREFUSED', 'IO'],
		['28P01', 'IO']
	])('SQLSTATE %s is %s and names the server', (code, expected) => {
		const error = toStoreError({ error: pgError(code), path: location });
		expect(error).toBeInstanceOf(StoreError);
		expect((error as StoreError).code).toBe(expected);
		expect((error as StoreError).path).toBe(location);
	});

	it('leaves a programming error (a syntax error) as it was', () => {
		const syntax = pgError('42601', 'syntax error at or near "SELEC"');
		expect(toStoreError({ error: syntax, path: location })).toBe(syntax);
	});
});

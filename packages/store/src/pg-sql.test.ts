import { describe, expect, it } from 'vitest';
import { toPositional } from './pg-sql.js';

describe('toPositional', () => {
	it('numbers ? in order and leaves casts, strings and comments alone', () => {
		const sql = toPositional(
			"SELECT '?', \"a?\" FROM t -- what?\nWHERE x = ? AND y = ?::text[] AND z <> '@no'"
		);
		expect(sql.text).toBe(
			"SELECT '?', \"a?\" FROM t -- what?\nWHERE x = $1 AND y = $2::text[] AND z <> '@no'"
		);
		expect(sql.bind([1, ['a']])).toEqual([1, ['a']]);
	});

	it('gives a repeated @name one number and binds by name', () => {
		const sql = toPositional('SELECT @prefix, @n, length(CAST(@prefix AS TEXT))');
		expect(sql.text).toBe('SELECT $1, $2, length(CAST($1 AS TEXT))');
		expect(sql.bind([{ n: 2, prefix: 'plan/', extra: true }])).toEqual(['plan/', 2]);
		expect(() => sql.bind([{ prefix: 'p' }])).toThrow(/@n/);
	});

	it('refuses a statement that mixes both kinds', () => {
		expect(() => toPositional('SELECT ?, @a')).toThrow(/mixes/);
	});
});

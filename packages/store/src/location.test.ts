import { describe, expect, it } from 'vitest';
import { postgresLocation } from './location.js';

describe('postgresLocation', () => {
	it('keeps the server and database and drops the password wherever it is written', () => {
		expect(postgresLocation('postgres://planboard:s3cret@db.example.vn:5433/planboard')).toBe(
			'postgres://planboard@db.example.vn:5433/planboard'
		);
		const fromQuery = postgresLocation(
			'postgresql://u@127.0.0.1/p?password=s3cret&sslmode=require'
		);
		expect(fromQuery).not.toContain('s3cret');
		expect(fromQuery).toContain('sslmode=require');
	});

	it('refuses what is not a PostgreSQL URL, without echoing it', () => {
		expect(() => postgresLocation('mysql://root:s3cret@h/db')).toThrow(/postgres:\/\//);
		expect(() => postgresLocation('not a url s3cret')).toThrow(/not a valid URL/);
		expect(() => postgresLocation('not a url s3cret')).not.toThrow(/s3cret/);
	});
});

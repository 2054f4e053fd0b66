import { describe, expect, it } from 'vitest';
import { databaseLocation, envConfig } from './env.js';

describe('the database in the configuration', () => {
	it('is the SQLite file in the data directory unless PLANBOARD_DATABASE_URL names PostgreSQL', () => {
		const file = envConfig({ PLANBOARD_DATA: '/srv/planboard' });
		expect(databaseLocation(file)).toEqual({ path: '/srv/planboard/planboard.db' });
		const url = 'postgres://planboard:s3cret@db.example.vn:5432/planboard';
		const pg = envConfig({ PLANBOARD_DATA: '/srv/planboard', PLANBOARD_DATABASE_URL: url });
		expect(databaseLocation(pg)).toEqual({ url });
	});

	it('bounds how long the event loop waits for PostgreSQL with PLANBOARD_DATABASE_TIMEOUT_MS', () => {
		const url = 'postgres://planboard@db.example.vn/planboard';
		const config = envConfig({ PLANBOARD_DATABASE_URL: url, PLANBOARD_DATABASE_TIMEOUT_MS: '800' });
		expect(databaseLocation(config)).toEqual({
			url,
			connectTimeoutMs: 800,
			statementTimeoutMs: 800
		});
		const file = envConfig({ PLANBOARD_DATA: '/srv/p', PLANBOARD_DATABASE_TIMEOUT_MS: '800' });
		expect(databaseLocation(file)).toEqual({ path: '/srv/p/planboard.db' });
		expect(() => envConfig({ PLANBOARD_DATABASE_TIMEOUT_MS: 'soon' })).toThrow(
			/PLANBOARD_DATABASE_TIMEOUT_MS/
		);
	});

	it('refuses a URL that is not PostgreSQL without repeating it (it may hold a password)', () => {
		const read = () => envConfig({ PLANBOARD_DATABASE_URL: 'mysql://root:s3cret@db/planboard' });
		expect(read).toThrow(/PLANBOARD_DATABASE_URL must be a PostgreSQL URL/);
		expect(read).not.toThrow(/s3cret/);
	});
});

import { describe, expect, it } from 'vitest';
import { initialAdmin } from './initial-admin.js';

describe('the first administrator from the environment', () => {
	it('is read from PLANBOARD_ADMIN_USERNAME and PLANBOARD_ADMIN_PASSWORD with demo mode off', () => {
		expect(initialAdmin({ PLANBOARD_DEMO: '0' })).toBeNull();
		expect(
			initialAdmin({
				PLANBOARD_DEMO: '0',
				PLANBOARD_ADMIN_USERNAME: ' quantri ',
				PLANBOARD_ADMIN_PASSWORD: 'mot-mat-khau-dai'
			})
		).toEqual({ username: 'quantri', password: 'mot-mat-khau-dai' });
	});

	it('refuses half a pair and demo mode, never repeating the password', () => {
		const half = () =>
			initialAdmin({ PLANBOARD_DEMO: '0', PLANBOARD_ADMIN_PASSWORD: 'bi-mat-cua-toi-123' });
		expect(half).toThrow(/set both/);
		expect(half).not.toThrow(/bi-mat-cua-toi-123/);
		const demo = () =>
			initialAdmin({
				PLANBOARD_ADMIN_USERNAME: 'quantri',
				PLANBOARD_ADMIN_PASSWORD: 'bi-mat-cua-toi-123'
			});
		expect(demo).toThrow(/PLANBOARD_DEMO=0/);
		expect(demo).not.toThrow(/bi-mat-cua-toi-123/);
	});
});

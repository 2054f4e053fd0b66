import { describe, expect, it } from 'vitest';
import { StoreError } from './errors.js';
import { BACKENDS, useTempStore } from './test-store.js';

describe.each(BACKENDS)('%s', (backend) => {
	const t = useTempStore(backend);

	describe('plans', () => {
		it('inserts, lists and gets plans', () => {
			t.store.plans.insert({
				id: 'p-2024',
				title: 'Kế hoạch 2024',
				year: 2024,
				sourceJson: '{"a":1}'
			});
			t.store.plans.insert({ id: 'p-2025', title: 'Kế hoạch 2025', year: 2025, sourceJson: '{}' });
			expect(t.store.plans.list()).toEqual([
				{ id: 'p-2025', title: 'Kế hoạch 2025', year: 2025, createdAt: new Date(t.clock.now) },
				{ id: 'p-2024', title: 'Kế hoạch 2024', year: 2024, createdAt: new Date(t.clock.now) }
			]);
			expect(t.store.plans.get('p-2024')?.sourceJson).toBe('{"a":1}');
			expect(t.store.plans.get('nope')).toBeNull();
			expect(t.store.plans.exists('p-2024')).toBe(true);
			expect(t.store.plans.exists('nope')).toBe(false);
			expect(() =>
				t.store.plans.insert({ id: 'p-2024', title: '', year: 1, sourceJson: '' })
			).toThrow(StoreError);
		});

		it('replaces agencies keeping their order', () => {
			t.store.plans.insert({ id: 'p', title: 'P', year: 2025, sourceJson: '{}' });
			const agencies = [
				{ id: 'so-yte', name: 'Sở Y tế', shortName: 'SYT', kind: 'department' },
				{ id: 'ca-tinh', name: 'Công an tỉnh', shortName: 'CA', kind: 'police' }
			];
			t.store.plans.setAgencies({ planId: 'p', agencies });
			expect(t.store.plans.agencies('p')).toEqual(agencies);
			t.store.plans.setAgencies({ planId: 'p', agencies: [agencies[1]] });
			expect(t.store.plans.agencies('p')).toEqual([agencies[1]]);
		});
	});
});

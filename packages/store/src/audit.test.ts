import { describe, expect, it } from 'vitest';
import { BACKENDS, useTempStore } from './test-store.js';

describe.each(BACKENDS)('%s', (backend) => {
	const t = useTempStore(backend);

	describe('audit log', () => {
		it('logs entries with JSON detail and pages newest first', () => {
			t.store.audit.log({ userId: null, action: 'plan.import', detail: { planId: 'p' } });
			t.clock.now += 1;
			t.store.audit.log({ userId: 'u1', action: 'user.disable', detail: { target: 'u2' } });
			t.store.audit.log({ userId: 'u1', action: 'login' });
			const [newest, middle] = t.store.audit.list({ limit: 2 });
			expect(newest).toMatchObject({ action: 'login', userId: 'u1', detail: null });
			expect(middle).toMatchObject({
				action: 'user.disable',
				detail: { target: 'u2' },
				at: new Date(t.clock.now)
			});
			expect(t.store.audit.list({ limit: 10, beforeId: middle.id })).toMatchObject([
				{ action: 'plan.import', userId: null, detail: { planId: 'p' } }
			]);
		});
	});
});

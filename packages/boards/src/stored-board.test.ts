import { join } from 'node:path';
import { agencyDocName, planDocName } from '@planboard/model';
import type { Store } from '@planboard/store';
import { afterEach, beforeEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tempDir } from '../../../tests/support/harness.js';
import { readStoredBoard } from './stored-board.js';
import { openTestStore } from '../../../tests/support/test-database.js';

let tmp: ReturnType<typeof tempDir>;
let store: Store;
const clock = { now: Date.UTC(2025, 5, 1) };

beforeEach(() => {
	tmp = tempDir();
	store = openTestStore({ path: join(tmp.dir, 'planboard.db'), now: () => clock.now });
});
afterEach(() => {
	store.close();
	tmp.cleanup();
});

const state = (source: Awaited<ReturnType<typeof readStoredBoard>>, name: string) => {
	const doc = new Y.Doc();
	const update = source?.loadState(name);
	if (update) Y.applyUpdate(doc, update);
	return doc.getMap('meta').get('title');
};

it('reads every document of a board, now and as it stood at an instant', async () => {
	store.plans.insert({ id: 'p1', title: 'Kế hoạch', year: 2025, sourceJson: '{}' });
	store.plans.setAgencies({
		planId: 'p1',
		agencies: [
			{ id: 'a1', name: 'Sở A', shortName: 'A', kind: 'department' },
			{ id: 'a2', name: 'Sở B', shortName: 'B', kind: 'department' }
		]
	});
	const plan = new Y.Doc();
	plan.getMap('meta').set('title', 'cũ');
	store.updates.append({
		document: planDocName('p1'),
		update: Y.encodeStateAsUpdate(plan),
		userId: null
	});
	const before = new Date(clock.now);
	clock.now += 1000;
	const sv = Y.encodeStateVector(plan);
	plan.getMap('meta').set('title', 'mới');
	store.updates.append({
		document: planDocName('p1'),
		update: Y.encodeStateAsUpdate(plan, sv),
		userId: 'u1'
	});

	const now = await readStoredBoard({ store, planId: 'p1' });
	expect(now?.plan.title).toBe('Kế hoạch');
	expect(now?.agencies.map((a) => a.id)).toEqual(['a1', 'a2']);
	expect(state(now, planDocName('p1'))).toBe('mới');
	// A lane never written reads as null, as a backup leaves it out.
	expect(now?.loadState(agencyDocName({ planId: 'p1', agencyId: 'a1' }))).toBeNull();

	const then = await readStoredBoard({ store, planId: 'p1', at: before });
	expect(state(then, planDocName('p1'))).toBe('cũ');
	expect(await readStoredBoard({ store, planId: 'none' })).toBeNull();
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openStore, type Store } from './open.js';

/** A fresh store on a real file in a temp directory for each test; `clock.now` drives its time. */
export function useTempStore(): { readonly store: Store; clock: { now: number } } {
	const clock = { now: 1_700_000_000_000 };
	let dir = '';
	let store: Store | undefined;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'planboard-store-'));
		store = openStore({ path: join(dir, 'board.db'), now: () => clock.now });
	});
	afterEach(() => {
		store?.close();
		rmSync(dir, { recursive: true, force: true });
	});
	return {
		get store() {
			return store!;
		},
		clock
	};
}

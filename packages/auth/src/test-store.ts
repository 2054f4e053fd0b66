import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '@planboard/store';
import { afterEach, beforeEach } from 'vitest';

/** A fresh store on a real SQLite file in a temp directory for each test. */
export function useTempStore(): { readonly store: Store } {
	let dir = '';
	let store: Store | undefined;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'planboard-auth-'));
		store = openStore({ path: join(dir, 'board.db') });
	});
	afterEach(() => {
		store?.close();
		rmSync(dir, { recursive: true, force: true });
	});
	return {
		get store() {
			return store!;
		}
	};
}

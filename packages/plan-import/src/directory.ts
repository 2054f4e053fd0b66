import { readFileSync } from 'node:fs';
import type { AgencyDirectory } from './types.js';

/**
 * The Gia Lai agency directory as of 2024. Read relative to this module, so it loads from
 * both `src/` and `dist/`. (The data folder is `directories/`: the repository ignores `data/`.)
 */
export function loadGiaLaiDirectory(): AgencyDirectory {
	const url = new URL('../directories/gia-lai-2024.json', import.meta.url);
	return JSON.parse(readFileSync(url, 'utf8')) as AgencyDirectory;
}

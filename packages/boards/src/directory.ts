import { loadGiaLaiDirectory, type AgencyDirectory } from '@planboard/plan-import';
import type { Store } from '@planboard/store';

/**
 * The agency directory new boards are matched against. The one place that decides it: web, API
 * and CLI all ask here. Today the Gia Lai 2024 directory shipped with the importer; the
 * installation's own directory kept in the store replaces it.
 */
export function boardDirectory(_store: Store): AgencyDirectory {
	return loadGiaLaiDirectory();
}

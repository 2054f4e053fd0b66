import type { AgencyDirectory } from '@planboard/plan-import';
import type { Store } from '@planboard/store';

/**
 * The agency directory new boards are matched against. The one place that decides it: web, API
 * and CLI all ask here. It is the installation's own directory kept in the store (`planboard
 * init` seeds it with Gia Lai 2024), retired agencies included, so old names still match and
 * the importer can name their successors.
 */
export function boardDirectory(store: Store): AgencyDirectory {
	return store.agencies.toDirectory();
}

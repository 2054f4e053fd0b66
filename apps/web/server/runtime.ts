import type { Store } from '@planboard/store';
import type { EnvConfig, Logger } from '@planboard/config';
import type { SyncServer } from '@planboard/sync';

/** What the SvelteKit handler needs from the process that hosts it. */
export interface Runtime {
	store: Store;
	sync: Pick<
		SyncServer,
		| 'revokeSession'
		| 'revokeUser'
		| 'revokeShareLink'
		| 'onShareLinkRevoked'
		| 'onDocumentChange'
		| 'cluster'
	>;
	log: Logger;
	config: EnvConfig;
}

export const RUNTIME_KEY = Symbol.for('planboard.runtime');

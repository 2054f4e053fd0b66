import { resolve } from 'node:path';
import { openStore } from '@planboard/store';
import { createLogger, databaseLocation, envConfig } from '@planboard/config';
import { RUNTIME_KEY, type Runtime } from '../../../server/runtime.js';

let fallback: Runtime | null = null;

/**
 * The runtime registered by `server/main.ts`. Under `vite dev` there is none, so a store is
 * opened from the environment and sync revocations are no-ops (dev serves no WebSocket).
 */
export function runtime(): Runtime {
	const registered = (globalThis as Record<symbol, unknown>)[RUNTIME_KEY] as Runtime | undefined;
	if (registered) return registered;
	if (!fallback) {
		const config = envConfig({
			...process.env,
			PLANBOARD_DATA: process.env.PLANBOARD_DATA ?? resolve('../../data')
		});
		fallback = {
			store: openStore(databaseLocation(config)),
			sync: {
				revokeSession: () => 0,
				revokeUser: () => 0,
				revokeShareLink: () => {},
				onShareLinkRevoked: () => () => {},
				onDocumentChange: () => () => {},
				cluster: null
			},
			log: createLogger(),
			config
		};
	}
	return fallback;
}

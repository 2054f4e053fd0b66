import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setMalformedReporter } from '@planboard/model';
import { openStore, type Store } from '@planboard/store';
import { databaseLocation, type EnvConfig, type Logger } from '@planboard/config';
import { healthHandler, installShutdown, metricsHandler } from './lifecycle.js';
import { createSyncServer, type SyncServer } from './server.js';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * What both entry points share: the store, the sync server on `/collab`, `/healthz`, `/metrics`
 * and clean shutdown. The standalone sync server serves nothing else; the combined server hands
 * every other request to SvelteKit, which it can only import once the store exists.
 */
export function createHost({ config, log }: { config: EnvConfig; log: Logger }) {
	// Documents the server reads (page renders, exports) report malformed entries in its log.
	setMalformedReporter((entry) => log.warn('model.malformed_entry', { ...entry }));
	const store: Store = openStore(databaseLocation(config));
	const sync: SyncServer = createSyncServer({
		store,
		log,
		allowedOrigins: config.allowedOrigins,
		maxPayloadBytes: config.maxPayloadBytes,
		flood: config.flood,
		durableLog: { retentionMs: config.retentionMs },
		sessionMaxAgeMs: config.sessionMaxAgeMs,
		redisUrl: config.redisUrl
	});
	const health = healthHandler({ store, cluster: sync.cluster });
	const metrics = config.metrics
		? metricsHandler({ sync, token: config.metricsToken })
		: () => false;

	/** Listens; resolves with the bound port (PORT=0 picks a free one). */
	const serve = (app: RequestHandler | null): Promise<{ server: Server; port: number }> => {
		const server = createServer((req, res) => {
			if (health(req, res) || metrics(req, res)) return;
			if (app) app(req, res);
			else res.writeHead(404).end();
		});
		server.on('upgrade', (req, socket, head) => {
			if (!sync.handleUpgrade(req, socket, head)) socket.destroy();
		});
		installShutdown({ server, sync, store, log });
		return new Promise((resolve) => {
			server.listen(config.port, config.host, () => {
				const address = server.address();
				resolve({
					server,
					port: typeof address === 'object' && address ? address.port : config.port
				});
			});
		});
	};
	return { store, sync, serve };
}

import { createServer } from 'node:http';
import { openStore } from '@planboard/store';
import {
	createLogger,
	createSyncServer,
	envConfig,
	healthHandler,
	installShutdown,
	metricsHandler
} from '@planboard/sync';
import { RUNTIME_KEY, type Runtime } from './runtime.js';

/**
 * `npm start`: the SvelteKit app and the sync endpoint on one port, in one process, sharing one
 * SQLite connection. The SvelteKit handler reaches the store and the sync server through the
 * runtime object registered on globalThis before the handler is imported.
 */
const config = envConfig(process.env);
const log = createLogger();
const store = openStore({ path: config.databasePath });
const sync = createSyncServer({
	store,
	log,
	allowedOrigins: config.allowedOrigins,
	maxPayloadBytes: config.maxPayloadBytes,
	flood: config.flood,
	durableLog: { retentionMs: config.retentionMs }
});
const runtime: Runtime = { store, sync, log, config };
(globalThis as Record<symbol, unknown>)[RUNTIME_KEY] = runtime;

// adapter-node assumes https unless told; the protocol comes from the socket itself here (the
// header is overwritten per request, so clients cannot choose it), or from PLANBOARD_ORIGIN
// when a TLS proxy fronts the server.
const PROTO_HEADER = 'x-planboard-proto';
if (!process.env.ORIGIN && config.allowedOrigins?.length === 1) process.env.ORIGIN = config.allowedOrigins[0];
else process.env.PROTOCOL_HEADER ??= PROTO_HEADER;

const { handler } = (await import(new URL('../build/handler.js', import.meta.url).href)) as {
	handler: (req: unknown, res: unknown, next?: () => void) => void;
};
const health = healthHandler({ store });
const metrics = config.metrics ? metricsHandler({ sync }) : () => false;
const server = createServer((req, res) => {
	req.headers[PROTO_HEADER] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
	if (!health(req, res) && !metrics(req, res)) handler(req, res);
});
server.on('upgrade', (req, socket, head) => {
	if (!sync.handleUpgrade(req, socket, head)) socket.destroy();
});
installShutdown({ server, sync, store, log });
server.listen(config.port, config.host, () => {
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : config.port;
	log.info('server.listening', { url: `http://localhost:${port}`, sync: `ws://localhost:${port}/collab` });
	if (process.stdout.isTTY || process.env.PLANBOARD_BANNER !== '0') {
		console.log(`\nPlanboard: http://localhost:${port}\n`);
	}
});

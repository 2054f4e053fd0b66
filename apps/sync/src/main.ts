import { createServer } from 'node:http';
import { openStore } from '@planboard/store';
import { createLogger } from './log.js';
import { envConfig } from './env.js';
import { createSyncServer } from './server.js';
import { healthHandler, installShutdown, metricsHandler } from './lifecycle.js';

/** Standalone sync server, for deployments that run the web app and sync apart. */
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
const health = healthHandler({ store });
const metrics = config.metrics ? metricsHandler({ sync }) : () => false;
const server = createServer((req, res) => {
	if (!health(req, res) && !metrics(req, res)) {
		res.writeHead(404).end();
	}
});
server.on('upgrade', (req, socket, head) => {
	if (!sync.handleUpgrade(req, socket, head)) socket.destroy();
});
installShutdown({ server, sync, store, log });
server.listen(config.port, config.host, () => {
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : config.port;
	log.info('sync.listening', { port, database: config.databasePath });
});

import { createLogger, envConfig, routeConsoleToLog } from '@planboard/config';
import { createHost } from './host.js';
import { startOrExit } from './lifecycle.js';

/** Standalone sync server, for deployments that run the web app and sync apart. */
const config = envConfig(process.env);
const log = createLogger();
routeConsoleToLog(log);
const host = startOrExit({ log, start: () => createHost({ config, log }) });
const { port } = await host.serve(null);
// The store's path: the file, or the PostgreSQL URL without its password.
log.info('sync.listening', { port, database: host.store.path });

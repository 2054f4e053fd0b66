export { createSyncServer, DEFAULT_MAX_PAYLOAD } from './server.js';
export type { SyncServer, SyncServerOptions } from './server.js';
export { createLogger } from './log.js';
export type { Logger } from './log.js';
export { envConfig } from './env.js';
export type { EnvConfig } from './env.js';
export { healthHandler, installShutdown } from './lifecycle.js';
export { CloseCodes } from './close-codes.js';
export type { SyncContext, SyncUser } from './context.js';

export { createSyncServer } from './server.js';
export type { SyncServer, SyncServerOptions } from './server.js';
export { healthHandler, installShutdown, metricsHandler, startOrExit } from './lifecycle.js';
export { CloseCodes } from './close-codes.js';
export { GroupCommitter } from './group-commit.js';
export type { AppendOutcome, CommitBoundary, GroupCommitOptions } from './group-commit.js';
export type { SyncContext, SyncUser } from './context.js';
export { createHost } from './host.js';
export type { RequestHandler } from './host.js';

export { databaseLocation, demoRefusal, envConfig, isLoopbackHost, type EnvConfig } from './env.js';
export { initialAdmin, type InitialAdmin } from './initial-admin.js';
export {
	createLogger,
	routeConsoleToLog,
	MAX_LOG_FIELD_CHARS,
	MAX_LOG_MESSAGE_CHARS,
	type Logger
} from './log.js';
export { DEFAULT_FLOOD_LIMITS, DEFAULT_MAX_PAYLOAD, type FloodLimits } from './limits.js';

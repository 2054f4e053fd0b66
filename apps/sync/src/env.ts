import { resolve } from 'node:path';
import { DEFAULT_MAX_PAYLOAD } from './server.js';

/** Settings shared by the combined server and the standalone sync server. */
export interface EnvConfig {
	dataDir: string;
	databasePath: string;
	port: number;
	host: string;
	allowedOrigins: string[] | null;
	maxPayloadBytes: number;
}

export function envConfig(env: NodeJS.ProcessEnv): EnvConfig {
	const dataDir = resolve(env.PLANBOARD_DATA || './data');
	const origins = (env.PLANBOARD_ORIGIN ?? '')
		.split(',')
		.map((o) => o.trim().replace(/\/$/, ''))
		.filter(Boolean);
	return {
		dataDir,
		databasePath: resolve(dataDir, 'planboard.db'),
		port: intFrom(env.PORT, 3000, 'PORT'),
		host: env.HOST || '0.0.0.0',
		allowedOrigins: origins.length > 0 ? origins : null,
		maxPayloadBytes: intFrom(env.PLANBOARD_MAX_PAYLOAD, DEFAULT_MAX_PAYLOAD, 'PLANBOARD_MAX_PAYLOAD')
	};
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
	if (value === undefined || value === '') return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
	return n;
}

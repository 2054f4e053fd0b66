import { resolve } from 'node:path';
import { DEFAULT_MAX_PAYLOAD } from './server.js';
import { DEFAULT_FLOOD_LIMITS, type FloodLimits } from './inbound-pacer.js';

/** Settings shared by the combined server and the standalone sync server. */
export interface EnvConfig {
	dataDir: string;
	databasePath: string;
	port: number;
	host: string;
	allowedOrigins: string[] | null;
	maxPayloadBytes: number;
	/** false turns pacing off (Hocuspocus's own behaviour), for the flood benchmark's baseline. */
	flood: FloodLimits | false;
	/** Update-log rows older than this and covered by a snapshot are deleted; null keeps all history. */
	retentionMs: number | null;
	/** Serve `GET /metrics` (event-loop delay, connections, memory); off unless PLANBOARD_METRICS=1. */
	metrics: boolean;
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
		maxPayloadBytes: intFrom(
			env.PLANBOARD_MAX_PAYLOAD,
			DEFAULT_MAX_PAYLOAD,
			'PLANBOARD_MAX_PAYLOAD'
		),
		flood:
			env.PLANBOARD_FLOOD_PACING === '0'
				? false
				: {
						...DEFAULT_FLOOD_LIMITS,
						messagesPerSecond: intFrom(
							env.PLANBOARD_FLOOD_MESSAGES_PER_SECOND,
							DEFAULT_FLOOD_LIMITS.messagesPerSecond,
							'PLANBOARD_FLOOD_MESSAGES_PER_SECOND'
						),
						bytesPerSecond: intFrom(
							env.PLANBOARD_FLOOD_BYTES_PER_SECOND,
							DEFAULT_FLOOD_LIMITS.bytesPerSecond,
							'PLANBOARD_FLOOD_BYTES_PER_SECOND'
						),
						maxQueuedMessages: intFrom(
							env.PLANBOARD_FLOOD_MAX_QUEUED,
							DEFAULT_FLOOD_LIMITS.maxQueuedMessages,
							'PLANBOARD_FLOOD_MAX_QUEUED'
						)
					},
		retentionMs: env.PLANBOARD_RETENTION_DAYS
			? intFrom(env.PLANBOARD_RETENTION_DAYS, 0, 'PLANBOARD_RETENTION_DAYS') * 86_400_000
			: null,
		metrics: env.PLANBOARD_METRICS === '1'
	};
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
	if (value === undefined || value === '') return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 0)
		throw new Error(`${name} must be a non-negative integer, got "${value}"`);
	return n;
}

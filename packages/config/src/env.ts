import { resolve } from 'node:path';
import { DEFAULT_FLOOD_LIMITS, DEFAULT_MAX_PAYLOAD, type FloodLimits } from './limits.js';

/** Settings shared by the combined server and the standalone sync server. */
export interface EnvConfig {
	dataDir: string;
	/** The SQLite file in the data directory; unused when `databaseUrl` is set. */
	databasePath: string;
	/**
	 * `PLANBOARD_DATABASE_URL` (`postgres://user:password@host:port/database`): the store on
	 * PostgreSQL instead of the SQLite file, so several servers on several machines share it;
	 * unset, SQLite. Open the store with `databaseLocation`, never from either field directly.
	 */
	databaseUrl: string | null;
	/**
	 * `PLANBOARD_DATABASE_TIMEOUT_MS`: PostgreSQL only, the longest the event loop waits for a
	 * connection or for one statement's answer when the server stops answering (each statement
	 * blocks it, see the store's pg-driver.ts); after that the store fails every statement at once
	 * until the server answers again. Null: the store's defaults (2 s to connect, 5 s a statement).
	 */
	databaseTimeoutMs: number | null;
	port: number;
	/** `HOST`; unset, loopback (127.0.0.1) in demo mode and every interface (0.0.0.0) otherwise. */
	host: string;
	/**
	 * Demo mode (the demo accounts with their published password): `default` when
	 * `PLANBOARD_DEMO` is unset, `explicit` for `PLANBOARD_DEMO=1`, `off` for `0`.
	 */
	demo: 'off' | 'default' | 'explicit';
	allowedOrigins: string[] | null;
	maxPayloadBytes: number;
	/** false turns pacing off (Hocuspocus's own behaviour), for the flood benchmark's baseline. */
	flood: FloodLimits | false;
	/** Update-log rows older than this and covered by a snapshot are deleted; null keeps all history. */
	retentionMs: number | null;
	/** Serve `GET /metrics` (event-loop delay, connections, memory); off unless PLANBOARD_METRICS=1. */
	metrics: boolean;
	/** `PLANBOARD_METRICS_TOKEN`: `/metrics` wants it as a bearer token; unset, it answers loopback only. */
	metricsToken: string | null;
	/** `PLANBOARD_SESSION_MAX_DAYS` (30): a session ends this long after its login, used or not. */
	sessionMaxAgeMs: number;
	/**
	 * `PLANBOARD_SMTP_URL` (e.g. `smtps://user:pass@mail.example.vn`): where daily digests are
	 * sent through; unset, no email is ever sent.
	 */
	smtpUrl: string | null;
	/** `PLANBOARD_MAIL_FROM`: the digests' sender address. */
	mailFrom: string;
	/** `PLANBOARD_DIGEST_HOUR` (7): the hour of the Vietnam day (0-23) the digests go out from. */
	digestHour: number;
	/**
	 * `PLANBOARD_REDIS_URL` (`redis://host:port`): several servers share one database and relay
	 * document updates, socket revocations and login counts through this Redis; unset, one server.
	 */
	redisUrl: string | null;
}

export function envConfig(env: NodeJS.ProcessEnv): EnvConfig {
	const dataDir = resolve(env.PLANBOARD_DATA || './data');
	const origins = (env.PLANBOARD_ORIGIN ?? '')
		.split(',')
		.map((o) => o.trim().replace(/\/$/, ''))
		.filter(Boolean);
	const demo =
		env.PLANBOARD_DEMO === '0' ? 'off' : env.PLANBOARD_DEMO === '1' ? 'explicit' : 'default';
	return {
		dataDir,
		databasePath: resolve(dataDir, 'planboard.db'),
		databaseUrl: databaseUrlFrom(env.PLANBOARD_DATABASE_URL),
		databaseTimeoutMs: env.PLANBOARD_DATABASE_TIMEOUT_MS
			? intFrom(env.PLANBOARD_DATABASE_TIMEOUT_MS, 0, 'PLANBOARD_DATABASE_TIMEOUT_MS')
			: null,
		port: intFrom(env.PORT, 3000, 'PORT'),
		host: env.HOST || (demo === 'off' ? '0.0.0.0' : '127.0.0.1'),
		demo,
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
		metrics: env.PLANBOARD_METRICS === '1',
		metricsToken: env.PLANBOARD_METRICS_TOKEN || null,
		sessionMaxAgeMs:
			intFrom(env.PLANBOARD_SESSION_MAX_DAYS, 30, 'PLANBOARD_SESSION_MAX_DAYS') * 86_400_000,
		smtpUrl: env.PLANBOARD_SMTP_URL || null,
		mailFrom: env.PLANBOARD_MAIL_FROM || 'Planboard <planboard@localhost>',
		digestHour: hourFrom(env.PLANBOARD_DIGEST_HOUR),
		redisUrl: redisUrlFrom(env.PLANBOARD_REDIS_URL)
	};
}

/**
 * Why the server must not start as configured, in one line, or null. Demo mode creates accounts
 * whose password the README and the login page publish: fine on a laptop, never in production,
 * and on a network only when someone asked for it with `PLANBOARD_DEMO=1`.
 */
export function demoRefusal(config: EnvConfig, env: NodeJS.ProcessEnv): string | null {
	if (config.demo === 'off') return null;
	if (env.NODE_ENV === 'production')
		return 'Demo mode (demo accounts with a published password) refuses NODE_ENV=production: set PLANBOARD_DEMO=0 and create users with "planboard user add".';
	if (config.demo === 'default' && !isLoopbackHost(config.host))
		return `Demo mode refuses to listen on ${config.host}, which other machines can reach: set PLANBOARD_DEMO=1 to allow it, PLANBOARD_DEMO=0 to turn demo accounts off, or HOST=127.0.0.1.`;
	return null;
}

/** A listen address only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
	const h = host
		.toLowerCase()
		.replace(/^\[|\]$/g, '')
		.replace(/^::ffff:/, '');
	return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * Where the store lives, as `openStore` takes it: the one place that chooses between PostgreSQL
 * and the SQLite file, for the servers and every CLI command alike.
 */
export function databaseLocation(
	config: Pick<EnvConfig, 'databasePath' | 'databaseUrl'> &
		Partial<Pick<EnvConfig, 'databaseTimeoutMs'>>
): { url: string; connectTimeoutMs?: number; statementTimeoutMs?: number } | { path: string } {
	if (!config.databaseUrl) return { path: config.databasePath };
	const timeout = config.databaseTimeoutMs ?? null;
	return timeout === null
		? { url: config.databaseUrl }
		: { url: config.databaseUrl, connectTimeoutMs: timeout, statementTimeoutMs: timeout };
}

function databaseUrlFrom(value: string | undefined): string | null {
	if (!value) return null;
	// The message never repeats the value: it may hold a password.
	if (!/^postgres(ql)?:\/\/[^/]/.test(value) || !URL.canParse(value))
		throw new Error(
			'PLANBOARD_DATABASE_URL must be a PostgreSQL URL: postgres://user:password@host:port/database'
		);
	return value;
}

function redisUrlFrom(value: string | undefined): string | null {
	if (!value) return null;
	if (!/^rediss?:\/\//.test(value))
		throw new Error(`PLANBOARD_REDIS_URL must start with redis:// or rediss://, got "${value}"`);
	return value;
}

function hourFrom(value: string | undefined): number {
	const hour = intFrom(value, 7, 'PLANBOARD_DIGEST_HOUR');
	if (hour > 23)
		throw new Error(`PLANBOARD_DIGEST_HOUR must be an hour from 0 to 23, got "${value}"`);
	return hour;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
	if (value === undefined || value === '') return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 0)
		throw new Error(`${name} must be a non-negative integer, got "${value}"`);
	return n;
}

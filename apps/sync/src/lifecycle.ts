import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { StoreError, type Store } from '@planboard/store';
import { isLoopbackHost, type Logger } from '@planboard/config';
import type { SyncServer } from './server.js';
import type { Cluster } from './cluster/cluster.js';

/**
 * `GET /healthz`: 200 once the database answers, 503 otherwise, naming its state:
 * `{ ok, dependencies: { database: 'up' | 'down' } }`. With Redis (several servers) it names Redis
 * too: `{ ok, status: 'ok' | 'degraded' | 'down', dependencies: { database, redis } }`, and Redis
 * down is `degraded` with 200, since this server still serves its own clients (a
 * load balancer must not take it out). Returns false for other paths.
 */
export function healthHandler({ store, cluster }: { store: Store; cluster?: Cluster | null }) {
	return (req: IncomingMessage, res: ServerResponse): boolean => {
		if (req.url !== '/healthz') return false;
		let ok = false;
		try {
			ok = store.maintenance.ping();
		} catch {
			ok = false;
		}
		res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
		if (!cluster) {
			res.end(JSON.stringify({ ok, dependencies: { database: ok ? 'up' : 'down' } }));
			return true;
		}
		const redisUp = cluster.up;
		res.end(
			JSON.stringify({
				ok,
				status: !ok ? 'down' : redisUp ? 'ok' : 'degraded',
				dependencies: { database: ok ? 'up' : 'down', redis: redisUp ? 'up' : 'down' }
			})
		);
		return true;
	};
}

/** SIGTERM and SIGINT: stop accepting, close sockets, store pending snapshots, close SQLite. */
export function installShutdown(options: {
	server: Server;
	sync: SyncServer;
	store: Store;
	log: Logger;
}) {
	const { server, sync, store, log } = options;
	let closing = false;
	const shutdown = async (signal: string) => {
		if (closing) return;
		closing = true;
		log.info('server.stopping', { signal });
		server.close();
		await sync.close();
		store.close();
		log.info('server.stopped', { signal });
		process.exit(0);
	};
	process.on('SIGTERM', () => void shutdown('SIGTERM'));
	process.on('SIGINT', () => void shutdown('SIGINT'));
}

/**
 * `GET /metrics`: event-loop delay (ms, since the last `?reset=1`), open connections and
 * documents, and memory. Benchmarks and the flood test read it from a child-process server.
 * With `token` set, only `Authorization: Bearer <token>` gets an answer; without one, only
 * clients on the loopback interface do (the server may listen on every interface).
 */
export function metricsHandler({ sync, token }: { sync: SyncServer; token?: string | null }) {
	const delay = monitorEventLoopDelay({ resolution: 5 });
	delay.enable();
	return (req: IncomingMessage, res: ServerResponse): boolean => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		if (url.pathname !== '/metrics') return false;
		if (!metricsAllowed(req, token ?? null)) {
			res.writeHead(token ? 401 : 403, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ message: token ? 'metrics token required' : 'loopback only' }));
			return true;
		}
		const ms = (ns: number) => Math.round(ns / 1e4) / 100;
		const memory = process.memoryUsage();
		const body = {
			eventLoopDelay: {
				p50: ms(delay.percentile(50)),
				p99: ms(delay.percentile(99)),
				max: ms(delay.max)
			},
			connections: sync.hocuspocus.getConnectionsCount(),
			documents: sync.hocuspocus.getDocumentsCount(),
			rss: memory.rss,
			heapUsed: memory.heapUsed
		};
		if (url.searchParams.get('reset') === '1') delay.reset();
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify(body));
		return true;
	};
}

function metricsAllowed(req: IncomingMessage, token: string | null): boolean {
	if (!token) return isLoopbackHost(req.socket.remoteAddress ?? '');
	const sent = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? '';
	const a = createHash('sha256').update(sent).digest();
	const b = createHash('sha256').update(token).digest();
	return timingSafeEqual(a, b);
}

/**
 * Runs the startup steps (open the store, create the server) and turns a StoreError into one
 * log line naming the file and the fix, then exit code 1: an operator with a read-only volume or
 * a locked database needs that line, not a stack trace. Other errors are bugs and keep their stack.
 * Use as `const host = startOrExit({ log, start: () => createHost({ config, log }) })`.
 */
export function startOrExit<T>(options: { log: Logger; start: () => T }): T {
	try {
		return options.start();
	} catch (error) {
		if (!(error instanceof StoreError)) throw error;
		options.log.error('server.start_failed', {
			code: error.code,
			path: error.path,
			message: error.message
		});
		process.exit(1);
	}
}

import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Store } from '@planboard/store';
import type { Logger } from './log.js';
import type { SyncServer } from './server.js';

/** `GET /healthz`: 200 once the database answers, 503 otherwise. Returns false for other paths. */
export function healthHandler({ store }: { store: Store }) {
	return (req: IncomingMessage, res: ServerResponse): boolean => {
		if (req.url !== '/healthz') return false;
		let ok = false;
		try {
			ok = store.db.prepare('SELECT 1 AS ok').get() !== undefined;
		} catch {
			ok = false;
		}
		res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ ok }));
		return true;
	};
}

/** SIGTERM and SIGINT: stop accepting, close sockets, store pending snapshots, close SQLite. */
export function installShutdown(options: { server: Server; sync: SyncServer; store: Store; log: Logger }) {
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

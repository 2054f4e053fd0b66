import { createLogger, demoRefusal, envConfig, routeConsoleToLog } from '@planboard/config';
import { createHost, startOrExit, type RequestHandler } from '@planboard/sync';
import { MAX_PLAN_UPLOAD_BYTES } from '@planboard/boards';
import { startDigests } from './digest.js';
import { RUNTIME_KEY, type Runtime } from './runtime.js';

/**
 * `npm start`: the SvelteKit app and the sync endpoint on one port, in one process, sharing one
 * SQLite connection. The SvelteKit handler reaches the store and the sync server through the
 * runtime object registered on globalThis before the handler is imported.
 */
const config = envConfig(process.env);
const log = createLogger();
routeConsoleToLog(log);
// Demo accounts have a published password: never in production, never reachable from other
// machines unless PLANBOARD_DEMO=1 asks for it. One line saying why, then exit 1.
const refusal = demoRefusal(config, process.env);
if (refusal) {
	log.error('server.start_refused', { message: refusal });
	process.exit(1);
}
const { store, sync, serve } = startOrExit({ log, start: () => createHost({ config, log }) });
const runtime: Runtime = { store, sync, log, config };
(globalThis as Record<symbol, unknown>)[RUNTIME_KEY] = runtime;

// adapter-node assumes https unless told; the protocol comes from the socket itself here (the
// header is overwritten per request, so clients cannot choose it), or from PLANBOARD_ORIGIN
// when a TLS proxy fronts the server.
const PROTO_HEADER = 'x-planboard-proto';
if (!process.env.ORIGIN && config.allowedOrigins?.length === 1)
	process.env.ORIGIN = config.allowedOrigins[0];
else process.env.PROTOCOL_HEADER ??= PROTO_HEADER;

// adapter-node refuses bodies above BODY_SIZE_LIMIT (default 512 KiB); plan files may be 10 MiB,
// and `POST /api/plans` answers 413 itself for anything larger.
process.env.BODY_SIZE_LIMIT ??= String(MAX_PLAN_UPLOAD_BYTES);

const { handler } = (await import(new URL('../build/handler.js', import.meta.url).href)) as {
	handler: RequestHandler;
};
const { port } = await serve((req, res) => {
	req.headers[PROTO_HEADER] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
	handler(req, res);
});
log.info('server.listening', {
	url: `http://localhost:${port}`,
	sync: `ws://localhost:${port}/collab`
});
// Daily email digests, only when a mail server is configured; links use the public origin.
if (config.smtpUrl) {
	startDigests({
		store,
		log,
		smtpUrl: config.smtpUrl,
		from: config.mailFrom,
		hour: config.digestHour,
		origin: config.allowedOrigins?.[0] ?? `http://localhost:${port}`
	});
	log.info('digest.scheduled', { hour: config.digestHour });
}
if (process.env.PLANBOARD_BANNER !== '0')
	process.stdout.write(`\nPlanboard: http://localhost:${port}\n\n`);

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Hocuspocus, type Configuration } from '@hocuspocus/server';
import {
	createLogger,
	DEFAULT_FLOOD_LIMITS,
	DEFAULT_MAX_PAYLOAD,
	type FloodLimits,
	type Logger
} from '@planboard/config';
import { sqliteDocumentStore } from '@planboard/boards/documents';
import type { Store } from '@planboard/store';
import { WebSocketServer, type WebSocket } from 'ws';
import type { SyncContext } from './context.js';
import { Authorization } from './extensions/authorization.js';
import { ChangeFeed, type DocumentChangeListener } from './extensions/change-feed.js';
import { DurableLog, type DurableLogConfig } from './extensions/durable-log.js';
import { PresenceGuard } from './extensions/presence-guard.js';
import { PresenceFanout, type PresenceFanoutConfig } from './extensions/presence-fanout.js';
import { SchemaCheck } from './extensions/schema-check.js';
import { SubmissionStamp } from './extensions/submission-stamp.js';
import { SessionGuard } from './extensions/session-guard.js';
import { UpdateCheck } from './extensions/update-check.js';
import { originAllowed } from './origin.js';
import { InboundPacer } from './inbound-pacer.js';
import { CloseCodes } from './close-codes.js';
import { documentNameOf } from './frames.js';
import { AckGate } from './ack-gate.js';
import { GroupCommitter, type GroupCommitOptions } from './group-commit.js';
import { Cluster } from './cluster/cluster.js';

/** Well inside Hocuspocus's 60 s silence timeout, so one lost pong never cuts a client off. */
const DEFAULT_HEARTBEAT_MS = 20_000;

export interface SyncServerOptions {
	store: Store;
	log?: Logger;
	/** WebSocket path; upgrades on other paths are left to the caller. */
	path?: string;
	/** Allowed `Origin` values; null accepts only the server's own host. */
	allowedOrigins?: string[] | null;
	/** Frames above this size close the socket with 1009; nothing of them is applied. */
	maxPayloadBytes?: number;
	sessionCheckIntervalMs?: number;
	/** Absolute session lifetime (`PLANBOARD_SESSION_MAX_DAYS`); the auth package's default if unset. */
	sessionMaxAgeMs?: number;
	durableLog?: Partial<Pick<DurableLogConfig, 'snapshotAfter' | 'retentionMs'>>;
	/** When the updates of a turn are committed (default `immediate`); the test seam to hold it. */
	groupCommit?: Partial<Pick<GroupCommitOptions, 'boundary' | 'holdCommitForTest'>>;
	/** Per-connection pacing of inbound frames; Hocuspocus's own behaviour when false. */
	flood?: Partial<FloodLimits> | false;
	/** Coalesced presence fan-out (PresenceFanout); Hocuspocus's own, one message per update, when false. */
	presence?: Partial<PresenceFanoutConfig> | false;
	/** Refuse updates that break the document schema (default on; off only to measure its cost). */
	schemaCheck?: boolean;
	hocuspocus?: Partial<Configuration>;
	/**
	 * How often every socket is pinged (a WebSocket ping, which a browser answers by itself, its
	 * tab's timers throttled or not); each pong counts as a message for Hocuspocus's silence
	 * timeout. Default 20 s; 0 turns it off.
	 */
	heartbeatMs?: number;
	/**
	 * `PLANBOARD_REDIS_URL`: this server is one of several sharing the database; updates,
	 * revocations and login counts go through this Redis. Null or unset: a server on its own.
	 */
	redisUrl?: string | null;
}

export interface SyncServer {
	hocuspocus: Hocuspocus<SyncContext>;
	/** Returns false when the request is not for the sync path, so the caller may handle it. */
	handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	/** Closes the session's sockets here (returns how many) and on every other server. */
	revokeSession(sessionId: string): number;
	/** Closes the user's sockets here (returns how many) and on every other server. */
	revokeUser(userId: string): number;
	/** Tells the other servers a share link was revoked; each ends its streams of it. */
	revokeShareLink(linkId: string): void;
	/** Calls the listener when another server revoked a share link; returns the unsubscribe. */
	onShareLinkRevoked(listener: (linkId: string) => void): () => void;
	/** Redis and the other servers, when `redisUrl` is set. */
	cluster: Cluster | null;
	/**
	 * Calls the listener with each changed document's name, here or (announced through Redis) on
	 * another server; returns the unsubscribe function.
	 */
	onDocumentChange(listener: DocumentChangeListener): () => void;
	/** Closes every socket and stores pending snapshots. */
	close(): Promise<void>;
}

export function createSyncServer(options: SyncServerOptions): SyncServer {
	const log = options.log ?? createLogger();
	const path = options.path ?? '/collab';
	const guard = new SessionGuard({
		store: options.store,
		log,
		intervalMs: options.sessionCheckIntervalMs ?? 2000
	});
	const committer = new GroupCommitter({
		documents: sqliteDocumentStore(options.store),
		...options.groupCommit
	});
	const gate = new AckGate((socket) => committer.holds(socket));
	committer.onSettled(() => gate.release());
	const changes = new ChangeFeed({ whenStored: () => committer.flush() });
	const cluster: Cluster | null = options.redisUrl
		? new Cluster({
				url: options.redisUrl,
				log,
				memory: {
					of: (documentName) => durableLog.memoryOf(documentName),
					settled: () => committer.flush()
				}
			})
		: null;
	cluster?.events.subscribe((event) => {
		if (event.kind === 'session') guard.revokeSession(event.id);
		else if (event.kind === 'user') guard.revokeUser(event.id);
	});
	if (cluster) changes.subscribe((documentName) => cluster.announceChange(documentName));
	const durableLog: DurableLog = new DurableLog({
		documents: sqliteDocumentStore(options.store),
		committer,
		log,
		sharedLog: cluster && { leases: options.store.leases, holder: cluster.identifier },
		...options.durableLog
	});
	const hocuspocus = new Hocuspocus<SyncContext>({
		quiet: true,
		...options.hocuspocus,
		extensions: [
			new Authorization({
				store: options.store,
				log,
				guard,
				sessionMaxAgeMs: options.sessionMaxAgeMs
			}),
			new UpdateCheck({ log }),
			...(options.schemaCheck === false ? [] : [new SchemaCheck({ log })]),
			new SubmissionStamp({ log }),
			...(cluster ? [cluster.fanOut] : []),
			durableLog,
			new PresenceGuard({ log }),
			...(options.presence === false ? [] : [new PresenceFanout(options.presence)]),
			changes,
			...(options.hocuspocus?.extensions ?? [])
		]
	});
	const wss = new WebSocketServer({
		noServer: true,
		maxPayload: options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD,
		perMessageDeflate: false
	});

	const accept = (ws: WebSocket, request: IncomingMessage) => {
		const ip = request.socket.remoteAddress ?? '';
		const context: SyncContext = { socket: ws, ip, peer: {} };
		// Hocuspocus sends through the gate: a sender's acknowledgement waits for its group commit.
		const connection = hocuspocus.handleConnection(
			gate.wrap(ws),
			handshakeRequest(request),
			context
		);
		let lastFrame: Uint8Array | null = null;
		const who = () => ({
			user: context.peer.user?.username ?? null,
			ip,
			document: lastFrame && documentNameOf(lastFrame)
		});
		const pacer =
			options.flood === false
				? null
				: new InboundPacer(
						ws,
						(data) => connection.handleMessage(data),
						{ ...DEFAULT_FLOOD_LIMITS, ...options.flood },
						{
							onThrottle: () => log.warn('ws.throttled', who()),
							onOverflow: () => {
								log.warn('ws.flood_closed', who());
								ws.close(CloseCodes.RateLimited.code, CloseCodes.RateLimited.reason);
							}
						}
					);
		ws.on('message', (data: Buffer) => {
			const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
			lastFrame = frame;
			if (pacer) pacer.push(frame);
			else connection.handleMessage(frame);
		});
		// Hocuspocus closes a socket that sent no message for its `timeout` (60 s, 4408). A client
		// without presence sends nothing once synced (the progress board on a meeting-room screen:
		// cut off and resynced every one to two minutes), nor does a tab whose timers the browser
		// throttles; the pong to the server's ping shows it is there all the same.
		ws.on('pong', () => {
			connection.lastMessageReceivedAt = Date.now();
		});
		ws.on('close', (code, reason) => {
			pacer?.close();
			connection.handleClose({ code, reason: reason.toString() });
		});
		ws.on('error', (error) =>
			log.warn('ws.error', { ip, user: context.peer.user?.username, error })
		);
	};

	const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
	const heartbeat =
		heartbeatMs > 0
			? setInterval(() => {
					for (const client of wss.clients) if (client.readyState === client.OPEN) client.ping();
				}, heartbeatMs).unref()
			: undefined;

	return {
		hocuspocus,
		handleUpgrade(request, socket, head) {
			const url = new URL(request.url ?? '/', 'http://localhost');
			if (url.pathname !== path) return false;
			if (
				!originAllowed({
					origin: request.headers.origin,
					host: request.headers.host,
					secure: 'encrypted' in request.socket && request.socket.encrypted === true,
					allowed: options.allowedOrigins ?? null
				})
			) {
				log.warn('ws.origin_rejected', {
					origin: request.headers.origin,
					ip: request.socket.remoteAddress
				});
				socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
				return true;
			}
			wss.handleUpgrade(request, socket, head, (ws) => accept(ws, request));
			return true;
		},
		revokeSession(sessionId) {
			cluster?.publish({ kind: 'session', id: sessionId });
			return guard.revokeSession(sessionId);
		},
		revokeUser(userId) {
			cluster?.publish({ kind: 'user', id: userId });
			return guard.revokeUser(userId);
		},
		revokeShareLink(linkId) {
			cluster?.publish({ kind: 'share-link', id: linkId });
		},
		onShareLinkRevoked(listener) {
			if (!cluster) return () => {};
			return cluster.events.subscribe((event) => {
				if (event.kind === 'share-link') listener(event.id);
			});
		},
		cluster,
		onDocumentChange(listener) {
			const local = changes.subscribe(listener);
			const remote = cluster?.onRemoteChange(listener);
			return () => {
				local();
				remote?.();
			};
		},
		async close() {
			guard.stop();
			clearInterval(heartbeat);
			for (const client of wss.clients) client.close(1001, 'server-shutdown');
			hocuspocus.flushPendingStores();
			await new Promise<void>((resolve) => wss.close(() => resolve()));
			await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
			cluster?.close();
		}
	};
}

/**
 * What Hocuspocus keeps of the upgrade request for the socket's life and hands to every hook:
 * the path with its query, and the cookie header (Authorization reads the session cookie from
 * it; add a header here before a hook reads it). A fetch `Request` with every header cost about
 * 1 KiB per socket, and Hocuspocus parses a full URL into each document's hook payload, where a
 * bare path costs nothing.
 */
function handshakeRequest(request: IncomingMessage): Request {
	const headers = new Headers();
	if (request.headers.cookie) headers.set('cookie', request.headers.cookie);
	return { url: request.url ?? '/', headers } as unknown as Request;
}

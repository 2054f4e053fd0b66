import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { createSession, hashPassword } from '@planboard/auth';
import { openStore, type OpenStoreOptions, type Store } from '@planboard/store';
import {
	createSyncServer,
	healthHandler,
	type SyncServer,
	type SyncServerOptions
} from '@planboard/sync';
import { ClientWebSocket } from './client-websocket.js';
import * as Y from 'yjs';
import { testLocation } from './test-database.js';

/** A fresh data directory under the system temp dir; removed by the returned cleanup. */
export function tempDir(prefix = 'planboard-test-'): { dir: string; cleanup: () => void } {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestServer {
	url: string;
	port: number;
	store: Store;
	sync: SyncServer;
	http: Server;
	close(): Promise<void>;
}

/**
 * The real sync server on port 0 over a real SQLite file, as `apps/sync` runs it (on the
 * PostgreSQL pass the database test-database.ts gives that path); over a real PostgreSQL
 * database instead when `databaseUrl` is given (tests/support/postgres.ts), with its
 * timeouts from `databaseTimeouts` when set (an outage test shortens them).
 */
export async function startSyncServer(
	options: {
		databasePath: string;
		databaseUrl?: string;
		databaseTimeouts?: Pick<OpenStoreOptions, 'connectTimeoutMs' | 'statementTimeoutMs'>;
	} & Partial<Omit<SyncServerOptions, 'store'>>
): Promise<TestServer> {
	const store = openStore(
		options.databaseUrl
			? { url: options.databaseUrl, ...options.databaseTimeouts }
			: testLocation(options.databasePath)
	);
	const lines: string[] = [];
	const sync = createSyncServer({
		log: {
			info: () => {},
			warn: (e, f) => lines.push(JSON.stringify({ e, ...f })),
			error: (e, f) => lines.push(JSON.stringify({ e, ...f }))
		},
		sessionCheckIntervalMs: 500,
		...options,
		store
	});
	const health = healthHandler({ store, cluster: sync.cluster });
	const http = createServer((req, res) => {
		if (!health(req, res)) res.writeHead(404).end();
	});
	http.on('upgrade', (req, socket, head) => {
		if (!sync.handleUpgrade(req, socket, head)) socket.destroy();
	});
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	const port = (http.address() as AddressInfo).port;
	return {
		url: `ws://127.0.0.1:${port}/collab`,
		port,
		store,
		sync,
		http,
		async close() {
			await sync.close();
			http.closeAllConnections();
			await new Promise<void>((resolve) => http.close(() => resolve()));
			store.close();
		}
	};
}

/** A plan row with its agencies, so the sync server accepts its document names. */
export function insertPlan(store: Store, planId: string, agencyIds: string[]): void {
	store.plans.insert({ id: planId, title: `Plan ${planId}`, year: 2024, sourceJson: '{}' });
	store.plans.setAgencies({
		planId,
		agencies: agencyIds.map((id) => ({ id, name: id, shortName: id, kind: 'department' }))
	});
}

/** A user with a live session; returns the bearer token a provider sends. */
export async function userWithToken(
	store: Store,
	options: {
		username: string;
		role: 'admin' | 'coordinator' | 'officer' | 'viewer';
		agencyId?: string | null;
	}
): Promise<{ userId: string; token: string; sessionId: string }> {
	const user = store.users.create({
		username: options.username,
		displayName: options.username,
		role: options.role,
		agencyId: options.agencyId ?? null,
		passwordHash: await hashPassword('correct horse battery')
	});
	const { token, session } = await createSession({ store, userId: user.id });
	return { userId: user.id, token, sessionId: session.id };
}

export interface Client {
	doc: Y.Doc;
	provider: HocuspocusProvider;
	socket: HocuspocusProviderWebsocket;
	/** Resolves when the first sync finished; rejects when authentication failed. */
	ready: Promise<void>;
	/** Resolves once every local change was acknowledged by the server. */
	flushed(): Promise<void>;
	destroy(): void;
}

/** A real HocuspocusProvider over a real WebSocket (the `ws` package in Node). */
export function connect(options: {
	url: string;
	document: string;
	token: string;
	doc?: Y.Doc;
}): Client {
	const doc = options.doc ?? new Y.Doc();
	const socket = new HocuspocusProviderWebsocket({
		url: options.url,
		WebSocketPolyfill: ClientWebSocket
	});
	let resolveReady: () => void = () => {};
	let rejectReady: (reason: Error) => void = () => {};
	const ready = new Promise<void>((resolve, reject) => {
		resolveReady = resolve;
		rejectReady = reject;
	});
	const provider = new HocuspocusProvider({
		name: options.document,
		document: doc,
		token: options.token,
		websocketProvider: socket,
		onSynced: () => resolveReady(),
		onAuthenticationFailed: ({ reason }) =>
			rejectReady(new Error(`authentication failed: ${reason}`))
	});
	provider.attach();
	ready.catch(() => {});
	return {
		doc,
		provider,
		socket,
		ready,
		flushed: () =>
			waitFor(
				() => provider.isSynced && !provider.hasUnsyncedChanges,
				10_000,
				'all changes acknowledged'
			),
		destroy() {
			provider.destroy();
			socket.destroy();
		}
	};
}

/** Polls until the condition holds; rejects with the description after the timeout. */
export async function waitFor(
	condition: () => boolean,
	timeoutMs = 5000,
	what = 'condition'
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline)
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 10));
	}
}

export function sleep(ms: number): Promise<void> {
	return new Promise((r) => setTimeout(r, ms));
}

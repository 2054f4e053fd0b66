import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
// The benches run under tsx, which resolves `@planboard/*` through the root tsconfig's paths to
// the sources, as vitest and tsc do: no build is needed to import them. (The servers they spawn
// as child processes still run the built apps; see startChildServer.)
import { createSession, hashPassword } from '@planboard/auth';
import { asPlanId, initPlanDoc } from '@planboard/model';
import { openStore, type Store } from '@planboard/store';
import { createSyncServer, type SyncServer, type SyncServerOptions } from '@planboard/sync';

const root = fileURLToPath(new URL('../', import.meta.url));

export { openStore, type Store };

export function tempDir(prefix = 'planboard-bench-'): { dir: string; cleanup: () => void } {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const quietLog = {
	info: () => {},
	warn: () => {},
	error: (e: string, f?: object) => console.error(e, f)
};

/** A plan with its agencies and one coordinator session; returns the token providers send. */
export async function seedBoard(options: {
	store: Store;
	planId: string;
	agencyIds?: string[];
}): Promise<string> {
	const { store, planId, agencyIds = ['a1'] } = options;
	store.plans.insert({ id: planId, title: `Plan ${planId}`, year: 2024, sourceJson: '{}' });
	store.plans.setAgencies({
		planId,
		agencies: agencyIds.map((id) => ({ id, name: id, shortName: id, kind: 'department' }))
	});
	return coordinatorToken({ store, username: `bench-${planId}` });
}

/**
 * `seedBoard` plus an initialised, empty plan document, so writers can set `plan.year` (a part
 * of the schema the check validates) instead of a map it does not know; returns the token.
 */
export async function seedPlanBoard(options: { store: Store; planId: string }): Promise<string> {
	const { store, planId } = options;
	const token = await seedBoard({ store, planId });
	const doc = new Y.Doc();
	initPlanDoc(doc, {
		planId: asPlanId(planId),
		meta: { title: 'Bench', issuer: '', number: '', date: '', year: 2024, reportDue: null },
		sections: [],
		agencies: [],
		tasks: [],
		milestones: [],
		cards: {}
	});
	store.updates.append({
		document: `plan/${planId}`,
		update: Y.encodeStateAsUpdate(doc),
		userId: null
	});
	return token;
}

/** A coordinator (who may open every document) and a session of theirs; returns its token. */
export async function coordinatorToken(options: {
	store: Store;
	username: string;
}): Promise<string> {
	const { store, username } = options;
	const user = store.users.create({
		username,
		displayName: 'Bench',
		role: 'coordinator',
		agencyId: null,
		passwordHash: await hashPassword('correct horse battery')
	});
	return createSession({ store, userId: user.id }).token;
}

export interface RunningServer {
	/** WebSocket URL: ours ends in `/collab`; the baseline takes the document as the path. */
	url: string;
	close(): Promise<void>;
}

/**
 * The product's sync server (auth, per-document access, durable log) in this process, over the
 * SQLite file at `databasePath`, or over PostgreSQL when `databaseUrl` is given.
 */
export async function startPlanboard(options: {
	databasePath: string;
	/** `postgres://...`: the store on PostgreSQL instead of the file (which is then not used). */
	databaseUrl?: string;
	sync?: Partial<Omit<SyncServerOptions, 'store' | 'log'>>;
	/** The store's `synchronous` setting (FULL unless told: the shipped default). */
	synchronous?: 'full' | 'normal';
	/** The server's logger; quiet (errors only) unless given. */
	log?: SyncServerOptions['log'];
}): Promise<RunningServer & { store: Store; sync: SyncServer }> {
	const store = openStore(
		options.databaseUrl
			? { url: options.databaseUrl }
			: { path: options.databasePath, synchronous: options.synchronous }
	);
	const sync = createSyncServer({ store, log: options.log ?? quietLog, ...options.sync });
	const http = createServer((_req, res) => res.writeHead(404).end());
	http.on('upgrade', (req, socket, head) => {
		if (!sync.handleUpgrade(req, socket, head)) socket.destroy();
	});
	const port = await listen(http);
	return {
		url: `ws://127.0.0.1:${port}/collab`,
		store,
		sync,
		async close() {
			await sync.close();
			http.closeAllConnections();
			await new Promise<void>((r) => http.close(() => r()));
			store.close();
		}
	};
}

export function listen(http: Server): Promise<number> {
	return new Promise((resolve) =>
		http.listen(0, '127.0.0.1', () => resolve((http.address() as AddressInfo).port))
	);
}

export interface MemoryStats {
	rss: number;
	heapUsed: number;
	external: number;
	arrayBuffers: number;
}

/** CPU time the process used so far, µs (`process.cpuUsage()`). */
export interface CpuTime {
	user: number;
	system: number;
}

export interface ChildBenchServer {
	url: string;
	stats(): Promise<MemoryStats>;
	cpu(): Promise<CpuTime>;
	close(): Promise<void>;
}

/** Runs `child/server.ts` in a child process (with `--expose-gc`) and waits for its port. */
export async function spawnServer(
	options:
		| {
				kind: 'planboard';
				databasePath: string;
				/** `postgres://...`: the store on PostgreSQL instead of the file at databasePath. */
				databaseUrl?: string;
				schemaCheck?: boolean;
				/** false: Hocuspocus's own awareness fan-out instead of PresenceFanout. */
				presenceFanout?: boolean;
				/**
				 * How the durable log commits: group commit per turn (default), per microtask, or one
				 * synchronous=NORMAL transaction per update (the server before group commit).
				 */
				commit?: 'turn' | 'microtask' | 'per-update-normal';
				/** Extra Node flags for the child (e.g. a capped young generation), not shipped. */
				nodeFlags?: string[];
		  }
		| { kind: 'baseline' }
): Promise<ChildBenchServer> {
	const { fork } = await import('node:child_process');
	const args =
		options.kind === 'planboard'
			? [
					'planboard',
					options.databaseUrl ?? options.databasePath,
					[
						options.schemaCheck === false ? 'no-schema-check' : '',
						options.presenceFanout === false ? 'no-presence-fanout' : '',
						options.commit === 'microtask' ? 'commit-microtask' : '',
						options.commit === 'per-update-normal' ? 'per-update-normal' : ''
					].join(',')
				]
			: ['baseline'];
	const child = fork(fileURLToPath(new URL('./child/server.ts', import.meta.url)), args, {
		cwd: root,
		execArgv: [
			'--import',
			'tsx',
			'--expose-gc',
			...(options.kind === 'planboard' ? (options.nodeFlags ?? []) : [])
		],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	const next = <T>(type: string) =>
		new Promise<T>((resolve, reject) => {
			const onMessage = (m: { type: string } & T) => {
				if (m.type !== type) return;
				child.off('message', onMessage);
				child.off('exit', onExit);
				resolve(m);
			};
			const onExit = (code: number | null) => reject(new Error(`bench server exited with ${code}`));
			child.on('message', onMessage);
			child.once('exit', onExit);
		});
	const { url } = await next<{ url: string }>('ready');
	return {
		url,
		async stats() {
			const reply = next<MemoryStats>('stats');
			child.send({ type: 'stats' });
			return reply;
		},
		async cpu() {
			const reply = next<CpuTime>('cpu');
			child.send({ type: 'cpu' });
			return reply;
		},
		async close() {
			const exited = new Promise((r) => child.once('exit', r));
			child.send({ type: 'close' });
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
			await exited;
			clearTimeout(timer);
		}
	};
}

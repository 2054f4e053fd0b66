import { HocuspocusProvider, HocuspocusProviderWebsocket, MessageType } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import type { Awareness } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ClientWebSocket } from '../tests/support/client-websocket.js';
import { authFrame, documentFrame } from '../tests/support/raw-session.js';

// Every y-websocket provider adds a process 'exit' listener; hundreds are expected here.
process.setMaxListeners(0);

/** One client of either server, reduced to what the benches need. */
export interface BenchClient {
	doc: Y.Doc;
	synced: Promise<void>;
	/** True once the server acknowledged every local change (Hocuspocus only). */
	flushed(): boolean;
	/** The document's awareness, for clients opened with presence (Hocuspocus only). */
	awareness: Awareness | null;
	destroy(): void;
}

export function hocuspocusClient(options: {
	url: string;
	document: string;
	token: string;
	/** Keep the provider's awareness (re-announced every 15 s) instead of switching it off. */
	presence?: boolean;
	/**
	 * Called with the provider's count of changes the server has not acknowledged yet, each time
	 * it changes (0: every local change is stored and acknowledged).
	 */
	onUnsyncedChanges?: (count: number) => void;
}): BenchClient {
	const doc = new Y.Doc();
	const socket = new HocuspocusProviderWebsocket({
		url: options.url,
		WebSocketPolyfill: ClientWebSocket
	});
	let resolve: () => void = () => {};
	let reject: (e: Error) => void = () => {};
	const synced = new Promise<void>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	const provider = new HocuspocusProvider({
		name: options.document,
		document: doc,
		token: options.token,
		websocketProvider: socket,
		onSynced: () => resolve(),
		onAuthenticationFailed: ({ reason }) => reject(new Error(`authentication failed: ${reason}`)),
		...(options.onUnsyncedChanges
			? {
					onUnsyncedChanges: ({ number }: { number: number }) => options.onUnsyncedChanges!(number)
				}
			: {})
	});
	provider.attach();
	if (!options.presence) quietAwareness(provider.awareness);
	return {
		doc,
		synced,
		flushed: () => provider.isSynced && !provider.hasUnsyncedChanges,
		awareness: options.presence ? provider.awareness : null,
		destroy() {
			provider.destroy();
			socket.destroy();
		}
	};
}

export function baselineClient(options: { url: string; document: string }): BenchClient {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(options.url, options.document, doc, {
		WebSocketPolyfill: WebSocket as never,
		disableBc: true
	});
	quietAwareness(provider.awareness);
	const synced = new Promise<void>((resolve) => {
		if (provider.synced) resolve();
		provider.once('sync', () => resolve());
	});
	return {
		doc,
		synced,
		flushed: () => provider.synced,
		awareness: null,
		destroy: () => provider.destroy()
	};
}

/**
 * Bench clients carry no presence: every awareness state is re-broadcast every 15 s, and N
 * clients that connected in the same second renew together, an N² burst of messages that would
 * land in whichever server's block is running and measure the burst, not the document fan-out.
 */
function quietAwareness(awareness: { setLocalState(state: null): void } | null): void {
	awareness?.setLocalState(null);
}

/**
 * What one browser tab with a board open holds: one socket carrying a provider per document (the
 * plan document with presence, the agency documents without), as the web's BoardSession opens
 * them. `synced` resolves when every document has synced.
 */
export function boardClient(options: {
	url: string;
	documents: string[];
	token: string;
}): Pick<BenchClient, 'synced' | 'destroy'> {
	const socket = new HocuspocusProviderWebsocket({
		url: options.url,
		WebSocketPolyfill: ClientWebSocket
	});
	const providers = options.documents.map((name, i) => {
		let resolve: () => void = () => {};
		const synced = new Promise<void>((res) => (resolve = res));
		const provider = new HocuspocusProvider({
			name,
			document: new Y.Doc(),
			token: options.token,
			websocketProvider: socket,
			onSynced: () => resolve(),
			...(i === 0 ? {} : { awareness: null })
		});
		provider.attach();
		return { provider, synced };
	});
	const synced = Promise.all(providers.map((p) => p.synced)).then(() => {
		providers[0].provider.awareness?.setLocalState({ card: null, typing: null });
	});
	return {
		synced,
		destroy() {
			for (const p of providers) p.provider.destroy();
			socket.destroy();
		}
	};
}

/**
 * A reader that only watches the wire: a raw Hocuspocus session (the token, then a request for
 * the whole state) that hands each document update the server broadcasts to `onUpdate`, as the
 * frame's bytes, and applies nothing. For fan-out at N in the hundreds, where N providers in the
 * driver, each applying every write to its own Y.Doc, cost more CPU than the servers measured:
 * the server sends every reader the same bytes, so the caller decodes each distinct frame once.
 * `synced` resolves on the server's answer to the state request. It sends nothing more: the
 * server's pings (answered by `ws` itself) keep it connected. A close other than its own is
 * reported on stderr, since its writes then count as lost.
 */
export function wireReader(options: {
	url: string;
	document: string;
	token: string;
	onUpdate: (frame: Buffer, update: Uint8Array) => void;
}): Pick<BenchClient, 'synced' | 'destroy'> {
	const ws = new ClientWebSocket(options.url);
	let resolve: () => void = () => {};
	let reject: (e: Error) => void = () => {};
	const synced = new Promise<void>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	let destroyed = false;
	ws.on('close', (code, reason) => {
		reject(new Error(`closed with ${code} before it synced`));
		if (!destroyed) console.error(`wire reader of ${options.document} closed: ${code} ${reason}`);
	});
	ws.on('open', () => {
		ws.send(authFrame(options.document, options.token));
		ws.send(
			documentFrame(options.document, (e) => {
				encoding.writeVarUint(e, MessageType.Sync);
				syncProtocol.writeSyncStep1(e, new Y.Doc());
			})
		);
	});
	ws.on('message', (data: Buffer) => {
		const d = decoding.createDecoder(data);
		if (decoding.readVarString(d) !== options.document) return;
		if (decoding.readVarUint(d) !== MessageType.Sync) return;
		const type = decoding.readVarUint(d);
		if (type === syncProtocol.messageYjsSyncStep2) resolve();
		else if (type === syncProtocol.messageYjsUpdate)
			options.onUpdate(data, decoding.readVarUint8Array(d));
	});
	return {
		synced,
		destroy() {
			destroyed = true;
			ws.close();
		}
	};
}

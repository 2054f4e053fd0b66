import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

// Every y-websocket provider adds a process 'exit' listener; hundreds are expected here.
process.setMaxListeners(0);

/**
 * `ws` with an error listener from the start. On a loaded machine the provider gives up on a
 * socket still opening and closes it; `ws` then emits 'error', which with no listener ends the
 * whole bench. The provider sees the close and reconnects, as in a browser.
 */
class BenchWebSocket extends WebSocket {
	constructor(...args: ConstructorParameters<typeof WebSocket>) {
		super(...args);
		this.on('error', () => {});
	}
}

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
		WebSocketPolyfill: BenchWebSocket
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
		WebSocketPolyfill: BenchWebSocket
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

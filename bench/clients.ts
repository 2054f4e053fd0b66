import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

// Every y-websocket provider adds a process 'exit' listener; hundreds are expected here.
process.setMaxListeners(0);

/** One client of either server, reduced to what the benches need. */
export interface BenchClient {
	doc: Y.Doc;
	synced: Promise<void>;
	/** True once the server acknowledged every local change (Hocuspocus only). */
	flushed(): boolean;
	destroy(): void;
}

export function hocuspocusClient(options: {
	url: string;
	document: string;
	token: string;
}): BenchClient {
	const doc = new Y.Doc();
	const socket = new HocuspocusProviderWebsocket({
		url: options.url,
		WebSocketPolyfill: WebSocket
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
		onAuthenticationFailed: ({ reason }) => reject(new Error(`authentication failed: ${reason}`))
	});
	provider.attach();
	quietAwareness(provider.awareness);
	return {
		doc,
		synced,
		flushed: () => provider.isSynced && !provider.hasUnsyncedChanges,
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

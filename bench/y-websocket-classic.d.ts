// y-websocket 1.5.4 ships its server helpers as untyped CommonJS; only what the benches call.
declare module 'y-websocket-classic/bin/utils' {
	import type { IncomingMessage } from 'node:http';
	import type { WebSocket } from 'ws';
	export function setupWSConnection(
		ws: WebSocket,
		req: IncomingMessage,
		opts?: { docName?: string; gc?: boolean }
	): void;
}

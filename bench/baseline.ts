import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { setupWSConnection } from 'y-websocket-classic/bin/utils';
import type { RunningServer } from './servers.js';

// Kept apart from servers.ts: y-websocket 1.5.4 is CommonJS and loads yjs's CommonJS build, so
// its process must not also load the ESM build through our packages (two Yjs copies).
/** The plain Yjs baseline: y-websocket 1.5.4's `setupWSConnection`, in memory, no auth. */
export async function startBaseline(): Promise<RunningServer> {
	const http = createServer((_req, res) => res.writeHead(404).end());
	const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
	wss.on('connection', (ws: WebSocket, req: IncomingMessage) => setupWSConnection(ws, req));
	http.on('upgrade', (req, socket, head) =>
		wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
	);
	const port = await new Promise<number>((resolve) =>
		http.listen(0, '127.0.0.1', () => resolve((http.address() as AddressInfo).port))
	);
	return {
		url: `ws://127.0.0.1:${port}`,
		async close() {
			for (const c of wss.clients) c.terminate();
			await new Promise<void>((r) => wss.close(() => r()));
			http.closeAllConnections();
			await new Promise<void>((r) => http.close(() => r()));
		}
	};
}

// A flooding client in its own process: after a normal authenticated sync it sends COUNT small
// document updates as fast as the socket takes them, pre-encoded so the flood is not limited by
// this process's CPU. Usage: node --import tsx flooder.ts URL TOKEN DOCUMENT COUNT
// Prints "ready" once synced, floods on a line from stdin, prints "acked N" once the server
// acknowledged every update (one SyncStatus per update). Imports only root dependencies.
import { HocuspocusProvider, HocuspocusProviderWebsocket, MessageType } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { ClientWebSocket } from './client-websocket.js';
import { documentFrame } from './raw-session.js';

const [url, token, document, countText] = process.argv.slice(2);
const count = Number(countText);
const doc = new Y.Doc();
const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: ClientWebSocket });
const provider = new HocuspocusProvider({
	name: document,
	document: doc,
	token,
	websocketProvider: socket
});
provider.attach();
await new Promise<void>((resolve) => provider.on('synced', () => resolve()));

// The updates, made on this doc with the provider as origin so it does not send them itself.
const frames: Uint8Array[] = [];
const collect = (update: Uint8Array) =>
	frames.push(
		documentFrame(document, (e) => {
			encoding.writeVarUint(e, MessageType.Sync);
			encoding.writeVarUint(e, syncProtocol.messageYjsUpdate);
			encoding.writeVarUint8Array(e, update);
		})
	);
doc.on('update', collect);
const list = doc.getArray<number>('flood');
for (let i = 0; i < count; i++) doc.transact(() => list.push([i]), provider);
doc.off('update', collect);

const ws = (socket as unknown as { webSocket: WebSocket }).webSocket;
let acked = 0;
ws.on('message', (data: Buffer) => {
	const d = decoding.createDecoder(new Uint8Array(data));
	if (decoding.readVarString(d) !== document) return;
	if (decoding.readVarUint(d) === MessageType.SyncStatus && decoding.readVarUint(d) === 1) acked++;
});
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
for (const frame of frames) ws.send(frame);
while (acked < count) await new Promise((r) => setTimeout(r, 20));
process.stdout.write(`acked ${acked}\n`);
provider.destroy();
socket.destroy();
process.exit(0);

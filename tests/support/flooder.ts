// A flooding client in its own process, so the test process that measures bystanders is not
// busy encoding the flood. Usage: node --import tsx flooder.ts URL TOKEN DOCUMENT COUNT
// Prints "ready" once synced, floods on a line from stdin, prints "acked" once the server
// acknowledged every update. Imports only root dependencies, so it runs outside vitest.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

const [url, token, document, count] = process.argv.slice(2);
const doc = new Y.Doc();
const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
const provider = new HocuspocusProvider({ name: document, document: doc, token, websocketProvider: socket });
provider.attach();
await new Promise<void>((resolve) => provider.on('synced', () => resolve()));
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
const list = doc.getArray<number>('flood');
for (let i = 0; i < Number(count); i += 500) {
	for (let j = i; j < Math.min(i + 500, Number(count)); j++) list.push([j]);
	await new Promise((r) => setImmediate(r));
}
while (provider.hasUnsyncedChanges) await new Promise((r) => setTimeout(r, 20));
process.stdout.write('acked\n');
provider.destroy();
socket.destroy();
process.exit(0);

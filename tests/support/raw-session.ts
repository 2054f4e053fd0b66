import { MessageType } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { ClientWebSocket } from './client-websocket.js';

/** Hocuspocus's AuthMessageType.Token (@hocuspocus/common, which neither package re-exports). */
const AUTH_TOKEN = 0;

/** One Hocuspocus message for `document`: its name, then what `write` puts after it. */
export function documentFrame(document: string, write: (e: encoding.Encoder) => void): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarString(e, document);
	write(e);
	return encoding.toUint8Array(e);
}

/** The message that authenticates a raw session on `document` with a session token. */
export function authFrame(document: string, token: string): Uint8Array {
	return documentFrame(document, (e) => {
		encoding.writeVarUint(e, MessageType.Auth);
		encoding.writeVarUint(e, AUTH_TOKEN);
		encoding.writeVarString(e, token);
	});
}

/**
 * A raw Hocuspocus session, for updates no provider would send (forged, gapped, malformed):
 * authenticates with the token, sends one update message, and reports whether the server
 * acknowledged it (a SyncStatus message) and how the socket closed (null: still open after
 * 1.5 s, then closed by us).
 */
export async function sendRawUpdate(options: {
	url: string;
	document: string;
	token: string;
	update: Uint8Array;
}): Promise<{ acked: boolean; code: number | null }> {
	const frame = (write: (e: encoding.Encoder) => void) => documentFrame(options.document, write);
	const ws = new ClientWebSocket(options.url);
	let acked = false;
	let authenticated: () => void = () => {};
	const authed = new Promise<void>((resolve) => (authenticated = resolve));
	const closed = new Promise<number | null>((resolve) => ws.on('close', (code) => resolve(code)));
	ws.on('message', (data: Buffer) => {
		const d = decoding.createDecoder(new Uint8Array(data));
		decoding.readVarString(d);
		const type = decoding.readVarUint(d);
		if (type === MessageType.Auth) authenticated();
		if (type === MessageType.SyncStatus && decoding.readVarUint(d) === 1) acked = true;
	});
	await new Promise((resolve) => ws.once('open', resolve));
	ws.send(authFrame(options.document, options.token));
	await authed;
	ws.send(
		frame((e) => {
			encoding.writeVarUint(e, MessageType.Sync);
			encoding.writeVarUint(e, syncProtocol.messageYjsUpdate);
			encoding.writeVarUint8Array(e, options.update);
		})
	);
	const code = await Promise.race([
		closed,
		new Promise<null>((resolve) => setTimeout(() => resolve(null), 1500))
	]);
	ws.close();
	return { acked, code };
}

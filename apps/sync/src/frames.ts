import { MessageType } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';

/** The document a Hocuspocus frame is addressed to (its first field), for logs; null if unreadable. */
export function documentNameOf(frame: Uint8Array): string | null {
	try {
		const name = decoding.readVarString(decoding.createDecoder(frame));
		const sep = name.indexOf('\0');
		return (sep === -1 ? name : name.slice(0, sep)).slice(0, 200);
	} catch {
		return null;
	}
}

/**
 * Whether a sync message of this type (Hocuspocus's `beforeSync` type, y-protocols' numbering)
 * carries an update to apply: step 2 of the handshake or a later update. Step 1 only asks.
 */
export function carriesUpdate(type: number): boolean {
	return type === messageYjsSyncStep2 || type === messageYjsUpdate;
}

/**
 * The document a Hocuspocus message asks the state of (step 1 of the sync handshake, whose answer
 * is whatever the receiver holds that the asker lacks), or null for any other message and for
 * one that cannot be read.
 */
export function stateRequestedBy(message: Uint8Array): string | null {
	try {
		const decoder = decoding.createDecoder(message);
		const documentName = decoding.readVarString(decoder);
		const type = decoding.readVarUint(decoder);
		if (type !== MessageType.Sync && type !== MessageType.SyncReply) return null;
		return decoding.readVarUint(decoder) === messageYjsSyncStep1 ? documentName : null;
	} catch {
		return null;
	}
}

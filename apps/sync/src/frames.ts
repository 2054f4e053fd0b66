import * as decoding from 'lib0/decoding';

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

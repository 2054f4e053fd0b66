import WebSocket from 'ws';

/**
 * Tools for protocol fuzzing: capture the real frames a provider sends, and mutate them. Frames
 * are Hocuspocus messages: varString(documentName), varUint(type), payload.
 */

/** A `ws` WebSocket that copies every frame it sends into `sink`; pass it as WebSocketPolyfill. */
export function recordingWebSocket(sink: Uint8Array[]): typeof WebSocket {
	return class RecordingWebSocket extends WebSocket {
		override send(data: unknown, ...rest: unknown[]): void {
			if (data instanceof Uint8Array) sink.push(Uint8Array.from(data));
			else if (data instanceof ArrayBuffer) sink.push(new Uint8Array(data.slice(0)));
			(super.send as (...args: unknown[]) => void)(data, ...rest);
		}
	} as typeof WebSocket;
}

/** mulberry32: a seeded PRNG, so a failing fuzz run can be replayed from its seed. */
export function prng(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function varUint(n: number): number[] {
	const out: number[] = [];
	while (n > 0x7f) {
		out.push(0x80 | (n & 0x7f));
		n = Math.floor(n / 128);
	}
	out.push(n);
	return out;
}

export function varString(s: string): number[] {
	const bytes = Buffer.from(s, 'utf8');
	return [...varUint(bytes.length), ...bytes];
}

/** The frame with its leading document name replaced; null when the frame has no valid name. */
export function withDocumentName(frame: Uint8Array, name: string): Uint8Array | null {
	let length = 0;
	let shift = 0;
	let i = 0;
	for (; i < frame.length && i < 5; i++) {
		length += (frame[i] & 0x7f) * 2 ** shift;
		shift += 7;
		if ((frame[i] & 0x80) === 0) break;
	}
	const start = i + 1;
	if (start + length > frame.length) return null;
	return Uint8Array.from([...varString(name), ...frame.subarray(start + length)]);
}

/** One random mutation of a real frame: the shapes a broken or hostile client sends. */
export function mutate(frame: Uint8Array, random: () => number, names: string[]): Uint8Array {
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
	const bytes = Array.from(frame);
	switch (Math.floor(random() * 8)) {
		case 0: // truncated anywhere
			return Uint8Array.from(bytes.slice(0, Math.floor(random() * bytes.length)));
		case 1: // bit flips
			for (let k = 0; k < 1 + random() * 4; k++) {
				const at = Math.floor(random() * bytes.length);
				bytes[at] ^= 1 << Math.floor(random() * 8);
			}
			return Uint8Array.from(bytes);
		case 2: // another or invalid document name
			return withDocumentName(frame, pick(names)) ?? frame;
		case 3: {
			// a huge varint (length or type) spliced in after the name
			const at = Math.min(bytes.length, 1 + Math.floor(random() * 12));
			const huge = pick([
				[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f],
				[0x80, 0x80, 0x80, 0x80, 0x10],
				[0xff, 0xff, 0xff, 0xff, 0x0f]
			]);
			return Uint8Array.from([...bytes.slice(0, at), ...huge, ...bytes.slice(at)]);
		}
		case 4: // random bytes inserted
			return Uint8Array.from([
				...bytes.slice(0, 3),
				...Array.from({ length: 1 + Math.floor(random() * 32) }, () => Math.floor(random() * 256)),
				...bytes.slice(3)
			]);
		case 5: // pure noise
			return Uint8Array.from(
				Array.from({ length: Math.floor(random() * 64) }, () => Math.floor(random() * 256))
			);
		case 6: // message type replaced
			return Uint8Array.from([
				...varString(pick(names)),
				Math.floor(random() * 256),
				...bytes.slice(-Math.floor(random() * bytes.length))
			]);
		default: // the real frame duplicated, cut short
			return Uint8Array.from([...bytes, ...bytes].slice(0, Math.max(1, bytes.length * 2 - 1)));
	}
}

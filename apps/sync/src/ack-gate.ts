import type { WebSocketLike } from '@hocuspocus/server';
import type { WebSocket } from 'ws';

const OPEN = 1;

/**
 * Holds every outgoing frame while an appended update is not committed yet, and sends them in
 * order once it is. Hocuspocus acknowledges an update (its SyncStatus message, in
 * MessageReceiver.readSyncMessage) with `connection.send` synchronously right after applying it,
 * before the group commit that stores it has run; the socket layer is the one place that sees
 * that frame before it leaves. Holding every socket's frames, not only the sender's, keeps each
 * socket's frames in order and also keeps an update from reaching readers before it is stored.
 * A socket closed meanwhile (its update refused by the disk) gets none of its held frames.
 */
export class AckGate {
	#held: { socket: WebSocket; frame: Parameters<WebSocketLike['send']>[0] }[] = [];

	/** `holding()` is true while some appended update is not committed (GroupCommitter.busy). */
	constructor(private readonly holding: () => boolean) {}

	/** Frames waiting for the commit, for tests and metrics. */
	get heldFrames(): number {
		return this.#held.length;
	}

	/** The socket as Hocuspocus should see it: sends go through the gate. */
	wrap(socket: WebSocket): WebSocketLike {
		return {
			send: (frame) => {
				if (this.#held.length > 0 || this.holding()) this.#held.push({ socket, frame });
				else socket.send(frame);
			},
			close: (code, reason) => socket.close(code, reason),
			get readyState() {
				return socket.readyState;
			}
		};
	}

	/** Sends what was held, once nothing is pending any more; call after each group commit. */
	release(): void {
		if (this.holding() || this.#held.length === 0) return;
		const held = this.#held;
		this.#held = [];
		for (const { socket, frame } of held) {
			if (socket.readyState !== OPEN) continue;
			try {
				socket.send(frame);
			} catch {
				// As Hocuspocus's Connection.send: a socket that cannot send is closing anyway.
			}
		}
	}
}

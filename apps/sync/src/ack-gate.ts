import type { WebSocketLike } from '@hocuspocus/server';
import type { WebSocket } from 'ws';

const OPEN = 1;

type Frame = Parameters<WebSocketLike['send']>[0];

/**
 * Holds a socket's outgoing frames while an update it sent is not committed yet, and sends them
 * in order once it is. Hocuspocus acknowledges an update (its SyncStatus message, in
 * MessageReceiver.readSyncMessage) with `connection.send` synchronously right after applying it,
 * before the group commit that stores it has run; the socket layer is the one place that sees
 * that frame before it leaves. Once a socket has held frames, every later frame to it queues
 * behind them, so each socket receives its frames in the order Hocuspocus sent them.
 *
 * Only the sender waits. Other sockets (readers, and writers with nothing uncommitted) get the
 * broadcast of an update at once, before its commit, and that loses nothing a client was told
 * is stored:
 * - the server dies before the commit: the sender was not acknowledged, so its provider still
 *   counts the update as unsynced and offers it again on reconnect (Yjs sync step 2); a reader
 *   that already applied it offers it too, since the restarted server's state lacks it;
 * - the disk refuses the group: the durable log closes the sender's socket before the gate
 *   releases anything (a closed socket gets none of its held frames), and every other socket on
 *   that document, so the document unloads; each client reconnects and offers what the stored
 *   state lacks, the sender its unacknowledged update, readers the copy they were sent.
 * A reader's copy is never acknowledged: a provider counts only its own updates as unsynced.
 * What readers may see and the store never gets is an update whose sender never returns while
 * no reader that can write offers it again: read-only readers keep showing it until they reload.
 * That was never acknowledged to anyone, so no promise is broken; the old gate, which held every
 * socket while any group was pending, cost every reader the writer's fsync to prevent it.
 * A message that changes nothing (its content already in memory, perhaps from another sender's
 * update still uncommitted) is acknowledged all the same; the durable log holds its socket until
 * what is pending now has committed (GroupCommitter.waitForPending).
 */
export class AckGate {
	/** Each holding socket's frames, oldest first; a socket with none has no entry. */
	#held = new Map<WebSocket, Frame[]>();

	/** `holds(socket)`: the socket has an update not committed yet (GroupCommitter.holds). */
	constructor(private readonly holds: (socket: WebSocket) => boolean) {}

	/** Frames waiting for a commit, for tests and metrics. */
	get heldFrames(): number {
		let frames = 0;
		for (const queue of this.#held.values()) frames += queue.length;
		return frames;
	}

	/** The socket as Hocuspocus should see it: sends go through the gate. */
	wrap(socket: WebSocket): WebSocketLike {
		return {
			send: (frame) => {
				const queue = this.#held.get(socket);
				if (queue) queue.push(frame);
				else if (this.holds(socket)) this.#held.set(socket, [frame]);
				else socket.send(frame);
			},
			close: (code, reason) => socket.close(code, reason),
			get readyState() {
				return socket.readyState;
			}
		};
	}

	/**
	 * Sends the frames of every socket that holds nothing uncommitted any more, and drops those of
	 * closed sockets; call after each group commit.
	 */
	release(): void {
		for (const [socket, queue] of this.#held) {
			const open = socket.readyState === OPEN;
			if (open && this.holds(socket)) continue;
			this.#held.delete(socket);
			if (!open) continue;
			for (const frame of queue) {
				try {
					socket.send(frame);
				} catch {
					// As Hocuspocus's Connection.send: a socket that cannot send is closing anyway.
					break;
				}
			}
		}
	}
}

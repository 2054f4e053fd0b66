import type { FloodLimits } from '@planboard/config';
import type { WebSocket } from 'ws';

/**
 * The buckets hold a quarter second of budget: typing bursts pass untouched, while a flood is
 * paced from its first messages instead of after a full second at top speed.
 */
const BURST_SECONDS = 0.25;
const EMPTY = new Uint8Array(0);

export interface PacerEvents {
	/** The socket was paused; called once per throttling episode. */
	onThrottle(): void;
	/** The queue overflowed its hard bound and the socket is being closed. */
	onOverflow(): void;
}

/**
 * Sits between a socket's frames and Hocuspocus, which would otherwise process a connection's
 * whole backlog in one chain of microtasks and freeze every other client meanwhile. Frames are
 * queued, handed over in small slices with a macrotask between slices, and paced by token
 * buckets; a backlog pauses reading so TCP pushes back on the sender instead of memory growing.
 * Nothing is dropped: a frame is either delivered in order or the socket is closed.
 */
export class InboundPacer {
	#queue: Uint8Array[] = [];
	#queuedBytes = 0;
	#head = 0;
	#scheduled = false;
	#paused = false;
	#closed = false;
	#messageTokens: number;
	#byteTokens: number;
	#refilledAt = performance.now();

	constructor(
		private readonly socket: WebSocket,
		private readonly deliver: (data: Uint8Array) => void,
		private readonly limits: FloodLimits,
		private readonly events: PacerEvents
	) {
		this.#messageTokens = limits.messagesPerSecond * BURST_SECONDS;
		this.#byteTokens = limits.bytesPerSecond * BURST_SECONDS;
	}

	get queued(): number {
		return this.#queue.length - this.#head;
	}

	push(data: Uint8Array): void {
		if (this.#closed) return;
		this.#queue.push(data);
		this.#queuedBytes += data.byteLength;
		const queued = this.queued;
		if (queued > this.limits.maxQueuedMessages || this.#queuedBytes > this.limits.maxQueuedBytes) {
			this.close();
			this.events.onOverflow();
			return;
		}
		if (!this.#paused && queued >= this.limits.highWaterMessages) {
			this.#paused = true;
			this.socket.pause();
			this.events.onThrottle();
		}
		this.#schedule(0);
	}

	close(): void {
		this.#closed = true;
		this.#queue = [];
		this.#head = 0;
		this.#queuedBytes = 0;
	}

	#schedule(delayMs: number): void {
		if (this.#scheduled || this.#closed) return;
		this.#scheduled = true;
		const run = () => {
			this.#scheduled = false;
			this.#drain();
		};
		if (delayMs > 0) setTimeout(run, delayMs);
		else setImmediate(run);
	}

	#refill(): void {
		const now = performance.now();
		const seconds = (now - this.#refilledAt) / 1000;
		this.#refilledAt = now;
		const { messagesPerSecond, bytesPerSecond } = this.limits;
		this.#messageTokens = Math.min(
			messagesPerSecond * BURST_SECONDS,
			this.#messageTokens + seconds * messagesPerSecond
		);
		this.#byteTokens = Math.min(
			bytesPerSecond * BURST_SECONDS,
			this.#byteTokens + seconds * bytesPerSecond
		);
	}

	#drain(): void {
		if (this.#closed) return;
		this.#refill();
		let delivered = 0;
		while (this.queued > 0 && delivered < this.limits.sliceMessages) {
			if (this.#messageTokens < 1 || this.#byteTokens <= 0) break;
			const data = this.#queue[this.#head];
			// Let go of the frame: it views the socket's read buffer, which it would keep alive.
			this.#queue[this.#head++] = EMPTY;
			this.#queuedBytes -= data.byteLength;
			this.#messageTokens -= 1;
			this.#byteTokens -= data.byteLength;
			delivered++;
			this.deliver(data);
			if (this.#closed) return;
		}
		if (this.queued === 0) {
			// The usual case: everything delivered. An idle socket keeps an empty queue.
			this.#queue = [];
			this.#head = 0;
		} else if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
			this.#queue = this.#queue.slice(this.#head);
			this.#head = 0;
		}
		if (this.#paused && this.queued <= this.limits.highWaterMessages / 2) {
			this.#paused = false;
			this.socket.resume();
		}
		if (this.queued === 0) return;
		// Out of tokens: wait for the bucket to refill enough for the next message.
		const waitMs =
			this.#messageTokens < 1 || this.#byteTokens <= 0
				? Math.max(
						1,
						Math.ceil(((1 - this.#messageTokens) / this.limits.messagesPerSecond) * 1000),
						Math.ceil((-this.#byteTokens / this.limits.bytesPerSecond) * 1000)
					)
				: 0;
		this.#schedule(waitMs);
	}
}

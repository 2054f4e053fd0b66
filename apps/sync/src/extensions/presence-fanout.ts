import type {
	Document,
	Extension,
	afterLoadDocumentPayload,
	afterUnloadDocumentPayload
} from '@hocuspocus/server';

export interface PresenceFanoutConfig {
	/** A client's changed state goes out at most once per window; the latest state wins. */
	windowMs: number;
	/** How often each document looks for states whose renewal the others need. */
	renewIntervalMs: number;
	/** A state fanned out more recently than this is not renewed yet. */
	renewAfterMs: number;
}

/**
 * y-protocols drops a remote state 30 s after it last renewed it (`outdatedTimeout`, checked
 * every 3 s), and each client renews its own every 15 s. A renewal forwarded within
 * max(15 + 3, renewAfterMs) + renewIntervalMs = 23 s of the last one keeps everyone present with
 * 7 s to spare; it also keeps every provider's socket alive (it reconnects after 30 s without
 * any message, counting on those renewals).
 */
export const DEFAULT_PRESENCE_FANOUT: PresenceFanoutConfig = {
	windowMs: 1000,
	renewIntervalMs: 5000,
	renewAfterMs: 10_000
};

interface AwarenessChange {
	added: number[];
	updated: number[];
	removed: number[];
}

/** What Hocuspocus's Document does with awareness, reached past its `private`. */
interface DocumentBroadcast {
	broadcastAwarenessUpdate(clients: number[]): void;
}

/**
 * One document's awareness fan-out. Every state the server accepted is already in
 * `document.awareness` (with its clock and time, so the server itself never times it out);
 * what goes out to the connections is decided here:
 * - a change (added, different state, removed) goes out at once unless the same client changed
 *   less than a window ago; then it waits for the window's end and only its latest state goes
 *   out. Whatever is due at one moment, for any number of clients, leaves as one message;
 * - a heartbeat (same state, higher clock: y-protocols' 15 s renewal) does not go out by
 *   itself. Every `renewIntervalMs` the states renewed since they last went out, and not sent
 *   for `renewAfterMs`, leave together as one message, carrying their renewed clocks.
 */
class DocumentPresence {
	readonly #document: Document;
	readonly #config: PresenceFanoutConfig;
	readonly #send: (clients: number[]) => void;
	/** When each client's last change went out (the window's start). */
	readonly #changedAt = new Map<number, number>();
	/** When and with which clock each client's state last went out, change or renewal. */
	readonly #sent = new Map<number, { at: number; clock: number }>();
	/** Clients with a change waiting, and the earliest time it may go out. */
	readonly #due = new Map<number, number>();
	#cancelTimer: (() => void) | null = null;
	#timerAt = Infinity;

	constructor(document: Document, config: PresenceFanoutConfig) {
		this.#document = document;
		this.#config = config;
		// Hocuspocus sends every awareness update to every connection (batched only per event-loop
		// turn); this class takes over the sending and keeps the encoding (one per message address).
		const broadcast = document as unknown as DocumentBroadcast;
		this.#send = broadcast.broadcastAwarenessUpdate.bind(document);
		broadcast.broadcastAwarenessUpdate = () => {};
		document.awareness.on('change', this.#onChange);
	}

	readonly #onChange = ({ added, updated, removed }: AwarenessChange): void => {
		const now = performance.now();
		for (const list of [added, updated, removed]) {
			for (const id of list) {
				// Already waiting: the fan-out will read the latest state then.
				if (this.#due.has(id)) continue;
				const last = this.#changedAt.get(id);
				this.#due.set(id, last === undefined ? now : Math.max(now, last + this.#config.windowMs));
			}
		}
		this.#schedule();
	};

	#schedule(): void {
		let next = Infinity;
		for (const at of this.#due.values()) if (at < next) next = at;
		if (next >= this.#timerAt) return;
		this.#cancel();
		this.#timerAt = next;
		const delay = next - performance.now();
		// Due now: still wait for the end of this event-loop turn, so that changes arriving in one
		// read of the sockets leave as one message.
		if (delay <= 0) {
			const handle = setImmediate(this.#flush);
			this.#cancelTimer = () => clearImmediate(handle);
		} else {
			const handle = setTimeout(this.#flush, delay);
			this.#cancelTimer = () => clearTimeout(handle);
		}
	}

	#cancel(): void {
		this.#cancelTimer?.();
		this.#cancelTimer = null;
		this.#timerAt = Infinity;
	}

	readonly #flush = (): void => {
		this.#cancelTimer = null;
		this.#timerAt = Infinity;
		if (this.#document.isDestroyed) return;
		const now = performance.now();
		const clients: number[] = [];
		for (const [id, at] of this.#due) {
			// A millisecond of slack: timers fire up to 1 ms early, which must not cost another turn.
			if (at > now + 1) continue;
			clients.push(id);
			this.#due.delete(id);
			this.#changedAt.set(id, now);
		}
		if (clients.length > 0) this.#fanOut(clients, now);
		this.#schedule();
	};

	/** Sends the renewed states the others have not seen for `renewAfterMs`. */
	renew(): void {
		if (this.#document.isDestroyed) return;
		const now = performance.now();
		const { meta, states } = this.#document.awareness;
		const clients: number[] = [];
		for (const [id, { clock }] of meta) {
			if (!states.has(id) || this.#due.has(id)) continue;
			const sent = this.#sent.get(id);
			if (sent && (sent.clock >= clock || now - sent.at < this.#config.renewAfterMs)) continue;
			clients.push(id);
		}
		if (clients.length > 0) this.#fanOut(clients, now);
	}

	#fanOut(clients: number[], now: number): void {
		const { meta, states } = this.#document.awareness;
		this.#send(clients);
		for (const id of clients) {
			const clock = meta.get(id)?.clock;
			if (states.has(id) && clock !== undefined) {
				this.#sent.set(id, { at: now, clock });
			} else {
				// Gone: its removal went out; a later return starts afresh.
				this.#sent.delete(id);
				this.#changedAt.delete(id);
			}
		}
	}

	stop(): void {
		this.#cancel();
		this.#document.awareness.off('change', this.#onChange);
	}
}

/**
 * Coalesces presence per document, so that 200 people on one board cost the server and each
 * other a message per real change instead of N² messages every 15 s (see DocumentPresence).
 * Installed on each document as it loads, before any connection can send awareness to it.
 */
export class PresenceFanout implements Extension {
	extensionName = 'PresenceFanout';
	configuration: PresenceFanoutConfig;
	#documents = new Map<Document, DocumentPresence>();
	#renewTimer: NodeJS.Timeout | null = null;

	constructor(configuration: Partial<PresenceFanoutConfig> = {}) {
		this.configuration = { ...DEFAULT_PRESENCE_FANOUT, ...configuration };
	}

	async afterLoadDocument({ document }: afterLoadDocumentPayload): Promise<void> {
		this.#documents.set(document, new DocumentPresence(document, this.configuration));
		if (this.#renewTimer === null) {
			this.#renewTimer = setInterval(() => {
				for (const presence of this.#documents.values()) presence.renew();
			}, this.configuration.renewIntervalMs);
			this.#renewTimer.unref();
		}
	}

	async afterUnloadDocument(_: afterUnloadDocumentPayload): Promise<void> {
		// The payload names the document, and a new one of that name may already be loaded:
		// drop whichever instances Hocuspocus has destroyed.
		for (const [document, presence] of this.#documents) {
			if (!document.isDestroyed) continue;
			presence.stop();
			this.#documents.delete(document);
		}
		if (this.#documents.size === 0) this.#stopRenewing();
	}

	async onDestroy(): Promise<void> {
		for (const presence of this.#documents.values()) presence.stop();
		this.#documents.clear();
		this.#stopRenewing();
	}

	#stopRenewing(): void {
		if (this.#renewTimer !== null) clearInterval(this.#renewTimer);
		this.#renewTimer = null;
	}
}

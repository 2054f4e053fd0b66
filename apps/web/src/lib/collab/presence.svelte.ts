import type { HocuspocusProvider } from '@hocuspocus/provider';
import { createSubscriber } from 'svelte/reactivity';
import {
	PeerIndex,
	type CardRef,
	type Peer,
	type PresenceUser,
	type TypingRef
} from './presence-state';

export type { CardRef, Peer, PresenceUser, TypingRef } from './presence-state';

type Awareness = NonNullable<HocuspocusProvider['awareness']>;

const TYPING_IDLE_MS = 2500;

/**
 * Presence on the board: who is here, which card each person has open, who is typing where,
 * and follow mode. Kept on the plan document's awareness because every user may read the plan
 * document, and the server relays awareness even from read-only connections. The server writes
 * each state's `user` from the sender's session (`apps/sync` PresenceGuard); peers are still
 * read totally here (`readPeer`).
 */
export class Presence {
	readonly #awareness: Awareness;
	readonly #subscribe: () => void;
	/** Read from the states on first use after each change; see PeerIndex. */
	#index: PeerIndex | null = null;
	readonly #invalidate = () => {
		this.#index = null;
	};
	#typingTimer: ReturnType<typeof setTimeout> | undefined;
	/** The client this tab follows, if any. */
	following = $state<number | null>(null);

	constructor(options: { awareness: Awareness; me: PresenceUser }) {
		this.#awareness = options.awareness;
		// Registered before any subscriber, and kept while nothing renders: a stale index must never
		// outlive a change.
		this.#awareness.on('change', this.#invalidate);
		// The server replaces `user` with the session's identity anyway; sent for older servers.
		this.#awareness.setLocalState({ user: options.me, card: null, typing: null });
		this.#subscribe = createSubscriber((update) => {
			this.#awareness.on('change', update);
			return () => this.#awareness.off('change', update);
		});
	}

	get clientId(): number {
		return this.#awareness.clientID;
	}

	get #peerIndex(): PeerIndex {
		return (this.#index ??= new PeerIndex({
			states: this.#awareness.getStates(),
			self: this.clientId
		}));
	}

	/** Everyone else, one entry per tab, sorted by name. */
	get peers(): Peer[] {
		this.#subscribe();
		return this.#peerIndex.peers;
	}

	/** Other people with this card open. */
	openers(ref: CardRef): Peer[] {
		this.#subscribe();
		return this.#peerIndex.openers(ref);
	}

	typists(ref: TypingRef): Peer[] {
		this.#subscribe();
		return this.#peerIndex.typists(ref);
	}

	/** The followed person's state, or null when not following or they left. */
	get followed(): Peer | null {
		if (this.following === null) return null;
		return this.peers.find((p) => p.clientId === this.following) ?? null;
	}

	setOpenCard(card: CardRef | null): void {
		this.#awareness.setLocalStateField('card', card);
	}

	/** Marks this tab as typing in a field until it has been idle for a moment. */
	typing(ref: TypingRef): void {
		const current = this.#awareness.getLocalState()?.typing as TypingRef | null;
		if (
			current?.agencyId !== ref.agencyId ||
			current.taskId !== ref.taskId ||
			current.field !== ref.field
		) {
			this.#awareness.setLocalStateField('typing', ref);
		}
		clearTimeout(this.#typingTimer);
		this.#typingTimer = setTimeout(
			() => this.#awareness.setLocalStateField('typing', null),
			TYPING_IDLE_MS
		);
	}

	destroy(): void {
		clearTimeout(this.#typingTimer);
		this.#awareness.off('change', this.#invalidate);
		this.#awareness.setLocalState(null);
	}
}

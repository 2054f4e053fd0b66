import { agencyColor } from '../board/colors';

/* Presence as other clients announce it: plain types and a total reader, no Svelte. */

export interface PresenceUser {
	id: string;
	name: string;
	agencyId: string | null;
}

/** A card as addressed on the board: cards live in agency documents, keyed by task id. */
export interface CardRef {
	agencyId: string;
	taskId: string;
}

export interface TypingRef extends CardRef {
	field: string;
}

/** What one browser tab shares with the others on the plan document's awareness. */
export interface Peer {
	clientId: number;
	user: PresenceUser & { color: string };
	card: CardRef | null;
	typing: TypingRef | null;
}

/** Longest name or id shown; the server sends session names, this bounds anything else. */
const MAX_TEXT = 200;

const text = (v: unknown): string | null =>
	typeof v === 'string' && v.length > 0 && v.length <= MAX_TEXT ? v : null;

function cardRef(v: unknown): CardRef | null {
	if (typeof v !== 'object' || v === null) return null;
	const o = v as Record<string, unknown>;
	const agencyId = text(o.agencyId);
	const taskId = text(o.taskId);
	return agencyId && taskId ? { agencyId, taskId } : null;
}

function typingRef(v: unknown): TypingRef | null {
	const card = cardRef(v);
	const field = card ? text((v as Record<string, unknown>).field) : null;
	return card && field ? { ...card, field } : null;
}

/**
 * A peer from one awareness state, or null when it names no one. Total on any value: states
 * come from other clients, and the colour is derived here, never taken from the state (a CSS
 * value from a peer would be injected into the page's style).
 */
export function readPeer(clientId: number, state: unknown): Peer | null {
	if (typeof state !== 'object' || state === null) return null;
	const { user, card, typing } = state as Record<string, unknown>;
	if (typeof user !== 'object' || user === null) return null;
	const u = user as Record<string, unknown>;
	const id = text(u.id);
	const name = text(u.name);
	if (!id || !name) return null;
	const agencyId = text(u.agencyId);
	return {
		clientId,
		user: { id, name, agencyId, color: agencyColor(agencyId) },
		card: cardRef(card),
		typing: typingRef(typing)
	};
}

/** Shared and frozen: callers read these lists, never change them. */
const NOBODY: Peer[] = Object.freeze([]) as unknown as Peer[];
const cardKey = (ref: CardRef) => `${ref.agencyId}\u0000${ref.taskId}`;
const typingKey = (ref: TypingRef) => `${cardKey(ref)}\u0000${ref.field}`;

function push(index: Map<string, Peer[]>, key: string, peer: Peer): void {
	const list = index.get(key);
	if (list) list.push(peer);
	else index.set(key, [peer]);
}

/**
 * Everyone else on the board, read once per awareness change and indexed by the card each has
 * open and the field each types in. The board asks for the openers of every card it shows: with
 * 200 people and 2,000 cards, re-reading and sorting every state per card was 400,000 reads per
 * change, where the index answers each card with one lookup.
 */
export class PeerIndex {
	/** Sorted by name, then client id. */
	readonly peers: Peer[];
	readonly #openers = new Map<string, Peer[]>();
	readonly #typists = new Map<string, Peer[]>();

	constructor(options: { states: ReadonlyMap<number, unknown>; self: number }) {
		const peers: Peer[] = [];
		for (const [clientId, state] of options.states) {
			if (clientId === options.self) continue;
			const peer = readPeer(clientId, state);
			if (peer) peers.push(peer);
		}
		peers.sort((a, b) => a.user.name.localeCompare(b.user.name, 'vi') || a.clientId - b.clientId);
		for (const peer of peers) {
			if (peer.card) push(this.#openers, cardKey(peer.card), peer);
			if (peer.typing) push(this.#typists, typingKey(peer.typing), peer);
		}
		this.peers = peers;
	}

	/** Other people with this card open, in the order of `peers`. */
	openers(ref: CardRef): Peer[] {
		return this.#openers.get(cardKey(ref)) ?? NOBODY;
	}

	typists(ref: TypingRef): Peer[] {
		return this.#typists.get(typingKey(ref)) ?? NOBODY;
	}
}

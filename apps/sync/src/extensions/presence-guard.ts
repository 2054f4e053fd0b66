import type {
	Connection,
	Document,
	Extension,
	beforeHandleAwarenessPayload
} from '@hocuspocus/server';
import type { SyncContext, SyncUser } from '../context.js';
import type { Logger } from '@planboard/config';

/** Longest id a card or typing reference may carry; real ids are far shorter. */
const MAX_ID_LENGTH = 128;

/**
 * What one connection may announce on a document's awareness. `user` is never taken from the
 * client: the server writes it from the connection's session, so nobody can appear as someone
 * else. The browser derives the colour from `agencyId` (see `apps/web` presence).
 */
export interface PresenceState {
	user: { id: string; name: string; agencyId: string | null };
	card: { agencyId: string; taskId: string } | null;
	typing: { agencyId: string; taskId: string; field: string } | null;
}

export interface PresenceGuardConfig {
	log: Logger;
}

const isId = (v: unknown): v is string =>
	typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_LENGTH;

function cardRef(v: unknown): PresenceState['card'] {
	if (typeof v !== 'object' || v === null) return null;
	const { agencyId, taskId } = v as Record<string, unknown>;
	return isId(agencyId) && isId(taskId) ? { agencyId, taskId } : null;
}

function typingRef(v: unknown): PresenceState['typing'] {
	const card = cardRef(v);
	const field = (v as Record<string, unknown> | null)?.field;
	return card && isId(field) ? { ...card, field } : null;
}

/** The state the server relays for `user`: identity from the session, references checked. */
export function presenceState(user: SyncUser, claimed: Record<string, unknown>): PresenceState {
	return {
		user: { id: user.id, name: user.displayName, agencyId: user.agencyId },
		card: cardRef(claimed.card),
		typing: typingRef(claimed.typing)
	};
}

/**
 * Ties every awareness state to the session of the connection that sent it. Hocuspocus decodes
 * each inbound awareness update into a map of client id -> state before applying it; this hook
 * rewrites that map: the user fields come from the session, other fields keep only well-formed
 * values, a client id another connection already announces is dropped (no one can overwrite
 * someone else's presence). Share links announce and receive nothing: they open no document.
 */
export class PresenceGuard implements Extension {
	extensionName = 'PresenceGuard';
	priority = 800;
	configuration: PresenceGuardConfig;
	/** Per document: which connection first announced each client id. */
	#owners = new WeakMap<Document, Map<number, Connection>>();
	#reported = new WeakSet<Connection>();

	constructor(configuration: PresenceGuardConfig) {
		this.configuration = configuration;
	}

	async beforeHandleAwareness(payload: beforeHandleAwarenessPayload<SyncContext>): Promise<void> {
		const { states, context, connection, document } = payload;
		const user = context?.user;
		if (!user || !connection) {
			states.clear();
			return;
		}
		let owners = this.#owners.get(document);
		if (!owners) {
			owners = new Map();
			this.#owners.set(document, owners);
		}
		// Reloaded tabs leave their client ids behind; forget those of closed connections.
		if (owners.size > 2 * document.getConnectionsCount() + 16) {
			for (const [id, owner] of owners) if (!document.hasConnection(owner)) owners.delete(id);
		}
		for (const [clientId, state] of states) {
			const owner = owners.get(clientId);
			if (owner && owner !== connection && document.hasConnection(owner)) {
				// Once per connection: a forger repeating itself must not flood the log.
				if (!this.#reported.has(connection)) {
					this.#reported.add(connection);
					this.configuration.log.warn('ws.presence_refused', {
						document: payload.documentName.slice(0, 200),
						user: user.username,
						reason: 'client id of another connection'
					});
				}
				states.delete(clientId);
				continue;
			}
			owners.set(clientId, connection);
			states.set(clientId, presenceState(user, state));
		}
	}
}

import { createHash } from 'node:crypto';
import type { Extension, connectedPayload, onAuthenticatePayload } from '@hocuspocus/server';
import {
	SESSION_COOKIE,
	SHARE_TOKEN_PREFIX,
	documentAccess,
	parseCookieHeader,
	validateSessionToken
} from '@planboard/auth';
import { parseDocName } from '@planboard/model';
import { StoreError, type Store } from '@planboard/store';
import { CloseCodes, RefusalReasons } from '../close-codes.js';
import type { SyncContext, SyncUser } from '../context.js';
import type { Logger } from '@planboard/config';
import type { SessionGuard } from './session-guard.js';

export interface AuthorizationConfig {
	store: Store;
	log: Logger;
	guard: SessionGuard;
	/** Absolute session lifetime; the auth package's default when undefined. */
	sessionMaxAgeMs?: number;
}

type Validated = NonNullable<ReturnType<typeof validateSessionToken>>;

/** Sessions remembered for a database outage; the oldest go first beyond this. */
const REMEMBERED_SESSIONS = 10_000;

/** Thrown to Hocuspocus, which answers the provider with a permission-denied message. */
class Denied extends Error {
	constructor(readonly reason: string) {
		super(reason);
	}
}

/**
 * Authenticates every document subscription (provider token, else the session cookie) and
 * decides per document: write, read-only (Hocuspocus drops the updates of a read-only
 * connection before they touch the document) or denied.
 */
export class Authorization implements Extension {
	extensionName = 'Authorization';
	priority = 900;
	configuration: AuthorizationConfig;
	/** Each session validated here, by a hash of its token, for `#whileUnreachable`. */
	#validated = new Map<string, Validated>();

	constructor(configuration: AuthorizationConfig) {
		this.configuration = configuration;
	}

	async onAuthenticate(payload: onAuthenticatePayload<SyncContext>): Promise<Partial<SyncContext>> {
		const { store, log } = this.configuration;
		const { documentName, connectionConfig, context } = payload;
		if (payload.token.startsWith(SHARE_TOKEN_PREFIX)) {
			// A share link reads the progress board's computed snapshot from the web app, never a
			// document: agency documents hold notes and update entries the board does not show.
			log.warn('ws.forbidden', {
				document: documentName.slice(0, 200),
				ip: context.ip,
				reason: 'share links open no document'
			});
			throw new Denied(RefusalReasons.Forbidden);
		}
		const token =
			payload.token ||
			parseCookieHeader(payload.requestHeaders.get('cookie') ?? '').get(SESSION_COOKIE) ||
			'';
		let result: Validated | null;
		try {
			result = token
				? validateSessionToken({ store, token, maxAgeMs: this.configuration.sessionMaxAgeMs })
				: null;
			if (result) this.#remember(token, result);
		} catch (error) {
			result = this.#whileUnreachable({ error, token, context, documentName });
		}
		if (!result) {
			log.warn('ws.auth_failed', {
				document: documentName,
				ip: context.ip,
				reason: 'no valid session'
			});
			throw new Denied(RefusalReasons.Unauthorized);
		}
		const user: SyncUser = {
			id: result.user.id,
			username: result.user.username,
			displayName: result.user.displayName,
			role: result.user.role,
			agencyId: result.user.agencyId
		};
		if (!this.#documentExists({ documentName, context, loaded: payload.instance.documents })) {
			log.warn('ws.forbidden', {
				document: documentName,
				user: user.username,
				reason: 'no such document'
			});
			throw new Denied(RefusalReasons.Forbidden);
		}
		const access = documentAccess({ user, document: documentName });
		if (access === 'none') {
			log.warn('ws.forbidden', {
				document: documentName,
				user: user.username,
				reason: 'no access'
			});
			throw new Denied(RefusalReasons.Forbidden);
		}
		connectionConfig.readOnly = access !== 'write';
		context.peer.user = user;
		return { user, sessionId: result.session.id };
	}

	async connected({
		context,
		documentName,
		connectionConfig
	}: connectedPayload<SyncContext>): Promise<void> {
		if (!context.user || !context.sessionId) return;
		this.configuration.guard.track({
			socket: context.socket,
			sessionId: context.sessionId,
			userId: context.user.id
		});
		this.configuration.log.info('ws.connected', {
			document: documentName,
			user: context.user.username,
			readOnly: connectionConfig.readOnly
		});
	}

	/**
	 * The database cannot be asked (IO): a session validated here earlier that still has an open
	 * socket on this server (a second tab, another document of the same board) is let in, so
	 * reads of loaded documents go on through an outage. The guard untracks the sockets of a
	 * revoked session, so those are not; and its sweep, which would close the sockets of sessions
	 * ended elsewhere, cannot run either until the database is back. Anything else closes the
	 * socket as a storage failure: the provider reconnects later, where a refusal would read as
	 * "signed out" and stop it for good.
	 */
	#whileUnreachable(options: {
		error: unknown;
		token: string;
		context: SyncContext;
		documentName: string;
	}): Validated {
		const { error, token, context, documentName } = options;
		if (!(error instanceof StoreError && error.code === 'IO')) throw error;
		const known = this.#validated.get(tokenKey(token));
		if (
			known &&
			known.session.expiresAt.getTime() > Date.now() &&
			this.configuration.guard.hasOpenSocket(known.session.id)
		) {
			this.configuration.log.warn('ws.auth_from_memory', {
				document: documentName,
				user: known.user.username,
				reason: error.message
			});
			return known;
		}
		this.configuration.log.warn('ws.auth_unavailable', {
			document: documentName,
			ip: context.ip,
			reason: error.message
		});
		context.socket.close(CloseCodes.StorageFailed.code, CloseCodes.StorageFailed.reason);
		throw error;
	}

	#remember(token: string, result: Validated): void {
		const key = tokenKey(token);
		this.#validated.delete(key);
		this.#validated.set(key, result);
		if (this.#validated.size > REMEMBERED_SESSIONS)
			this.#validated.delete(this.#validated.keys().next().value as string);
	}

	/**
	 * Asks the database. While it cannot be reached (IO), a document loaded here exists; another
	 * could not load anyway, so its socket is closed as a storage failure (see `#whileUnreachable`).
	 */
	#documentExists(options: {
		documentName: string;
		context: SyncContext;
		loaded: ReadonlyMap<string, unknown>;
	}): boolean {
		const { documentName, context, loaded } = options;
		try {
			return this.#storedPlanHas(documentName);
		} catch (error) {
			if (!(error instanceof StoreError && error.code === 'IO')) throw error;
			if (loaded.has(documentName)) return true;
			context.socket.close(CloseCodes.StorageFailed.code, CloseCodes.StorageFailed.reason);
			throw error;
		}
	}

	#storedPlanHas(documentName: string): boolean {
		const parsed = parseDocName(documentName);
		if (!parsed) return false;
		// Once per document a socket opens (46 for a board): get() would read the plan's source.
		if (!this.configuration.store.plans.exists(parsed.planId)) return false;
		if (parsed.kind === 'plan') return true;
		return this.configuration.store.plans
			.agencies(parsed.planId)
			.some((a) => a.id === parsed.agencyId);
	}
}

/** Tokens are remembered by their SHA-256, not in clear. */
function tokenKey(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

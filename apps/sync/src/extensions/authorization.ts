import type { Extension, connectedPayload, onAuthenticatePayload } from '@hocuspocus/server';
import {
	SESSION_COOKIE,
	SHARE_TOKEN_PREFIX,
	documentAccess,
	parseCookieHeader,
	validateSessionToken
} from '@planboard/auth';
import { parseDocName } from '@planboard/model';
import type { Store } from '@planboard/store';
import { RefusalReasons } from '../close-codes.js';
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
		const result = token
			? await validateSessionToken({ store, token, maxAgeMs: this.configuration.sessionMaxAgeMs })
			: null;
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
		if (!this.#documentExists(documentName)) {
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

	#documentExists(documentName: string): boolean {
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

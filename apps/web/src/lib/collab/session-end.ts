/**
 * How the sync server says a session is over, as the browser sees it. The server's side lives in
 * apps/sync/src/close-codes.ts (`CloseCodes.SessionRevoked`, `RefusalReasons.Unauthorized`);
 * the browser cannot import that package (it carries the Hocuspocus server), so the two
 * values are repeated here once, for every live view of a board.
 */

/** The socket was closed because its session was logged out, expired or its user disabled. */
export const SESSION_REVOKED_CODE = 4401;

/** A document subscription refused because no valid session came with it. */
export const UNAUTHORIZED_REASON = 'unauthorized';

/** Whether a socket close means the session ended (no retry will help). */
export function closeEndsSession(event: { code?: number } | undefined): boolean {
	return event?.code === SESSION_REVOKED_CODE;
}

/**
 * Whether a refused document subscription means the session ended. A `forbidden` refusal is
 * about one document (unknown, or not this user's), not about who is signed in.
 */
export function refusalEndsSession(reason: string | undefined): boolean {
	return reason === UNAUTHORIZED_REASON;
}

/** The sign-in page, coming back to this page (path and query) afterwards. */
export function signInPath(url: URL): string {
	return `/login?next=${encodeURIComponent(url.pathname + url.search)}`;
}

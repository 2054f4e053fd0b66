/**
 * WebSocket close codes the sync server uses beyond Hocuspocus's own (4401 Unauthorized,
 * 4403 Forbidden, 1009 Message Too Big). Clients show a specific message for each.
 */
export const CloseCodes = {
	/** The session behind this socket was logged out, expired or its user disabled. */
	SessionRevoked: { code: 4401, reason: 'session-revoked' },
	/** A message could not be decoded; only this socket is closed. */
	MalformedMessage: { code: 4400, reason: 'malformed-message' },
	/** The database refused the write (disk full, read-only); the update was not stored. */
	StorageFailed: { code: 4507, reason: 'storage-failed' },
	/** An update would put a value of the wrong type or shape into a known part of the schema. */
	InvalidUpdate: { code: 4422, reason: 'invalid-update' },
	/** The client sent more than its rate or queue allows (see the flood limits). */
	RateLimited: { code: 4429, reason: 'rate-limited' }
} as const;

/**
 * Reasons the server gives when it refuses one document subscription (Hocuspocus's
 * permission-denied message; the provider emits `authenticationFailed` with the reason). The
 * socket stays open for the provider's other documents. Browsers act on `Unauthorized`: the
 * session is over, sign in again.
 */
export const RefusalReasons = {
	/** No valid session came with the subscription (logged out, expired, disabled). */
	Unauthorized: 'unauthorized',
	/** Unknown document, a document this user may not read, or a share-link token. */
	Forbidden: 'forbidden',
	/** The stored document was written by a newer schema than this server knows; nothing loads. */
	NewerSchema: 'newer-schema'
} as const;

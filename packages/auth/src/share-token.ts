import { sha256 } from '@oslojs/crypto/sha2';

/**
 * A provider token of the form `share:<token>` authenticates a progress-board share link
 * instead of a session. Browser-safe (subpath `@planboard/auth/share-token`), so the page that
 * opens a link and the sync server that checks it read one constant.
 */
export const SHARE_TOKEN_PREFIX = 'share:';

/** SHA-256 of a share token: the only form of it the database keeps. */
export function hashShareToken(token: string): Uint8Array {
	return sha256(new TextEncoder().encode(token));
}

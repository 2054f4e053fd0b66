export { AuthError, type AuthErrorCode } from './errors.js';
export {
	hashPassword,
	verifyPassword,
	validatePassword,
	MIN_PASSWORD_LENGTH,
	MAX_PASSWORD_LENGTH
} from './password.js';
export {
	createSession,
	validateSessionToken,
	invalidateSession,
	invalidateUserSessions,
	sessionIdFromToken,
	SESSION_LIFETIME_MS,
	SESSION_MAX_AGE_MS,
	type Session,
	type SessionStore
} from './session.js';
export { SESSION_COOKIE, sessionCookie, blankSessionCookie, parseCookieHeader } from './cookies.js';
export {
	LoginRateLimiter,
	type LoginRateLimiterOptions,
	type RateLimitDecision
} from './LoginRateLimiter.js';
export { ROLES, isRole, documentAccess, type Role, type DocumentAccess } from './access.js';
// Document naming belongs to the model (one id rule); re-exported here only so existing
// importers keep working. New code imports it from @planboard/model.
export { planDocName, agencyDocName, parseDocName, isDocId, type DocName } from '@planboard/model';
export {
	createUserWithPassword,
	setUserPassword,
	verifyLogin,
	normalizeUsername,
	USERNAME_PATTERN
} from './users.js';
export { SHARE_TOKEN_PREFIX, hashShareToken } from './share-token.js';

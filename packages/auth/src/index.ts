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
	loginLimitKeys,
	type LoginLimiter,
	type LoginRateLimiterOptions,
	type RateLimitDecision
} from './LoginRateLimiter.js';
export { ROLES, isRole, documentAccess, type Role, type DocumentAccess } from './access.js';
export {
	createUserWithPassword,
	setUserPassword,
	verifyLogin,
	normalizeUsername,
	USERNAME_PATTERN
} from './users.js';
export { SHARE_TOKEN_PREFIX, hashShareToken } from './share-token.js';
export { hashSecretToken, isSecretToken, newSecretToken } from './secret-token.js';
export { emailProblem, MAX_EMAIL_LENGTH } from './email.js';

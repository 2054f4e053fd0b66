/** Why an auth operation was refused; the message is Vietnamese and safe to show to the user. */
export type AuthErrorCode =
	| 'INVALID_USERNAME'
	| 'USERNAME_TAKEN'
	| 'INVALID_DISPLAY_NAME'
	| 'INVALID_ROLE'
	| 'INVALID_AGENCY'
	| 'WEAK_PASSWORD'
	| 'USER_NOT_FOUND';

export class AuthError extends Error {
	readonly code: AuthErrorCode;

	constructor(options: { code: AuthErrorCode; message: string; cause?: unknown }) {
		super(options.message, { cause: options.cause });
		this.name = 'AuthError';
		this.code = options.code;
	}
}

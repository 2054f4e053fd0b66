import { hash, verify, type Algorithm } from '@node-rs/argon2';

// Algorithm.Argon2id: an ambient const enum cannot be read under verbatimModuleSyntax.
const ARGON2ID: Algorithm = 2;

/** OWASP's Argon2id minimum (19 MiB, 2 passes, 1 lane): tens of ms per hash on one core. */
const ARGON2_OPTIONS = {
	algorithm: ARGON2ID,
	memoryCost: 19456,
	timeCost: 2,
	outputLen: 32,
	parallelism: 1
};

export const MIN_PASSWORD_LENGTH = 10;
/** Bounds hashing work per request; no real passphrase is longer. */
export const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
	return hash(password.normalize('NFC'), ARGON2_OPTIONS);
}

/** False (never a throw) for a wrong password or a malformed stored hash. */
export async function verifyPassword(options: {
	hash: string;
	password: string;
}): Promise<boolean> {
	try {
		return await verify(options.hash, options.password.normalize('NFC'));
	} catch {
		return false;
	}
}

/** Returns a Vietnamese message to show when the password is unacceptable, else null. */
export function validatePassword(password: string): string | null {
	const length = [...password.normalize('NFC')].length;
	if (length < MIN_PASSWORD_LENGTH) {
		return `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
	}
	if (length > MAX_PASSWORD_LENGTH) {
		return `Mật khẩu không được dài quá ${MAX_PASSWORD_LENGTH} ký tự.`;
	}
	return null;
}

import { StoreError, type Store, type User } from '@planboard/store';
import { isRole } from './access.js';
import { isDocId } from '@planboard/model';
import { AuthError } from './errors.js';
import { hashPassword, validatePassword, verifyPassword } from './password.js';

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,32}$/;
const MAX_DISPLAY_NAME = 100;

/** Usernames are compared lowercased and trimmed everywhere; this is the one normal form. */
export function normalizeUsername(username: string): string {
	return username.trim().toLowerCase();
}

/**
 * Validates everything before hashing (hashing is the slow part), then creates the user.
 * Throws AuthError with a Vietnamese message for each invalid field or a taken username.
 */
export async function createUserWithPassword(options: {
	store: Pick<Store, 'users'>;
	username: string;
	displayName: string;
	role: string;
	agencyId: string | null;
	password: string;
}): Promise<User> {
	const username = normalizeUsername(options.username);
	const displayName = options.displayName.trim();
	const { role, agencyId, store } = options;
	if (!USERNAME_PATTERN.test(username)) {
		throw new AuthError({
			code: 'INVALID_USERNAME',
			message:
				'Tên đăng nhập phải dài 3-32 ký tự, chỉ gồm chữ thường không dấu, số, ".", "_" hoặc "-".'
		});
	}
	if (!displayName || [...displayName].length > MAX_DISPLAY_NAME) {
		throw new AuthError({
			code: 'INVALID_DISPLAY_NAME',
			message: `Tên hiển thị không được để trống và không dài quá ${MAX_DISPLAY_NAME} ký tự.`
		});
	}
	if (!isRole(role)) {
		throw new AuthError({ code: 'INVALID_ROLE', message: `Vai trò không hợp lệ: "${role}".` });
	}
	if (agencyId !== null && !isDocId(agencyId)) {
		throw new AuthError({
			code: 'INVALID_AGENCY',
			message: `Mã đơn vị không hợp lệ: "${agencyId}".`
		});
	}
	if (role === 'officer' && agencyId === null) {
		throw new AuthError({
			code: 'INVALID_AGENCY',
			message: 'Cán bộ đơn vị phải thuộc một đơn vị.'
		});
	}
	const weak = validatePassword(options.password);
	if (weak) throw new AuthError({ code: 'WEAK_PASSWORD', message: weak });
	if (store.users.getByUsername(username)) throw taken(username);
	const passwordHash = await hashPassword(options.password);
	try {
		return store.users.create({ username, displayName, role, agencyId, passwordHash });
	} catch (error) {
		if (error instanceof StoreError && error.code === 'CONFLICT') throw taken(username, error);
		throw error;
	}
}

function taken(username: string, cause?: unknown): AuthError {
	return new AuthError({
		code: 'USERNAME_TAKEN',
		message: `Tên đăng nhập "${username}" đã được sử dụng.`,
		cause
	});
}

/** Sets a new password after validating it; callers should then invalidate the user's sessions. */
export async function setUserPassword(options: {
	store: Pick<Store, 'users'>;
	userId: string;
	password: string;
}): Promise<void> {
	const weak = validatePassword(options.password);
	if (weak) throw new AuthError({ code: 'WEAK_PASSWORD', message: weak });
	const passwordHash = await hashPassword(options.password);
	if (!options.store.users.update({ id: options.userId, passwordHash })) {
		throw new AuthError({ code: 'USER_NOT_FOUND', message: 'Không tìm thấy người dùng.' });
	}
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a username and password; null for an unknown user, a wrong password or a disabled
 * account alike. An unknown username still costs one Argon2 verification, so response time does
 * not reveal which usernames exist. Rate limiting is the caller's job (LoginRateLimiter).
 */
export async function verifyLogin(options: {
	store: Pick<Store, 'users'>;
	username: string;
	password: string;
}): Promise<User | null> {
	const { users } = options.store;
	const user = users.getByUsername(normalizeUsername(options.username));
	const hash = user ? users.getPasswordHash(user.id) : null;
	if (!user || !hash) {
		dummyHash ??= hashPassword('planboard-timing-equaliser');
		await verifyPassword({ hash: await dummyHash, password: options.password });
		return null;
	}
	const ok = await verifyPassword({ hash, password: options.password });
	return ok && !user.disabled ? user : null;
}

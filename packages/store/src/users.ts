import type { RepoContext } from './context.js';
import { guarded, rethrow } from './context.js';
import { StoreError, isUniqueViolation } from './errors.js';
import { randomId } from './ids.js';

/** The four roles; the users table CHECK constraint holds the same list. */
export type UserRole = 'admin' | 'coordinator' | 'officer' | 'viewer';

/**
 * A user as the rest of the app sees it. The password hash is deliberately absent (read it with
 * `users.getPasswordHash`), so returning a User from an API can never leak it.
 */
export interface User {
	id: string;
	/** Unique ignoring ASCII case; stored as given. */
	username: string;
	displayName: string;
	role: UserRole;
	/** The agency an officer works for; null for roles that span agencies. */
	agencyId: string | null;
	/** A disabled user keeps their data and history but cannot sign in or use a session. */
	disabled: boolean;
	createdAt: Date;
	/** Where the daily digest goes; null: no email is ever sent to this user. */
	email: string | null;
	/** False once the user unsubscribed from the daily digest (an email link or the admin). */
	emailDigest: boolean;
}

export interface CreateUserInput {
	username: string;
	displayName: string;
	role: UserRole;
	agencyId: string | null;
	passwordHash: string;
}

/** Fields left undefined keep their value; `agencyId: null` clears the agency. */
export interface UpdateUserInput {
	id: string;
	displayName?: string;
	role?: UserRole;
	agencyId?: string | null;
	disabled?: boolean;
	passwordHash?: string;
	/** `null` removes the address. */
	email?: string | null;
	emailDigest?: boolean;
}

export interface UsersRepo {
	/** Throws StoreError CONFLICT when the username is taken in any letter case. */
	create(input: CreateUserInput): User;
	get(id: string): User | null;
	getByUsername(username: string): User | null;
	getPasswordHash(id: string): string | null;
	list(): User[];
	/** Returns the updated user, or null when no user has that id. */
	update(input: UpdateUserInput): User | null;
	count(): number;
}

interface UserRow {
	id: string;
	username: string;
	display_name: string;
	role: UserRole;
	agency_id: string | null;
	disabled: number;
	created_at: number;
	email: string | null;
	email_digest: number;
}

const COLUMNS =
	'id, username, display_name, role, agency_id, disabled, created_at, email, email_digest';

function toUser(row: UserRow | undefined): User | null {
	if (!row) return null;
	return {
		id: row.id,
		username: row.username,
		displayName: row.display_name,
		role: row.role,
		agencyId: row.agency_id,
		disabled: row.disabled === 1,
		createdAt: new Date(row.created_at),
		email: row.email,
		emailDigest: row.email_digest === 1
	};
}

export function createUsersRepo(ctx: RepoContext): UsersRepo {
	const { db } = ctx;
	// Usernames are unique ignoring case: SQLite's column is COLLATE NOCASE (ASCII folding);
	// PostgreSQL compares lower() through its unique index on lower(username).
	const sameName =
		db.dialect === 'sqlite' ? 'username = ? COLLATE NOCASE' : 'lower(username) = lower(?)';
	const byName = db.dialect === 'sqlite' ? 'username' : 'lower(username), username';
	const insert = db.prepare(
		`INSERT INTO users (id, username, display_name, role, agency_id, disabled, password_hash, created_at)
		VALUES (@id, @username, @displayName, @role, @agencyId, 0, @passwordHash, @createdAt)`
	);
	const byId = db.prepare<[string], UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
	const byUsername = db.prepare<[string], UserRow>(
		`SELECT ${COLUMNS} FROM users WHERE ${sameName}`
	);
	const hashById = db.prepare<[string], { password_hash: string }>(
		'SELECT password_hash FROM users WHERE id = ?'
	);
	const all = db.prepare<[], UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY ${byName}`);
	const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users');
	const patch = db.prepare(
		`UPDATE users SET
			display_name = CASE WHEN @setDisplayName THEN @displayName ELSE display_name END,
			role = CASE WHEN @setRole THEN @role ELSE role END,
			agency_id = CASE WHEN @setAgencyId THEN @agencyId ELSE agency_id END,
			disabled = CASE WHEN @setDisabled THEN @disabled ELSE disabled END,
			password_hash = CASE WHEN @setPasswordHash THEN @passwordHash ELSE password_hash END,
			email = CASE WHEN @setEmail THEN @email ELSE email END,
			email_digest = CASE WHEN @setEmailDigest THEN @emailDigest ELSE email_digest END
		WHERE id = @id`
	);

	const conflict = (username: string, error: unknown) =>
		new StoreError({
			code: 'CONFLICT',
			path: ctx.path,
			message: `The username "${username}" is already taken (usernames ignore letter case)`,
			cause: error
		});

	return {
		create(input) {
			const id = randomId();
			try {
				insert.run({ ...input, id, createdAt: ctx.now() });
			} catch (error) {
				if (isUniqueViolation(error)) throw conflict(input.username, error);
				rethrow(ctx, error);
			}
			return toUser(byId.get(id))!;
		},
		get: (id) => toUser(byId.get(id)),
		getByUsername: (username) => toUser(byUsername.get(username)),
		getPasswordHash: (id) => hashById.get(id)?.password_hash ?? null,
		list: () => all.all().map((row) => toUser(row)!),
		update(input) {
			const flag = (value: unknown) => (value === undefined ? 0 : 1);
			guarded(ctx, () =>
				patch.run({
					id: input.id,
					setDisplayName: flag(input.displayName),
					displayName: input.displayName ?? null,
					setRole: flag(input.role),
					role: input.role ?? null,
					setAgencyId: flag(input.agencyId),
					agencyId: input.agencyId ?? null,
					setDisabled: flag(input.disabled),
					disabled: input.disabled ? 1 : 0,
					setPasswordHash: flag(input.passwordHash),
					passwordHash: input.passwordHash ?? null,
					setEmail: flag(input.email),
					email: input.email ?? null,
					setEmailDigest: flag(input.emailDigest),
					emailDigest: input.emailDigest ? 1 : 0
				})
			);
			return toUser(byId.get(input.id));
		},
		count: () => countAll.get()!.n
	};
}

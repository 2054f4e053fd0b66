import { toBuffer, toBytes } from './bytes.js';
import type { RepoContext } from './context.js';
import { guarded } from './context.js';

/**
 * A stored session. Only SHA-256 of the token's secret is kept, so a leaked database (or backup)
 * cannot be replayed as a cookie.
 */
export interface SessionRecord {
	id: string;
	secretHash: Uint8Array;
	userId: string;
	expiresAt: Date;
	createdAt: Date;
}

export interface SessionsRepo {
	/** `createdAt` defaults to the store's clock; the absolute session lifetime counts from it. */
	insert(input: {
		id: string;
		secretHash: Uint8Array;
		userId: string;
		expiresAt: Date;
		createdAt?: Date;
	}): void;
	get(id: string): SessionRecord | null;
	setExpiry(input: { id: string; expiresAt: Date }): void;
	delete(id: string): void;
	deleteForUser(userId: string): number;
	/** Removes sessions that expired at or before `now`; returns how many. */
	deleteExpired(now: Date): number;
}

interface SessionRow {
	id: string;
	secret_hash: Buffer;
	user_id: string;
	expires_at: number;
	created_at: number;
}

export function createSessionsRepo(ctx: RepoContext): SessionsRepo {
	const { db } = ctx;
	const insert = db.prepare<[string, Buffer, string, number, number]>(
		'INSERT INTO sessions (id, secret_hash, user_id, expires_at, created_at) VALUES (?, ?, ?, ?, ?)'
	);
	const byId = db.prepare<[string], SessionRow>(
		'SELECT id, secret_hash, user_id, expires_at, created_at FROM sessions WHERE id = ?'
	);
	const expiry = db.prepare<[number, string]>('UPDATE sessions SET expires_at = ? WHERE id = ?');
	const remove = db.prepare<[string]>('DELETE FROM sessions WHERE id = ?');
	const removeForUser = db.prepare<[string]>('DELETE FROM sessions WHERE user_id = ?');
	const removeExpired = db.prepare<[number]>('DELETE FROM sessions WHERE expires_at <= ?');

	return {
		insert(input) {
			guarded(ctx, () =>
				insert.run(
					input.id,
					toBuffer(input.secretHash),
					input.userId,
					input.expiresAt.getTime(),
					input.createdAt?.getTime() ?? ctx.now()
				)
			);
		},
		get(id) {
			const row = byId.get(id);
			if (!row) return null;
			return {
				id: row.id,
				secretHash: toBytes(row.secret_hash),
				userId: row.user_id,
				expiresAt: new Date(row.expires_at),
				createdAt: new Date(row.created_at)
			};
		},
		setExpiry(input) {
			guarded(ctx, () => expiry.run(input.expiresAt.getTime(), input.id));
		},
		delete(id) {
			guarded(ctx, () => remove.run(id));
		},
		deleteForUser: (userId) => guarded(ctx, () => removeForUser.run(userId).changes),
		deleteExpired: (now) => guarded(ctx, () => removeExpired.run(now.getTime()).changes)
	};
}

import { toBuffer } from './bytes.js';
import type { RepoContext } from './context.js';
import { guarded } from './context.js';

/**
 * Each user's calendar feed: one secret address per user, resettable. Only a hash of the
 * address's token is stored (as for share links), so the database cannot reveal a working feed;
 * resetting replaces the hash, and the old address stops at once.
 */
export interface CalendarFeed {
	userId: string;
	createdAt: Date;
	lastUsedAt: Date | null;
}

export interface CalendarFeedsRepo {
	/** Creates the user's feed, or replaces its token (the old one stops working). */
	set(input: { userId: string; tokenHash: Uint8Array }): void;
	get(userId: string): CalendarFeed | null;
	/** The feed a token opens; null for an unknown (or replaced) token. */
	getByHash(tokenHash: Uint8Array): CalendarFeed | null;
	/** Returns false when the user had no feed. */
	remove(userId: string): boolean;
	touch(userId: string): void;
}

interface FeedRow {
	user_id: string;
	created_at: number;
	last_used_at: number | null;
}

const toFeed = (row: FeedRow): CalendarFeed => ({
	userId: row.user_id,
	createdAt: new Date(row.created_at),
	lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at)
});

export function createCalendarFeedsRepo(ctx: RepoContext): CalendarFeedsRepo {
	const { db } = ctx;
	const upsert = db.prepare<[string, Buffer, number]>(
		`INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (?, ?, ?)
		ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash,
			created_at = excluded.created_at, last_used_at = NULL`
	);
	const byUser = db.prepare<[string], FeedRow>(
		'SELECT user_id, created_at, last_used_at FROM calendar_feeds WHERE user_id = ?'
	);
	const byHash = db.prepare<[Buffer], FeedRow>(
		'SELECT user_id, created_at, last_used_at FROM calendar_feeds WHERE token_hash = ?'
	);
	const remove = db.prepare<[string]>('DELETE FROM calendar_feeds WHERE user_id = ?');
	const touch = db.prepare<[number, string]>(
		'UPDATE calendar_feeds SET last_used_at = ? WHERE user_id = ?'
	);
	return {
		set({ userId, tokenHash }) {
			guarded(ctx, () => upsert.run(userId, toBuffer(tokenHash), ctx.now()));
		},
		get(userId) {
			const row = byUser.get(userId);
			return row ? toFeed(row) : null;
		},
		getByHash(tokenHash) {
			const row = byHash.get(toBuffer(tokenHash));
			return row ? toFeed(row) : null;
		},
		remove: (userId) => guarded(ctx, () => remove.run(userId).changes > 0),
		touch(userId) {
			guarded(ctx, () => touch.run(ctx.now(), userId));
		}
	};
}

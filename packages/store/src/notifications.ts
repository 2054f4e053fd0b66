import { toBuffer } from './bytes.js';
import type { RepoContext } from './context.js';
import { guarded } from './context.js';

/**
 * What the store keeps of notifications and email digests (migration 6). Notifications are
 * computed from the boards on each request and never stored; a user's read marks are, by the
 * notification's stable key. A digest is claimed (its row written) before its email is sent,
 * so a restart, or a second scheduler tick, on the same day sends nothing twice.
 */
export interface NotificationsRepo {
	/** The keys this user marked read. */
	readKeys(userId: string): Set<string>;
	markRead(input: { userId: string; keys: readonly string[] }): void;
	/** Forgets the user's read marks of notifications that no longer exist; returns how many. */
	retainReads(input: { userId: string; keys: ReadonlySet<string> }): number;
	/**
	 * Claims the user's digest of a Vietnam day ('YYYY-MM-DD'), with the hash of the unsubscribe
	 * token its email carries. False when that day's digest was already claimed.
	 */
	claimDigest(input: { userId: string; day: string; unsubscribeHash: Uint8Array }): boolean;
	/** The claimed digest went out. */
	digestSent(input: { userId: string; day: string }): void;
	/** Sending failed: the claim is dropped, so a later tick that day tries again. */
	releaseDigest(input: { userId: string; day: string }): void;
	/** Whether the user's digest of that day was claimed, and when it was sent. */
	digest(input: { userId: string; day: string }): { sentAt: Date | null } | null;
	/** The user an unsubscribe token (by its hash) belongs to; null for an unknown token. */
	userOfUnsubscribe(unsubscribeHash: Uint8Array): string | null;
}

export function createNotificationsRepo(ctx: RepoContext): NotificationsRepo {
	const { db } = ctx;
	const reads = db.prepare<[string], { key: string }>(
		'SELECT key FROM notification_reads WHERE user_id = ?'
	);
	const read = db.prepare<[string, string, number]>(
		`INSERT INTO notification_reads (user_id, key, read_at) VALUES (?, ?, ?)
		ON CONFLICT DO NOTHING`
	);
	const forget = db.prepare<[string, string]>(
		'DELETE FROM notification_reads WHERE user_id = ? AND key = ?'
	);
	const claim = db.prepare<[string, string, Buffer, number]>(
		`INSERT INTO email_digests (user_id, day, unsubscribe_hash, claimed_at)
		VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`
	);
	const sent = db.prepare<[number, string, string]>(
		'UPDATE email_digests SET sent_at = ? WHERE user_id = ? AND day = ?'
	);
	const release = db.prepare<[string, string]>(
		'DELETE FROM email_digests WHERE user_id = ? AND day = ? AND sent_at IS NULL'
	);
	const digest = db.prepare<[string, string], { sent_at: number | null }>(
		'SELECT sent_at FROM email_digests WHERE user_id = ? AND day = ?'
	);
	const byHash = db.prepare<[Buffer], { user_id: string }>(
		'SELECT user_id FROM email_digests WHERE unsubscribe_hash = ?'
	);
	return {
		readKeys: (userId) => new Set(reads.all(userId).map((r) => r.key)),
		markRead({ userId, keys }) {
			const at = ctx.now();
			guarded(ctx, () => db.transaction(() => keys.forEach((k) => read.run(userId, k, at))));
		},
		retainReads({ userId, keys }) {
			const stale = reads
				.all(userId)
				.map((r) => r.key)
				.filter((k) => !keys.has(k));
			if (stale.length === 0) return 0;
			guarded(ctx, () => db.transaction(() => stale.forEach((k) => forget.run(userId, k))));
			return stale.length;
		},
		claimDigest: ({ userId, day, unsubscribeHash }) =>
			guarded(ctx, () => claim.run(userId, day, toBuffer(unsubscribeHash), ctx.now()).changes > 0),
		digestSent({ userId, day }) {
			guarded(ctx, () => sent.run(ctx.now(), userId, day));
		},
		releaseDigest({ userId, day }) {
			guarded(ctx, () => release.run(userId, day));
		},
		digest({ userId, day }) {
			const row = digest.get(userId, day);
			return row ? { sentAt: row.sent_at === null ? null : new Date(row.sent_at) } : null;
		},
		userOfUnsubscribe: (hash) => byHash.get(toBuffer(hash))?.user_id ?? null
	};
}

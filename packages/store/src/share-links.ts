import { toBuffer, toBytes } from './bytes.js';
import type { RepoContext } from './context.js';
import { guarded } from './context.js';
import { randomId } from './ids.js';

/**
 * A read-only progress-board link. Only a hash of the link's token is stored, so the database
 * cannot reveal working links; whoever creates a link must show the token once and forget it.
 */
export interface ShareLink {
	id: string;
	planId: string;
	tokenHash: Uint8Array;
	label: string;
	/** null: valid until revoked. */
	expiresAt: Date | null;
	createdBy: string | null;
	createdAt: Date;
	revokedAt: Date | null;
	lastUsedAt: Date | null;
}

export interface ShareLinksRepo {
	create(input: {
		planId: string;
		tokenHash: Uint8Array;
		label: string;
		expiresAt: Date | null;
		createdBy: string | null;
	}): string;
	/** Returns revoked and expired links too: check them with `isShareLinkActive`. */
	getByHash(tokenHash: Uint8Array): ShareLink | null;
	/** Newest first; every plan's links when planId is omitted. */
	list(planId?: string): ShareLink[];
	/** Returns false when the link does not exist or was already revoked. */
	revoke(id: string): boolean;
	touch(id: string): void;
}

/** A link grants access only while it is neither revoked nor past its expiry. */
export function isShareLinkActive(options: { link: ShareLink; now?: Date }): boolean {
	const now = (options.now ?? new Date()).getTime();
	const { link } = options;
	return link.revokedAt === null && (link.expiresAt === null || link.expiresAt.getTime() > now);
}

interface ShareLinkRow {
	id: string;
	plan_id: string;
	token_hash: Buffer;
	label: string;
	expires_at: number | null;
	created_by: string | null;
	created_at: number;
	revoked_at: number | null;
	last_used_at: number | null;
}

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

function toShareLink(row: ShareLinkRow): ShareLink {
	return {
		id: row.id,
		planId: row.plan_id,
		tokenHash: toBytes(row.token_hash),
		label: row.label,
		expiresAt: date(row.expires_at),
		createdBy: row.created_by,
		createdAt: new Date(row.created_at),
		revokedAt: date(row.revoked_at),
		lastUsedAt: date(row.last_used_at)
	};
}

export function createShareLinksRepo(ctx: RepoContext): ShareLinksRepo {
	const { db } = ctx;
	const insert = db.prepare(
		`INSERT INTO share_links (id, plan_id, token_hash, label, expires_at, created_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`
	);
	const byHash = db.prepare<[Buffer], ShareLinkRow>(
		'SELECT * FROM share_links WHERE token_hash = ?'
	);
	const all = db.prepare<[], ShareLinkRow>(
		'SELECT * FROM share_links ORDER BY created_at DESC, id'
	);
	const ofPlan = db.prepare<[string], ShareLinkRow>(
		'SELECT * FROM share_links WHERE plan_id = ? ORDER BY created_at DESC, id'
	);
	const revoke = db.prepare<[number, string]>(
		'UPDATE share_links SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'
	);
	const touch = db.prepare<[number, string]>(
		'UPDATE share_links SET last_used_at = ? WHERE id = ?'
	);

	return {
		create(input) {
			const id = randomId();
			guarded(ctx, () =>
				insert.run(
					id,
					input.planId,
					toBuffer(input.tokenHash),
					input.label,
					input.expiresAt?.getTime() ?? null,
					input.createdBy,
					ctx.now()
				)
			);
			return id;
		},
		getByHash(tokenHash) {
			const row = byHash.get(toBuffer(tokenHash));
			return row ? toShareLink(row) : null;
		},
		list: (planId) => (planId === undefined ? all.all() : ofPlan.all(planId)).map(toShareLink),
		revoke: (id) => guarded(ctx, () => revoke.run(ctx.now(), id).changes > 0),
		touch(id) {
			guarded(ctx, () => touch.run(ctx.now(), id));
		}
	};
}

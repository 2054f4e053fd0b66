import type { RepoContext } from './context.js';
import { guarded } from './context.js';

/** An audit entry. `detail` is any JSON-serialisable value; it is stored as JSON text. */
export interface AuditEntry {
	id: number;
	at: Date;
	/** null for actions taken by the system or the CLI without a signed-in user. */
	userId: string | null;
	action: string;
	detail: unknown;
}

export interface AuditLog {
	log(input: { userId: string | null; action: string; detail?: unknown }): void;
	/** Newest first; `beforeId` pages backwards through older entries. */
	list(input: { limit: number; beforeId?: number }): AuditEntry[];
}

interface AuditRow {
	id: number;
	at: number;
	user_id: string | null;
	action: string;
	detail: string;
}

export function createAuditLog(ctx: RepoContext): AuditLog {
	const { db } = ctx;
	const insert = db.prepare<[number, string | null, string, string]>(
		'INSERT INTO audit_log (at, user_id, action, detail) VALUES (?, ?, ?, ?)'
	);
	const page = db.prepare<[number, number], AuditRow>(
		'SELECT id, at, user_id, action, detail FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?'
	);

	return {
		log({ userId, action, detail }) {
			guarded(ctx, () => insert.run(ctx.now(), userId, action, JSON.stringify(detail ?? null)));
		},
		list({ limit, beforeId }) {
			return page.all(beforeId ?? Number.MAX_SAFE_INTEGER, limit).map((row) => ({
				id: row.id,
				at: new Date(row.at),
				userId: row.user_id,
				action: row.action,
				detail: JSON.parse(row.detail) as unknown
			}));
		}
	};
}

import { hashShareToken, isSecretToken, newSecretToken } from '@planboard/auth';
import { error } from '@sveltejs/kit';
import { endOfVietnamDay, isIsoDate } from '@planboard/model';
import { isShareLinkActive, type ShareLink, type User } from '@planboard/store';
import { runtime } from '$lib/server/runtime';
import { endShareStreams } from './progress-feed.server';

/** Who may create, list and revoke share links. */
export const SHARE_MANAGERS: ReadonlySet<string> = new Set(['admin', 'coordinator']);

export function requireShareManager(locals: App.Locals): User {
	if (!locals.user) error(401, { message: 'Cần đăng nhập.' });
	if (!SHARE_MANAGERS.has(locals.user.role)) {
		error(403, { message: 'Chỉ quản trị viên và điều phối viên được quản lý liên kết chia sẻ.' });
	}
	return locals.user;
}

/** The link a token opens, or why not: unknown (404) or revoked/expired (410). */
export function resolveShareToken(token: string): { link: ShareLink } | { status: 404 | 410 } {
	if (!isSecretToken(token)) return { status: 404 };
	const link = runtime().store.shareLinks.getByHash(hashShareToken(token));
	if (!link) return { status: 404 };
	if (!isShareLinkActive({ link })) return { status: 410 };
	return { link };
}

/** The active link a token opens; otherwise answers 404 (unknown) or 410 (revoked, expired). */
export function requireShareLink(token: string): ShareLink {
	const found = resolveShareToken(token);
	if ('status' in found) {
		error(found.status, {
			message:
				found.status === 410
					? 'Liên kết chia sẻ đã hết hạn hoặc đã bị thu hồi.'
					: 'Không tìm thấy liên kết chia sẻ.'
		});
	}
	return found.link;
}

export type ShareLinkStatus = 'active' | 'revoked' | 'expired';

/** A link as pages and the API show it: never the hash. */
export function publicShareLink(link: ShareLink) {
	const status: ShareLinkStatus = link.revokedAt
		? 'revoked'
		: isShareLinkActive({ link })
			? 'active'
			: 'expired';
	return {
		id: link.id,
		planId: link.planId,
		label: link.label,
		status,
		expiresAt: link.expiresAt?.toISOString() ?? null,
		createdBy: link.createdBy,
		createdAt: link.createdAt.toISOString(),
		revokedAt: link.revokedAt?.toISOString() ?? null,
		lastUsedAt: link.lastUsedAt?.toISOString() ?? null
	};
}

export class ShareInputError extends Error {}

/**
 * Creates a link and returns its token: the only time it exists outside the link's URL.
 * `expires` is a Vietnam calendar day ('YYYY-MM-DD'); the link works through the end of it.
 */
export function createShareLink(o: {
	planId: string;
	label: string;
	expires: string | null;
	user: User;
}) {
	const { store, log } = runtime();
	if (!store.plans.get(o.planId)) throw new ShareInputError('Không tìm thấy kế hoạch.');
	const label = o.label.trim();
	if (!label || label.length > 120) throw new ShareInputError('Nhãn phải có từ 1 đến 120 ký tự.');
	let expiresAt: Date | null = null;
	if (o.expires) {
		if (!isIsoDate(o.expires)) throw new ShareInputError('Ngày hết hạn không hợp lệ.');
		expiresAt = endOfVietnamDay(o.expires);
		if (expiresAt.getTime() <= Date.now()) throw new ShareInputError('Ngày hết hạn đã qua.');
	}
	const token = newSecretToken();
	const id = store.shareLinks.create({
		planId: o.planId,
		tokenHash: hashShareToken(token),
		label,
		expiresAt,
		createdBy: o.user.id
	});
	store.audit.log({
		userId: o.user.id,
		action: 'share.create',
		detail: `${o.planId} ${id} ${label}`
	});
	log.info('share.created', { plan: o.planId, link: id, user: o.user.username });
	return { id, token, path: `/share/${token}` };
}

/** Revokes the link and closes its open connections at once. False when there is no such link. */
export function revokeShareLink(o: { id: string; planId?: string; user: User }): boolean {
	const { store, log, sync } = runtime();
	const link = store.shareLinks.list(o.planId).find((l) => l.id === o.id);
	if (!link) return false;
	store.shareLinks.revoke(link.id);
	const closed = endShareStreams(link.id);
	// The other servers (several behind one address) end their own streams of it.
	sync.revokeShareLink(link.id);
	store.audit.log({
		userId: o.user.id,
		action: 'share.revoke',
		detail: `${link.planId} ${link.id}`
	});
	log.info('share.revoked', { plan: link.planId, link: link.id, user: o.user.username, closed });
	return true;
}

import { randomBytes } from 'node:crypto';
import { loadGiaLaiDirectory } from '@planboard/plan-import';
import type { Store } from './open.js';

/**
 * Puts at least one row in every table of the store (beside whatever a seeded board already
 * holds), with bytes that test a copy's fidelity: zero bytes, 0xff, Vietnamese text. For tests of
 * moving a whole installation (copy.ts, `planboard migrate`).
 */
export function fillEveryTable(store: Store, options: { planId?: string } = {}): void {
	if (!store.agencies.province()) store.agencies.seed(loadGiaLaiDirectory());
	// Agencies still active, so retiring one is allowed whatever the seeded directory holds.
	const [a, b, c] = store.agencies.list().filter((agency) => agency.validTo === undefined);
	store.agencies.retire({ id: a.id, on: '2025-07-01', successorIds: [b.id] });
	store.agencies.addGroup({ name: 'Nhóm kiểm thử chuyển dữ liệu', memberIds: [b.id, c.id] });
	const planId = options.planId ?? 'ke-hoach-thu';
	if (!store.plans.exists(planId)) {
		store.plans.insert({ id: planId, title: 'Kế hoạch thử', year: 2026, sourceJson: '{"a":1}' });
		store.plans.setAgencies({
			planId,
			agencies: [{ id: b.id, name: b.name, shortName: b.shortName, kind: b.kind }]
		});
	}
	const user = store.users.create({
		username: 'chuyen.du.lieu',
		displayName: 'Người chuyển dữ liệu',
		role: 'coordinator',
		agencyId: b.id,
		passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA'
	});
	store.sessions.insert({
		id: 'phien-thu',
		secretHash: randomBytes(32),
		userId: user.id,
		expiresAt: new Date(Date.UTC(2030, 0, 1))
	});
	// Not a board document (its bytes are not a Yjs update): only the log and snapshot rows matter.
	const document = `probe/${planId}`;
	const seq = store.updates.append({
		document,
		update: Uint8Array.from([0, 1, 2, 255, 0, 128]),
		userId: user.id
	});
	store.updates.append({ document, update: randomBytes(300), userId: null });
	store.updates.writeSnapshot({ document, state: Uint8Array.from([255, 0, 7]), uptoSeq: seq });
	store.shareLinks.create({
		planId,
		tokenHash: randomBytes(32),
		label: 'Liên kết cho đoàn kiểm tra',
		expiresAt: null,
		createdBy: user.id
	});
	store.audit.log({ userId: user.id, action: 'migration.probe', detail: { ghiChu: 'thử' } });
	store.minutes.create({
		planId,
		meetingId: 'hop-thu',
		title: 'Biên bản họp thử',
		startedAt: new Date(Date.UTC(2026, 0, 5, 1)),
		endedAt: new Date(Date.UTC(2026, 0, 5, 3)),
		createdBy: user.id,
		docx: Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 255])
	});
	store.calendarFeeds.set({ userId: user.id, tokenHash: randomBytes(32) });
	store.notifications.markRead({ userId: user.id, keys: ['han/the-1', 'han/the-2'] });
	store.notifications.claimDigest({
		userId: user.id,
		day: '2026-01-05',
		unsubscribeHash: randomBytes(32)
	});
	store.leases.acquire({ name: `snapshot:${document}`, holder: 'may-chu-a', ttlMs: 60_000 });
}

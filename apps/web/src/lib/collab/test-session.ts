// Test support: what the collab views read of a BoardSession, over real documents and views.
import { initAgencyDoc, type AgencyId } from '@planboard/model';
import * as Y from 'yjs';
import { gialaiSeed } from '../../../../../packages/model/src/test-fixtures.js';
import { AgencyView } from './agency-view.svelte';
import type { BoardSession } from './board-session.svelte';
import { LiveViews } from './live-views';
import { PlanView } from './plan-view.svelte';

/** A Gia Lai agency's document as the server creates it, with that agency's cards. */
export function agencyDoc(id: AgencyId): Y.Doc {
	const doc = new Y.Doc();
	initAgencyDoc(doc, { agencyId: id, taskIds: gialaiSeed().cards[id] ?? [] });
	return doc;
}

/**
 * A coordinator's session over `plan` and `agencies` (agency id -> document): views, live views
 * (shown once every document has loaded, or after `waitMs`: by default never within a test) and
 * the user.
 */
export function sessionOf(
	plan: Y.Doc,
	agencies: Record<string, Y.Doc>,
	options: { waitMs?: number } = {}
): BoardSession {
	const writer = { id: 'u1', name: 'Người viết' };
	const views = new Map(
		Object.entries(agencies).map(([agencyId, doc]) => [
			agencyId,
			new AgencyView({ doc, agencyId, writable: true, writer })
		])
	);
	const planView = new PlanView(plan);
	const session = {
		plan: planView,
		agencies: views,
		live: new LiveViews({ plan: planView, agencies: views, waitMs: options.waitMs ?? 60_000 }),
		agency: (id: string) => views.get(id),
		planWritable: true,
		user: { id: 'u1', role: 'coordinator', agencyId: null, displayName: 'Điều phối' }
	};
	return session as unknown as BoardSession;
}

import type { AgencyId } from './ids.js';
import { isInstant, isRecord } from './malformed.js';

/** One side of a handover, as stored on a card (see handover.ts). */
export interface HandoverMark {
	/** The other agency: the new lead on the old card, the old lead on the new card. */
	agency: AgencyId;
	at: number;
	by: string | null;
}

/** The mark stored under a card key, or null when absent or malformed. */
export function readHandoverMark(v: unknown): HandoverMark | null {
	if (!isRecord(v) || typeof v.agency !== 'string' || !isInstant(v.at)) return null;
	return { agency: v.agency as AgencyId, at: v.at, by: typeof v.by === 'string' ? v.by : null };
}

/**
 * The one rule for a card's handover state: a card that took part in a handover is open exactly
 * when its agency is among the task's current leads; any other card is open.
 */
export function isCardOpen(options: {
	agencyId: string;
	card: { handedOverTo?: HandoverMark | null; handedOverFrom?: HandoverMark | null };
	leads: readonly string[];
}): boolean {
	const { card, agencyId, leads } = options;
	return (!card.handedOverTo && !card.handedOverFrom) || leads.includes(agencyId);
}

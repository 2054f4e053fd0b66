import * as Y from 'yjs';
import type { AgencyId } from './ids.js';
import { ROOT } from './meta.js';
import { compareOrdered } from './order.js';

export type AgencyKind =
	| 'department'
	| 'district'
	| 'commune'
	| 'ward'
	| 'special-zone'
	| 'armed'
	| 'press'
	| 'party'
	| 'other'
	| 'group';

/**
 * An agency involved in the plan, as a snapshot taken when the board was created: renaming an
 * agency later must not rewrite what a past plan said.
 */
export interface AgencyInfo {
	id: AgencyId;
	name: string;
	shortName: string;
	kind: AgencyKind;
	/**
	 * For kind 'group' (e.g. 'Các sở, ban, ngành'): the member agencies. A task led by a group
	 * fans out into one card per member, in each member's own document.
	 */
	members?: AgencyId[];
}

interface StoredAgency extends AgencyInfo {
	order: string;
}

export function agenciesMap(doc: Y.Doc): Y.Map<StoredAgency> {
	return doc.getMap<StoredAgency>(ROOT.agencies);
}

export function writeAgency(doc: Y.Doc, agency: AgencyInfo, order: string): void {
	const stored: StoredAgency = { ...agency, order };
	if (agency.members) stored.members = [...agency.members];
	agenciesMap(doc).set(agency.id, stored);
}

/** In the order the seed listed them. */
export function readAgencies(doc: Y.Doc): AgencyInfo[] {
	return [...agenciesMap(doc).entries()]
		.map(([id, a]) => ({ ...a, id: id as AgencyId }))
		.sort(compareOrdered)
		.map(({ order: _order, ...info }) => info);
}

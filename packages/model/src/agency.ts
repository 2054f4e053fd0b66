import type { AgencyKind as DirectoryAgencyKind } from '@planboard/plan-import';
import * as Y from 'yjs';
import { isId, type AgencyId } from './ids.js';
import { isRecord, reportMalformed, stringList, typeOf } from './malformed.js';
import { ROOT } from './meta.js';
import { compareOrdered } from './order.js';

/**
 * An agency's kind on a board: one of the directory's kinds (the importer's AGENCY_KINDS, their
 * one definition), or 'group' for a named group of agencies ('Các sở, ban, ngành') that a
 * plan assigns as one lead.
 */
export type AgencyKind = DirectoryAgencyKind | 'group';

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

function readAgency(doc: Y.Doc, id: string, a: unknown): StoredAgency | null {
	const where = `${ROOT.agencies}/${id}`;
	if (!isId(id) || !isRecord(a) || typeof a.name !== 'string') {
		reportMalformed(doc, where, `not an agency: ${typeOf(a)}`);
		return null;
	}
	// Any stored string: the kinds grow with the directory, and readers only test for 'group'.
	const kind = typeof a.kind === 'string' && a.kind !== '' ? a.kind : 'other';
	const stored: StoredAgency = {
		id: id as AgencyId,
		name: a.name,
		shortName: typeof a.shortName === 'string' ? a.shortName : a.name,
		kind: kind as AgencyKind,
		order: typeof a.order === 'string' ? a.order : ''
	};
	if (a.members !== undefined) {
		const members = stringList(a.members);
		if (members === null) reportMalformed(doc, `${where}/members`, 'not a list of strings');
		stored.members = (members ?? []) as AgencyId[];
	}
	return stored;
}

/** In the order the seed listed them. */
export function readAgencies(doc: Y.Doc): AgencyInfo[] {
	const out: StoredAgency[] = [];
	for (const [id, a] of agenciesMap(doc).entries() as IterableIterator<[string, unknown]>) {
		const agency = readAgency(doc, id, a);
		if (agency) out.push(agency);
	}
	return out.sort(compareOrdered).map(({ order: _order, ...info }) => info);
}

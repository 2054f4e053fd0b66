import type { AgencyDirectory, AgencyRef, ParsedPlan } from '@planboard/plan-import';

/** How the importer resolved one way an agency is written in the plan. */
export type MentionMatch =
	| { kind: 'agency'; id: string; name: string }
	| { kind: 'group'; id: string; name: string; members: number }
	| { kind: 'unknown' };

/** One distinct agency mention of a plan, for the preview: the person confirms or corrects it. */
export interface AgencyMention {
	/** The mention as written; the key a mapping refers to. */
	text: string;
	match: MentionMatch;
	/** Source lines of the tasks and duties that name it, ascending. */
	lines: number[];
}

/**
 * What the person decided for a mention: map it onto a directory agency, or make it a new agency
 * of its own under the given name. A mention without a mapping keeps the importer's match.
 */
export type AgencyMapping = { agencyId: string } | { newAgency: string };

/** Mappings keyed by the mention as written (`AgencyMention.text`). */
export type AgencyMappings = Record<string, AgencyMapping>;

/** A mapping that cannot be applied: an unknown directory id, an empty name. */
export class AgencyMappingError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AgencyMappingError';
	}
}

/** Every tasks' and duties' agency refs with the names the plan shows for them, index by index. */
function* refLists(
	plan: ParsedPlan
): Generator<{ refs: AgencyRef[]; names: string[]; line: number }> {
	for (const t of plan.tasks) {
		yield { refs: t.leadRefs, names: t.lead, line: t.line };
		yield { refs: t.coordinatingRefs, names: t.coordinating, line: t.line };
	}
	for (const d of plan.duties) yield { refs: d.agencyRefs, names: d.agencies, line: d.line };
}

/** The plan's distinct agency mentions in order of first appearance, each with its match. */
export function agencyMentions(options: {
	plan: ParsedPlan;
	directory: AgencyDirectory;
}): AgencyMention[] {
	const { plan, directory } = options;
	const mentions = new Map<string, AgencyMention>();
	for (const { refs, line } of refLists(plan)) {
		for (const ref of refs) {
			const seen = mentions.get(ref.text);
			if (seen) {
				if (!seen.lines.includes(line)) seen.lines.push(line);
				continue;
			}
			mentions.set(ref.text, { text: ref.text, match: matchOf(directory, ref), lines: [line] });
		}
	}
	for (const m of mentions.values()) m.lines.sort((a, b) => a - b);
	return [...mentions.values()];
}

function matchOf(directory: AgencyDirectory, ref: AgencyRef): MentionMatch {
	if (ref.agencyId !== null) {
		const a = directory.agencies.find((x) => x.id === ref.agencyId);
		return { kind: 'agency', id: ref.agencyId, name: a?.name ?? ref.text };
	}
	if (ref.groupId !== null) {
		const g = directory.groups.find((x) => x.id === ref.groupId);
		return {
			kind: 'group',
			id: ref.groupId,
			name: g?.name ?? ref.text,
			members: ref.memberIds.length
		};
	}
	return { kind: 'unknown' };
}

/**
 * The plan with the person's mappings applied, as if the importer had matched that way: a mention
 * mapped to a directory agency resolves to it (and shows its name); a new agency keeps a lane of
 * its own under the given name. The input plan is not changed.
 */
export function applyAgencyMappings(options: {
	plan: ParsedPlan;
	directory: AgencyDirectory;
	mappings: AgencyMappings;
}): ParsedPlan {
	const { plan, directory, mappings } = options;
	const resolved = new Map<string, { ref: AgencyRef; name: string }>();
	for (const [text, mapping] of Object.entries(mappings)) {
		if ('agencyId' in mapping) {
			const agency = directory.agencies.find((a) => a.id === mapping.agencyId);
			if (!agency)
				throw new AgencyMappingError(`"${text}": no agency "${mapping.agencyId}" in the directory`);
			resolved.set(text, {
				ref: { text, agencyId: agency.id, groupId: null, memberIds: [] },
				name: agency.name
			});
		} else {
			const name = mapping.newAgency.replace(/\s+/g, ' ').trim();
			if (!name) throw new AgencyMappingError(`"${text}": a new agency needs a name`);
			resolved.set(text, {
				ref: { text: name, agencyId: null, groupId: null, memberIds: [] },
				name
			});
		}
	}
	const remap = (refs: AgencyRef[], names: string[]) => {
		const out = refs.map((ref, i) => {
			const m = resolved.get(ref.text);
			return m ? { ref: m.ref, name: m.name } : { ref, name: names[i] ?? ref.text };
		});
		return { refs: out.map((o) => o.ref), names: out.map((o) => o.name) };
	};
	return {
		...plan,
		tasks: plan.tasks.map((t) => {
			const lead = remap(t.leadRefs, t.lead);
			const coordinating = remap(t.coordinatingRefs, t.coordinating);
			return {
				...t,
				leadRefs: lead.refs,
				lead: lead.names,
				coordinatingRefs: coordinating.refs,
				coordinating: coordinating.names
			};
		}),
		duties: plan.duties.map((d) => {
			const agencies = remap(d.agencyRefs, d.agencies);
			return { ...d, agencyRefs: agencies.refs, agencies: agencies.names };
		})
	};
}

/** Reads mappings sent by a client (JSON), refusing anything but the two documented shapes. */
export function parseAgencyMappings(value: unknown): AgencyMappings {
	if (value === null || value === undefined) return {};
	if (typeof value !== 'object' || Array.isArray(value))
		throw new AgencyMappingError('mappings must be an object keyed by the mention');
	const out: AgencyMappings = {};
	for (const [text, m] of Object.entries(value as Record<string, unknown>)) {
		const entry = m as Record<string, unknown> | null;
		if (entry && typeof entry.agencyId === 'string') out[text] = { agencyId: entry.agencyId };
		else if (entry && typeof entry.newAgency === 'string')
			out[text] = { newAgency: entry.newAgency };
		else throw new AgencyMappingError(`"${text}": a mapping is { agencyId } or { newAgency }`);
	}
	return out;
}

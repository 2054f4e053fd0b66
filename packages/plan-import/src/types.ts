/** A resolved mention of an agency or group in the plan text. */
export interface AgencyRef {
	/** The mention as written (or as expanded from an enumeration), never empty. */
	text: string;
	/** Directory agency id, or null when the mention is not a single known agency. */
	agencyId: string | null;
	/** Directory group id, or null when the mention is not a known group. */
	groupId: string | null;
	/** Agency ids of the group's members; empty unless `groupId` is set. */
	memberIds: string[];
}

/** A leaf item of the tasks section: the unit that becomes a card. */
export interface PlanTask {
	/** Full path number, section first: "II.6.2", "II.1.a". */
	number: string;
	title: string;
	content: string;
	/** Canonical directory names where matched, the source text otherwise. */
	lead: string[];
	coordinating: string[];
	/** The timeframe as written, or null when the plan gives none. */
	timeframe: string | null;
	/** ISO date (YYYY-MM-DD) derived from `timeframe`; null for "Thường xuyên" and the like. */
	due: string | null;
	/** 1-based line of the item's number (or of the table row) in the original file. */
	line: number;
	/** What the task delivers, from a task table's "Sản phẩm"/"Kết quả" column; null elsewhere. */
	product: string | null;
	leadRefs: AgencyRef[];
	coordinatingRefs: AgencyRef[];
	/** Number of the section holding the task, e.g. "II"; "PL" for a table in a "PHỤ LỤC". */
	section: string;
}

/** One numbered entry of the "TỔ CHỨC THỰC HIỆN" section. */
export interface PlanDuty {
	number: string;
	agencies: string[];
	items: string[];
	agencyRefs: AgencyRef[];
	line: number;
}

export interface PlanSection {
	number: string;
	title: string;
}

export interface PlanMilestone {
	/** ISO date. */
	date: string;
	text: string;
}

export interface PlanWarning {
	line: number;
	message: string;
}

export interface ParsedPlan {
	title: string;
	issuer: string | null;
	number: string | null;
	/** ISO date of issue, null when the plan has no place/date line. */
	date: string | null;
	year: number | null;
	bases: string[];
	sections: PlanSection[];
	tasks: PlanTask[];
	duties: PlanDuty[];
	milestones: PlanMilestone[];
	warnings: PlanWarning[];
}

/**
 * Every kind of directory agency; the store accepts exactly these. `commune`, `ward` and
 * `special-zone` are the local level after the 2025 reorganisation, when districts ended (2025-07-01).
 */
export const AGENCY_KINDS = [
	'department',
	'district',
	'commune',
	'ward',
	'special-zone',
	'armed',
	'press',
	'party',
	'other'
] as const;

export type AgencyKind = (typeof AGENCY_KINDS)[number];

export interface DirectoryAgency {
	/** Stable ASCII slug; board data refers to agencies by this id. */
	id: string;
	name: string;
	shortName: string;
	kind: AgencyKind;
	aliases?: string[];
	/** ISO dates bounding the agency's existence (mergers, reorganizations). */
	validFrom?: string;
	/** Inclusive last day; an agency retired "on" a date ends the day before. */
	validTo?: string;
	/** Agencies that took over its duties when it ended (merger, split, reorganisation). */
	successorIds?: string[];
	note?: string;
}

export interface DirectoryGroup {
	id: string;
	name: string;
	aliases?: string[];
	/** Agency ids; every id exists in the same directory. */
	members: string[];
}

export interface AgencyDirectory {
	province: string;
	agencies: DirectoryAgency[];
	groups: DirectoryGroup[];
}

export interface ParseOptions {
	/** Agencies to resolve names against; omit (or pass an empty one) for unknown provinces. */
	directory?: AgencyDirectory;
	/** File name or URL, carried into errors so messages can name the input. */
	source?: string;
}

/**
 * Every table of the store, in foreign-key order (a table comes after every table it references),
 * with the columns of its primary key. The one list of the schema's tables, on both backends:
 * PostgreSQL's integrity check probes them (pg-maintenance.ts), and moving an installation
 * between backends (transfer.ts) reads them in this order, each by its key, and inserts them in
 * this order, so every reference finds its row. A new table belongs here; transfer.test.ts fails
 * until it is.
 */
export const TABLES = [
	{ name: 'users', key: ['id'] },
	{ name: 'sessions', key: ['id'] },
	{ name: 'plans', key: ['id'] },
	{ name: 'plan_agencies', key: ['plan_id', 'id'] },
	{ name: 'doc_updates', key: ['seq'], identity: 'seq' },
	{ name: 'doc_snapshots', key: ['document', 'upto_seq'] },
	{ name: 'share_links', key: ['id'] },
	{ name: 'audit_log', key: ['id'], identity: 'id' },
	{ name: 'agency_directory', key: ['id'] },
	{ name: 'agencies', key: ['id'] },
	{ name: 'agency_successors', key: ['agency_id', 'successor_id'] },
	{ name: 'agency_groups', key: ['id'] },
	{ name: 'agency_group_members', key: ['group_id', 'agency_id'] },
	{ name: 'meeting_minutes', key: ['id'] },
	{ name: 'calendar_feeds', key: ['user_id'] },
	{ name: 'notification_reads', key: ['user_id', 'key'] },
	{ name: 'email_digests', key: ['user_id', 'day'] },
	{ name: 'leases', key: ['name'] }
] as const satisfies readonly Table[];

/** One table: its name, its primary key's columns, and its generated integer key if it has one. */
export interface Table {
	name: string;
	key: readonly string[];
	/** A column PostgreSQL fills from a sequence (identity), which must move past copied values. */
	identity?: string;
}

export type TableName = (typeof TABLES)[number]['name'];

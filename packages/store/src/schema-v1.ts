/**
 * The first schema. Timestamps are integer milliseconds since the epoch; byte columns are BLOBs.
 * doc_updates.seq is the rowid, so a new row gets max(seq) + 1. The update log never deletes the
 * row holding the highest seq (see updates.ts), so seqs are never reused and a snapshot's upto_seq
 * can never cover an update written after it. AUTOINCREMENT would guarantee the same but costs an
 * extra page write per append (measured: about 40% slower).
 * doc_updates.user_id has no foreign key on purpose: the log must accept every update durably.
 */
export const SCHEMA_V1 = `
CREATE TABLE users (
	id TEXT PRIMARY KEY,
	username TEXT NOT NULL COLLATE NOCASE UNIQUE,
	display_name TEXT NOT NULL,
	role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'officer', 'viewer')),
	agency_id TEXT,
	disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	password_hash TEXT NOT NULL,
	created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE sessions (
	id TEXT PRIMARY KEY,
	secret_hash BLOB NOT NULL,
	user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	expires_at INTEGER NOT NULL,
	created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_user_id ON sessions(user_id);
CREATE INDEX sessions_expires_at ON sessions(expires_at);

CREATE TABLE plans (
	id TEXT PRIMARY KEY,
	title TEXT NOT NULL,
	year INTEGER NOT NULL,
	source_json TEXT NOT NULL,
	created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE plan_agencies (
	plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	id TEXT NOT NULL,
	name TEXT NOT NULL,
	short_name TEXT NOT NULL,
	kind TEXT NOT NULL,
	position INTEGER NOT NULL,
	PRIMARY KEY (plan_id, id)
) STRICT;

CREATE TABLE doc_updates (
	seq INTEGER PRIMARY KEY,
	document TEXT NOT NULL,
	data BLOB NOT NULL,
	user_id TEXT,
	created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX doc_updates_document_seq ON doc_updates(document, seq);

CREATE TABLE doc_snapshots (
	document TEXT NOT NULL,
	upto_seq INTEGER NOT NULL,
	state BLOB NOT NULL,
	created_at INTEGER NOT NULL,
	PRIMARY KEY (document, upto_seq)
) STRICT;

CREATE TABLE share_links (
	id TEXT PRIMARY KEY,
	plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	token_hash BLOB NOT NULL UNIQUE,
	label TEXT NOT NULL,
	expires_at INTEGER,
	created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL,
	revoked_at INTEGER,
	last_used_at INTEGER
) STRICT;
CREATE INDEX share_links_plan_id ON share_links(plan_id);

CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY,
	at INTEGER NOT NULL,
	user_id TEXT,
	action TEXT NOT NULL,
	detail TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_at ON audit_log(at);
`;

/**
 * The installation's agency directory, kept by its admin (see agencies.ts). Dates are ISO
 * `YYYY-MM-DD` text, so they compare as strings; `valid_to` is the inclusive last day. Aliases are
 * JSON arrays of names the importer also matches (a renamed agency keeps its old names there);
 * successors and group members are rows with foreign keys, so they can only name real agencies.
 * `agency_directory` holds one row once the directory has been seeded or started: an admin who
 * empties nothing still never gets the bundled directory seeded twice.
 */
export const SCHEMA_V2 = `
CREATE TABLE agency_directory (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	province TEXT NOT NULL,
	created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE agencies (
	id TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	short_name TEXT NOT NULL,
	kind TEXT NOT NULL,
	aliases TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases) AND json_type(aliases) = 'array'),
	valid_from TEXT,
	valid_to TEXT,
	note TEXT,
	position INTEGER NOT NULL,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
) STRICT;

CREATE TABLE agency_successors (
	agency_id TEXT NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
	successor_id TEXT NOT NULL REFERENCES agencies(id),
	position INTEGER NOT NULL,
	PRIMARY KEY (agency_id, successor_id),
	CHECK (agency_id <> successor_id)
) STRICT;

CREATE TABLE agency_groups (
	id TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	aliases TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases) AND json_type(aliases) = 'array'),
	position INTEGER NOT NULL
) STRICT;

CREATE TABLE agency_group_members (
	group_id TEXT NOT NULL REFERENCES agency_groups(id) ON DELETE CASCADE,
	agency_id TEXT NOT NULL REFERENCES agencies(id),
	position INTEGER NOT NULL,
	PRIMARY KEY (group_id, agency_id)
) STRICT;
`;

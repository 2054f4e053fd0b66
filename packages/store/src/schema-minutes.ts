/**
 * Meeting minutes (minutes.ts): the issued DOCX with the meeting's times, one row per meeting of
 * a plan; removed with the plan. `created_by` names a user but is no foreign key: minutes stay
 * when their author's account is removed.
 */
export const SCHEMA_MINUTES = `
CREATE TABLE meeting_minutes (
	id TEXT PRIMARY KEY,
	plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	meeting_id TEXT NOT NULL,
	title TEXT NOT NULL,
	started_at INTEGER NOT NULL,
	ended_at INTEGER NOT NULL,
	created_by TEXT,
	created_at INTEGER NOT NULL,
	docx BLOB NOT NULL,
	UNIQUE (plan_id, meeting_id)
) STRICT;
`;

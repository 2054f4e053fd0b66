/**
 * Migration 6. Notifications themselves are computed from the boards and never stored; only
 * what a user marked read is, by the notification's stable key. A digest row is written before
 * its email is sent (the claim), so a restart on the same day finds it and sends nothing twice;
 * its unsubscribe token is kept as a hash, as every secret address is.
 */
export const SCHEMA_NOTIFICATIONS = `
ALTER TABLE users ADD COLUMN email TEXT;
ALTER TABLE users ADD COLUMN email_digest INTEGER NOT NULL DEFAULT 1 CHECK (email_digest IN (0, 1));

CREATE TABLE notification_reads (
	user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	key TEXT NOT NULL,
	read_at INTEGER NOT NULL,
	PRIMARY KEY (user_id, key)
) STRICT, WITHOUT ROWID;

CREATE TABLE email_digests (
	user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	day TEXT NOT NULL,
	unsubscribe_hash BLOB NOT NULL UNIQUE,
	claimed_at INTEGER NOT NULL,
	sent_at INTEGER,
	PRIMARY KEY (user_id, day)
) STRICT;
`;

export const BACKUP_FORMAT = 'planboard-backup';
/** Bumped on any change a reader of the previous version could misread. */
export const BACKUP_VERSION = 1;

/** The plan's database row, without its creation time (a restore is a new board). */
export interface BackupPlan {
	id: string;
	title: string;
	year: number;
	sourceJson: string;
}

/** An agency with its own document, as the store lists it for the plan. */
export interface BackupAgency {
	id: string;
	name: string;
	shortName: string;
	kind: string;
}

/**
 * A whole board: its row, its agencies and the full Yjs state of each document. Full states,
 * not the update log: a restore needs the content, not who typed what when.
 */
export interface Backup {
	version: typeof BACKUP_VERSION;
	/** ISO 8601 instant the backup was taken. */
	createdAt: string;
	plan: BackupPlan;
	agencies: BackupAgency[];
	/** Document name -> `Y.encodeStateAsUpdate` of that document. */
	documents: Record<string, Uint8Array>;
}

/** Why a backup file cannot be restored; the message names the first problem found. */
export class BackupError extends Error {
	override name = 'BackupError';
}

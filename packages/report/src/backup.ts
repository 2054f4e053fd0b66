import { agencyDocName, metaMap, parseDocName, planDocName } from '@planboard/model';
import * as Y from 'yjs';
import { checkBackup } from './backup-check.js';
import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	BackupError,
	type Backup,
	type BackupAgency,
	type BackupPlan
} from './backup-format.js';

export interface ToBackupOptions {
	plan: BackupPlan;
	agencies: readonly BackupAgency[];
	documents: Record<string, Uint8Array>;
	createdAt?: Date;
}

/** The backup as pretty-printed JSON, states in base64; `parseBackup` reads it back. */
export function toBackupJson(options: ToBackupOptions): string {
	const { id, title, year, sourceJson } = options.plan;
	const documents: Record<string, string> = {};
	for (const name of Object.keys(options.documents).sort()) {
		documents[name] = Buffer.from(options.documents[name]).toString('base64');
	}
	const body = {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		createdAt: (options.createdAt ?? new Date()).toISOString(),
		plan: { id, title, year, sourceJson },
		agencies: options.agencies.map(({ id, name, shortName, kind }) => ({
			id,
			name,
			shortName,
			kind
		})),
		documents
	};
	return `${JSON.stringify(body, null, '\t')}\n`;
}

/**
 * Reads a backup, checking everything before returning: the format and version, every field's
 * type, that document names belong to the plan and its agencies, and that each state is a Yjs
 * document of the right kind. Throws BackupError otherwise, so a restore never starts on a
 * file it would have to abandon half-way.
 */
export function parseBackup(text: string): Backup {
	let data: unknown;
	try {
		data = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		throw new BackupError(`not a Planboard backup: invalid JSON (${(error as Error).message})`);
	}
	return checkBackup(data, (message) => new BackupError(message));
}

export interface RebasedBoard {
	plan: BackupPlan;
	agencies: BackupAgency[];
	/** In the order to write them: the plan document first. */
	documents: { name: string; state: Uint8Array }[];
}

/**
 * The backup's board under a new plan id: document names renamed, and `meta.planId` of every
 * document rewritten (in one transaction per document, after applying the stored state) so
 * the content agrees with the name it is stored under.
 */
export function rebaseBackup(options: { backup: Backup; planId: string }): RebasedBoard {
	const { backup, planId } = options;
	const rename = (name: string): string => {
		// parseBackup checked that every name is one of this plan's two shapes.
		const parsed = parseDocName(name);
		if (parsed?.kind === 'agency') return agencyDocName({ planId, agencyId: parsed.agencyId });
		return planDocName(planId);
	};
	const names = Object.keys(backup.documents).sort(
		(a, b) => a.length - b.length || (a < b ? -1 : 1)
	);
	const documents = names.map((name) => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, backup.documents[name]);
		doc.transact(() => {
			const meta = metaMap(doc);
			if (meta.has('planId') || meta.get('kind') === 'plan') meta.set('planId', planId);
		}, 'restore');
		return { name: rename(name), state: Y.encodeStateAsUpdate(doc) };
	});
	return {
		plan: { ...backup.plan, id: planId },
		agencies: backup.agencies.map((a) => ({ ...a })),
		documents
	};
}

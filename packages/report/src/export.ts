import { agencyDocName, planDocName, type Lang } from '@planboard/model';
import * as Y from 'yjs';
import { toBackupJson } from './backup.js';
import type { BackupAgency, BackupPlan } from './backup-format.js';
import { readBoard } from './board.js';
import { toCsv } from './csv.js';
import { toDocx, type DocxOptions } from './docx.js';
import { checkAsOf } from './rows.js';
import { toXlsx } from './xlsx.js';

export const EXPORT_FORMATS = ['docx', 'csv', 'xlsx', 'json'] as const;

/** 'json' is the whole-board backup that `planboard restore` reads. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
	return (EXPORT_FORMATS as readonly unknown[]).includes(value);
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'text/csv; charset=utf-8',
	json: 'application/json; charset=utf-8'
};

/** ASCII only (plan ids are slugs), so it needs no RFC 5987 encoding in a header. */
export function exportFileName(options: {
	planId: string;
	format: ExportFormat;
	asOf: string;
}): string {
	const { planId, format, asOf } = options;
	return format === 'json'
		? `${planId}-backup-${asOf}.json`
		: `${planId}-bao-cao-${asOf}.${format}`;
}

/**
 * Where a board's data comes from: its database row, its agencies, and each document's stored
 * state. The CLI and the web app both pass the store, so both export the same bytes.
 */
export interface BoardSource {
	plan: BackupPlan;
	/** The agencies with a document, as the store lists them for the plan. */
	agencies: readonly BackupAgency[];
	/** A document's full state as one update; null when it was never written. */
	loadState: (name: string) => Uint8Array | null;
	/**
	 * The document itself, when the source has it loaded already (null: never written): the
	 * exports read it directly instead of decoding `loadState`'s encoding of it again.
	 */
	loadDoc?: (name: string) => Y.Doc | null;
}

export interface ExportBoardOptions extends Pick<DocxOptions, 'reporter' | 'recipients'> {
	source: BoardSource;
	format: ExportFormat;
	asOf: string;
	lang?: Lang;
	/** Backup timestamp; now by default. */
	now?: Date;
}

export interface ExportedFile {
	body: Uint8Array;
	contentType: string;
	fileName: string;
}

/** Renders a board in one format, reading every document once. */
export function exportBoard(options: ExportBoardOptions): ExportedFile {
	const { source, format, asOf } = options;
	checkAsOf(asOf);
	const planId = source.plan.id;
	const names = [
		planDocName(planId),
		...source.agencies.map((a) => agencyDocName({ planId, agencyId: a.id }))
	];
	let body: Uint8Array;
	if (format === 'json') {
		const documents: Record<string, Uint8Array> = {};
		for (const name of names) {
			const state = source.loadState(name);
			if (state) documents[name] = state;
		}
		body = new TextEncoder().encode(
			toBackupJson({
				plan: source.plan,
				agencies: source.agencies,
				documents,
				createdAt: options.now
			})
		);
	} else {
		const board = readBoard({
			planId,
			agencyIds: source.agencies.map((a) => a.id),
			loadDoc: (name) => {
				if (source.loadDoc) return source.loadDoc(name) ?? new Y.Doc();
				const doc = new Y.Doc();
				const state = source.loadState(name);
				if (state) Y.applyUpdate(doc, state);
				return doc;
			}
		});
		const opts = {
			asOf,
			lang: options.lang,
			reporter: options.reporter,
			recipients: options.recipients
		};
		if (format === 'csv') body = new TextEncoder().encode(toCsv(board, opts));
		else if (format === 'xlsx') body = toXlsx(board, opts);
		else body = toDocx(board, opts);
	}
	return {
		body,
		contentType: CONTENT_TYPES[format],
		fileName: exportFileName({ planId, format, asOf })
	};
}

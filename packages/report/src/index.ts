export { readBoard } from './board.js';
export type { BoardCard, BoardContribution, BoardData, ReadBoardOptions } from './board.js';
export { toCalendar } from './calendar.js';
export type { CalendarBoard, CalendarOptions } from './calendar.js';
export { BACKUP_FORMAT, BACKUP_VERSION, BackupError } from './backup-format.js';
export type { Backup, BackupAgency, BackupPlan } from './backup-format.js';
export { parseBackup, rebaseBackup, toBackupJson } from './backup.js';
export type { RebasedBoard, ToBackupOptions } from './backup.js';
export { CARD_COLUMNS } from './columns.js';
export type { Cell } from './columns.js';
export { UTF8_BOM, toCsv } from './csv.js';
export { dmy, placeDateLine, todayInVietnam } from './dates.js';
export { toDocx } from './docx.js';
export type { DocxOptions } from './docx.js';
export { GIA_LAI_STTTT, numberLine } from './docx-parts.js';
export type { Reporter } from './docx-parts.js';
export { DIFFICULTIES_KEY, PROPOSALS_KEY } from './docx-table.js';
export {
	CONTENT_TYPES,
	EXPORT_FORMATS,
	exportBoard,
	exportFileName,
	isExportFormat
} from './export.js';
export type { BoardSource, ExportBoardOptions, ExportFormat, ExportedFile } from './export.js';
export { minutesSubject, toMinutesDocx } from './minutes.js';
export type { MinutesOptions } from './minutes.js';
export { readPackageParts } from './ooxml.js';
export { readRoundSource, roundBoard, toRoundDocx } from './round-report.js';
export type { RoundSource } from './round-report.js';
export { boardProgress, cardRows, taskRows, timelinessText } from './rows.js';
export type { CardRow, ExportOptions, TaskRow } from './rows.js';
export { toXlsx } from './xlsx.js';

export { createBoard } from './create.js';
export { buildSeed, numberId, planYear, reportDeadline, slug, type SeedResult } from './seed.js';
export { newPlanId } from './ids.js';
export { boardDirectory } from './directory.js';
export {
	AgencyMappingError,
	agencyMentions,
	applyAgencyMappings,
	parseAgencyMappings,
	type AgencyMapping,
	type AgencyMappings,
	type AgencyMention,
	type MentionMatch
} from './mentions.js';
export { previewSections, type PreviewSection, type PreviewTask } from './preview.js';
export {
	boardPreview,
	importBoard,
	type BoardImport,
	type BoardImportSummary,
	type BoardPreview
} from './import.js';
export { MAX_PLAN_FILE_BYTES, MAX_PLAN_UPLOAD_BYTES } from './limits.js';
export {
	computeProgress,
	emptyCounts,
	taskStatus,
	type CardFact,
	type CardState,
	type OrphanCard,
	type PlanProgress,
	type ProgressInput,
	type ProgressSlice,
	type TaskProgress,
	type TimelinessCounts
} from './progress.js';
export {
	loadBoardAt,
	loadDocumentAt,
	parseAsOf,
	readDocument,
	type AsOf,
	type BoardAt,
	type DocumentReader,
	type LogReader
} from './as-of.js';
export {
	cardChanges,
	documentHistory,
	type CardChange,
	type ChangeKind,
	type DocumentHistory,
	type HistoryEntry,
	type HistoryOptions,
	type HistoryReader
} from './history.js';
export { taskChanges, taskHistory, type TaskChange, type TaskChangeKind } from './plan-history.js';
export type {
	DocumentAppend,
	DocumentEntry,
	DocumentPoint,
	DocumentState,
	DocumentStore,
	SynchronousAppend
} from './document-store.js';
export { sqliteDocumentStore, type SqliteDocumentStore } from './sqlite-documents.js';
export { applyStoredState, docFromStored, type StoredState } from './stored.js';
export { readStoredBoard, type StoredBoard } from './stored-board.js';
export { coalesceChanges, meetingChanges, type MeetingChange } from './meeting-record.js';
export { openDeadlines, type DeadlineRole, type OpenDeadline } from './open-deadlines.js';
export { DocumentCache, storedVersion, type CacheStats } from './document-cache.js';
export {
	concernsOf,
	NOTIFY_DUE_DAYS,
	RECENT_DAYS,
	type Concern,
	type ConcernKind,
	type ConcernTask,
	type ConcernsOptions
} from './due.js';

export { openStore, type OpenStoreOptions, type Store } from './open.js';
export { StoreError, type StoreErrorCode } from './errors.js';
export { migrate, migrations, SCHEMA_VERSION, type Migration } from './migrations.js';
export type { User, UserRole, UsersRepo, CreateUserInput, UpdateUserInput } from './users.js';
export type { SessionRecord, SessionsRepo } from './sessions.js';
export type { Plan, PlanSummary, PlanAgency, PlansRepo } from './plans.js';
export type {
	AppendUpdateInput,
	LoadedDocument,
	UpdateHistoryEntry,
	UpdateLog
} from './updates.js';
export { isShareLinkActive, type ShareLink, type ShareLinksRepo } from './share-links.js';
export type { AuditEntry, AuditLog } from './audit.js';
export type { AgenciesRepo, AddAgencyInput } from './agencies.js';
export { DirectoryError, MAX_NAME_LENGTH } from './agency-rules.js';
export type { Maintenance } from './maintenance.js';
export type { MeetingMinutes, MinutesRepo } from './minutes.js';
export type { CalendarFeed, CalendarFeedsRepo } from './calendar-feeds.js';
export type { NotificationsRepo } from './notifications.js';
export type { LeasesRepo } from './leases.js';
export { copyStore } from './copy.js';
export { TABLES, type TableName } from './tables.js';
export type { Row, TransferRepo } from './transfer.js';

export { agenciesMap, readAgencies } from './agency.js';
export type { AgencyInfo, AgencyKind } from './agency.js';
export { agencyIdOf, initAgencyDoc } from './agency-doc.js';
export type { InitAgencyDocOptions } from './agency-doc.js';
export { assignmentsMap, cardHolders, readAssignments } from './assignments.js';
export { cardNotesText, cardsMap, compareCards, readCard, readCards } from './card.js';
export type { Card, ChecklistItem, EvidenceLink, Figure, UpdateEntry, Workflow } from './card.js';
export { clampProgress, deleteCard, restoreCard, setProgress, setStatus } from './card-ops.js';
export type { CardOptions } from './card-ops.js';
export {
	addChecklistItem,
	moveChecklistItem,
	removeChecklistItem,
	setChecklistItemText,
	toggleChecklistItem
} from './checklist.js';
export {
	contributionText,
	contributionTextName,
	contributionsMap,
	readContributions,
	setContributionDone
} from './contribution.js';
export type { Contribution } from './contribution.js';
export { addEvidence, removeEvidence } from './evidence.js';
export { checkEvidenceUrl, safeEvidenceUrl } from './evidence-url.js';
export { removeFigure, setFigure } from './figure.js';
export { handOverTask, inheritedEntries, readCardHandover } from './handover.js';
export type { CardHandover, HandOverOptions } from './handover.js';
export { isCardOpen } from './handover-mark.js';
export type { HandoverMark } from './handover-mark.js';
export { asAgencyId, asPlanId, asTaskId, newId } from './ids.js';
export type { AgencyId, PlanId, TaskId } from './ids.js';
export { agencyDocName, isDocId, parseDocName, planDocName, type DocName } from './doc-names.js';
export { DUE_IN_LABELS, dueInLabel, FIELD_LABELS, statusLabel, timelinessLabel } from './labels.js';
export type { Lang } from './labels.js';
export { nameDoc, reportMalformed, setMalformedReporter } from './malformed.js';
export type { MalformedEntry, MalformedReporter } from './malformed.js';
export { ROOT, docKind, isDocEmpty, metaMap, schemaVersionOf } from './meta.js';
export type { DocKind, WriteContext } from './meta.js';
export { CURRENT_SCHEMA_VERSION, MIGRATIONS, migrateDoc } from './migrations.js';
export type { MigrateResult, Migration } from './migrations.js';
export {
	MEETING_ROOT,
	agendaIndexAt,
	endMeeting,
	meetingMap,
	newAgendaItem,
	readMeeting,
	recordParticipant,
	setAgenda,
	setCurrentItem,
	setMeetingPlace,
	setPresenter,
	startMeeting
} from './meeting.js';
export type {
	AgendaItem,
	AgendaKind,
	Meeting,
	MeetingParticipant,
	MeetingPerson,
	MeetingStep,
	StartMeetingOptions
} from './meeting.js';
export { addMilestone, milestonesMap, readMilestones, removeMilestone } from './milestone.js';
export type { Milestone } from './milestone.js';
export { columnOf, moveCard } from './move.js';
export type { MoveCardOptions } from './move.js';
export { compareKeys, compareOrdered } from './order.js';
export type { Ordered } from './order.js';
export { initPlanDoc, validateSeed } from './plan-doc.js';
export type { BoardSeed } from './plan-doc.js';
export {
	addSection,
	addTask,
	deleteTask,
	mergeTasks,
	moveSection,
	moveTask,
	planUndoManager,
	renameSection,
	restoreTask,
	splitTask
} from './plan-edit.js';
export type {
	AddSectionOptions,
	AddTaskOptions,
	EditContext,
	MoveTaskOptions,
	SplitTaskOptions
} from './plan-edit.js';
export { planMap, readPlanMeta } from './plan-meta.js';
export { createLinkedCards } from './plan-undo.js';
export type { LinkedCard } from './plan-undo.js';
export type { PlanMeta } from './plan-meta.js';
export {
	PROPOSAL_KINDS,
	acceptProposal,
	declineProposal,
	propose,
	readProposals,
	splitTaskId
} from './proposal.js';
export type {
	DecideOptions,
	Proposal,
	ProposalDecision,
	ProposalKind,
	ProposalStatus,
	ProposeOptions
} from './proposal.js';
export {
	MAX_ROUND_TITLE,
	closeRound,
	openRound,
	readRound,
	readRounds,
	suggestedRounds
} from './report-round.js';
export type {
	OpenRoundOptions,
	ReportRound,
	RoundClosure,
	SuggestedRound
} from './report-round.js';
export {
	draftReport,
	isLate,
	readSubmission,
	readSubmissions,
	roundStatus,
	stampSubmissions,
	submissionsMap,
	submitReport
} from './report-submission.js';
export type {
	ReportDraft,
	ReportRow,
	ReportSubmission,
	RoundAgencyState,
	RoundAgencyStatus,
	SubmitReportOptions
} from './report-submission.js';
export { rollupProgress } from './rollup.js';
export type { Rollup } from './rollup.js';
export { readSections, sectionsMap } from './section.js';
export type { Section, SectionInput } from './section.js';
export { childShape, keyProblem, rootShape, shapeType } from './shape.js';
export type { Shape } from './shape.js';
export { STATUSES, isStatus, statusRank } from './status.js';
export type { Status } from './status.js';
export {
	readTask,
	readTasks,
	taskContentText,
	taskTitleText,
	tasksMap,
	updateTask
} from './task.js';
export type { Task, TaskDeletion, TaskInput, TaskKind, UpdateTaskOptions } from './task.js';
export { replaceText, textDiff } from './text-diff.js';
export { DUE_SOON_DAYS, TIMELINESS, dayNumber, isIsoDate, timeliness } from './timeliness.js';
export type { Timeliness, TimelinessInput } from './timeliness.js';
export {
	VIETNAM_TIME_ZONE,
	endOfVietnamDay,
	formatDmy,
	startOfVietnamDay,
	todayInVietnam,
	vietnamClock,
	vietnamDate
} from './vietnam-time.js';
export { addUpdateEntry } from './update-entry.js';

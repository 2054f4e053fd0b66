/**
 * Officers propose, coordinators decide. An officer cannot write the plan document (the server
 * opens it read-only for them), but may propose a change to a task their agency leads: a new
 * due date, an extra coordinating agency, or a split into two tasks. Coordinators accept (the
 * change is applied with the plan-edit operations) or decline with a reason.
 *
 * - **Where a proposal lives.** In the proposing agency's own document (`proposals`, keyed by a
 *   random id): its officers can write it, offline too, and everyone who reads that document
 *   sees it live. A proposal can therefore only ever be made by the agency whose document holds
 *   it: the server's per-document rule refuses an officer's write to another agency's document.
 * - **Where a decision lives.** In the plan document (`proposalDecisions`), which only
 *   coordinators and admins write. Officers write their own agency document, so a decision kept
 *   there could be forged by the proposer; in the plan it is as trustworthy as the plan itself.
 *   Readers join the two: a proposal's status comes from the plan, never from the agency.
 * - **Accepting is one plan transaction**: the change and the decision are written together
 *   under the coordinator's origin, so the plan never shows one without the other, and undo
 *   (`planUndoManager` tracks the decisions too) reverts both, reopening the proposal.
 * - **Accept and decline at once** (two coordinators): each decision has its own key
 *   (`<agency>/<proposal>/accepted` and `/declined`), so both survive the merge, and every
 *   replica reads the same single decision: accepted wins, because its change is in the plan.
 *   The concurrent decline stays readable (`overruled`). Two concurrent accepts apply the same
 *   change: a due date or a coordinating list written twice with the same value; a split
 *   creates its new task under an id derived from the proposal, so the merge keeps one task.
 * - **A proposal about a task its agency does not lead** (written by a modified client, or left
 *   open when the task was handed over or deleted) is not shown and cannot be accepted; readers
 *   skip it and report it like any malformed entry. Decided proposals stay readable as history.
 *   The server checks a proposal's shape (shape.ts) but not the lead, on purpose: an officer who
 *   proposed offline while a coordinator handed the task over would otherwise have the whole
 *   offline batch refused, and re-sent on every reconnect. The rule is decided from the plan on
 *   every replica, as handovers are (handover.ts), so ignoring is as safe as refusing.
 */
import * as Y from 'yjs';
import { agencyIdOf } from './agency-doc.js';
import { readAgencies } from './agency.js';
import { isId, newId, type AgencyId, type TaskId } from './ids.js';
import { isInstant, isRecord, reportMalformed, typeOf } from './malformed.js';
import { ROOT, assertKind, type WriteContext } from './meta.js';
import { splitTask } from './plan-edit.js';
import { readTask, updateTask } from './task.js';
import { isIsoDate } from './timeliness.js';

export const PROPOSAL_KINDS = ['due', 'coordinating', 'split'] as const;
/** 'due': value is the new due date; 'coordinating': an agency id; 'split': the new task's title. */
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export type ProposalStatus = 'open' | 'accepted' | 'declined';

const MAX_VALUE = 500;
const MAX_NOTE = 2000;

/** A coordinator's decision, as stored in the plan document. */
export interface ProposalDecision {
	status: 'accepted' | 'declined';
	by: string | null;
	byName: string;
	at: number;
	/** Why it was declined; empty for an acceptance. */
	reason: string;
}

export interface Proposal {
	id: string;
	agencyId: AgencyId;
	taskId: TaskId;
	kind: ProposalKind;
	value: string;
	note: string;
	/** User id and display name of the proposing officer. */
	by: string;
	byName: string;
	at: number;
	status: ProposalStatus;
	/** The decision that counts; null while open. */
	decision: ProposalDecision | null;
	/** A decline written concurrently with the acceptance that won over it. */
	overruled: ProposalDecision | null;
}

/** Why a stored proposal value does not fit, or null. Shared by the readers and the server. */
export function proposalProblem(v: unknown): string | null {
	if (!isRecord(v)) return 'not a proposal record';
	if (!isId(v.taskId)) return 'taskId is not an id';
	if (!(PROPOSAL_KINDS as readonly unknown[]).includes(v.kind)) return 'unknown kind';
	if (typeof v.value !== 'string' || v.value.length > MAX_VALUE) return 'value is not a string';
	if (v.kind === 'due' && !isIsoDate(v.value)) return 'due value is not YYYY-MM-DD';
	if (v.kind === 'coordinating' && !isId(v.value)) return 'coordinating value is not an id';
	if (v.kind === 'split' && !v.value.trim()) return 'split value is empty';
	if (typeof v.note !== 'string' || v.note.length > MAX_NOTE) return 'note is not a string';
	if (typeof v.by !== 'string' || typeof v.byName !== 'string') return 'author is not a string';
	if (!isInstant(v.at)) return 'at is not a time';
	return null;
}

/** Why a stored decision value does not fit, or null. */
export function decisionProblem(v: unknown): string | null {
	if (!isRecord(v)) return 'not a decision record';
	if (!isId(v.agency) || !isId(v.proposal)) return 'agency or proposal is not an id';
	if (v.status !== 'accepted' && v.status !== 'declined') return 'unknown status';
	if (v.by !== null && typeof v.by !== 'string') return 'by is not a string';
	if (typeof v.byName !== 'string' || typeof v.reason !== 'string') return 'text is not a string';
	if (v.reason.length > MAX_NOTE) return 'reason too long';
	if (!isInstant(v.at)) return 'at is not a time';
	return null;
}

/** The key of a decision in the plan's `proposalDecisions`; '/' never occurs inside an id. */
export function decisionKey(agency: string, proposal: string, status: string): string {
	return `${agency}/${proposal}/${status}`;
}

/** True for a string shaped as `decisionKey` builds it. */
export function isDecisionKey(key: string): boolean {
	const parts = key.split('/');
	return (
		parts.length === 3 &&
		isId(parts[0]) &&
		isId(parts[1]) &&
		(parts[2] === 'accepted' || parts[2] === 'declined')
	);
}

export function proposalsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>(ROOT.proposals);
}

export function decisionsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>(ROOT.proposalDecisions);
}

function readDecision(
	plan: Y.Doc,
	agency: string,
	proposal: string,
	status: 'accepted' | 'declined'
): ProposalDecision | null {
	const key = decisionKey(agency, proposal, status);
	const v = decisionsMap(plan).get(key);
	if (v === undefined) return null;
	const problem = decisionProblem(v);
	if (
		problem ||
		!isRecord(v) ||
		v.agency !== agency ||
		v.proposal !== proposal ||
		v.status !== status
	) {
		reportMalformed(plan, `${ROOT.proposalDecisions}/${key}`, problem ?? 'does not match its key');
		return null;
	}
	return {
		status,
		by: v.by as string | null,
		byName: v.byName as string,
		at: v.at as number,
		reason: v.reason as string
	};
}

/**
 * The proposals of one agency document joined with the plan's decisions, oldest first. Total:
 * a malformed entry, or an open one about a task the agency does not lead, is skipped and
 * reported. `taskId` narrows to one task's proposals.
 */
export function readProposals(options: {
	plan: Y.Doc;
	agency: Y.Doc;
	taskId?: string;
}): Proposal[] {
	const { plan, agency } = options;
	const agencyId = agencyIdOf(agency);
	if (!agencyId) return [];
	const out: Proposal[] = [];
	for (const [id, v] of proposalsMap(agency).entries()) {
		const where = `${ROOT.proposals}/${id}`;
		const problem = isId(id) ? proposalProblem(v) : 'not an id';
		if (problem || !isRecord(v)) {
			reportMalformed(agency, where, problem ?? `not a record: ${typeOf(v)}`);
			continue;
		}
		if (options.taskId !== undefined && v.taskId !== options.taskId) continue;
		const accepted = readDecision(plan, agencyId, id, 'accepted');
		const declined = readDecision(plan, agencyId, id, 'declined');
		const decision = accepted ?? declined;
		if (!decision) {
			const task = readTask(plan, v.taskId as TaskId);
			if (!task || task.deleted || !task.lead.includes(agencyId)) {
				reportMalformed(agency, where, 'an open proposal about a task this agency does not lead');
				continue;
			}
		}
		out.push({
			id,
			agencyId,
			taskId: v.taskId as TaskId,
			kind: v.kind as ProposalKind,
			value: v.value as string,
			note: v.note as string,
			by: v.by as string,
			byName: v.byName as string,
			at: v.at as number,
			status: decision?.status ?? 'open',
			decision,
			overruled: accepted ? declined : null
		});
	}
	return out.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface ProposeOptions extends WriteContext {
	plan: Y.Doc;
	/** The proposing agency's document (the officer's own). */
	agency: Y.Doc;
	taskId: TaskId;
	kind: ProposalKind;
	value: string;
	note?: string;
	byName: string;
	id?: string;
}

/** Records a proposal in the agency's document; returns its id. */
export function propose(options: ProposeOptions): string {
	const { plan, agency } = options;
	assertKind(plan, 'plan');
	assertKind(agency, 'agency');
	const agencyId = agencyIdOf(agency);
	const task = readTask(plan, options.taskId);
	if (!agencyId || !task || task.deleted || !task.lead.includes(agencyId)) {
		throw new Error(`Agency ${agencyId} does not lead task ${options.taskId}`);
	}
	const id = options.id ?? newId();
	const record = {
		taskId: options.taskId,
		kind: options.kind,
		value: options.value.trim(),
		note: (options.note ?? '').trim(),
		by: options.by ?? '',
		byName: options.byName,
		at: options.at ?? Date.now()
	};
	const problem = isId(id) ? proposalProblem(record) : 'not an id';
	if (problem) throw new RangeError(`Invalid proposal: ${problem}`);
	agency.transact(() => proposalsMap(agency).set(id, record));
	return id;
}

export interface DecideOptions extends WriteContext {
	plan: Y.Doc;
	/** The proposing agency's document (read only: decisions are written to the plan). */
	agency: Y.Doc;
	proposalId: string;
	/** The coordinator's display name, shown with the decision. */
	byName: string;
	/** Transaction origin of the plan write (per-user undo). */
	origin?: unknown;
}

function openProposal(options: DecideOptions): Proposal {
	assertKind(options.plan, 'plan');
	const found = readProposals({ plan: options.plan, agency: options.agency }).find(
		(p) => p.id === options.proposalId
	);
	if (!found) throw new Error(`No proposal ${options.proposalId} to decide`);
	if (found.status !== 'open') throw new Error(`Proposal ${options.proposalId} is ${found.status}`);
	return found;
}

function writeDecision(
	options: DecideOptions,
	p: Proposal,
	status: 'accepted' | 'declined',
	reason: string
): void {
	decisionsMap(options.plan).set(decisionKey(p.agencyId, p.id, status), {
		agency: p.agencyId,
		proposal: p.id,
		status,
		by: options.by ?? null,
		byName: options.byName,
		at: options.at ?? Date.now(),
		reason
	});
}

/** The id a split proposal's new task gets: the same on every replica that accepts it. */
export function splitTaskId(p: Pick<Proposal, 'agencyId' | 'id'>): TaskId {
	return `${p.agencyId}-${p.id}`.slice(0, 128) as TaskId;
}

/**
 * Applies an open proposal to the plan and records the acceptance, in one transaction. Returns
 * the id of the task a split created (the caller creates its leads' cards, as for `addTask`).
 */
export function acceptProposal(options: DecideOptions): { createdTaskId: TaskId | null } {
	const { plan } = options;
	const p = openProposal(options);
	const ctx = { by: options.by, at: options.at, origin: options.origin };
	let createdTaskId: TaskId | null = null;
	if (p.kind === 'coordinating' && !readAgencies(plan).some((a) => a.id === p.value)) {
		throw new Error(`No agency ${p.value} in this plan`);
	}
	plan.transact(() => {
		const task = readTask(plan, p.taskId);
		if (!task) throw new Error(`No task ${p.taskId} in this plan`);
		if (p.kind === 'due') updateTask(plan, { taskId: p.taskId, due: p.value, ...ctx });
		else if (p.kind === 'coordinating') {
			const agency = p.value as AgencyId;
			if (!task.lead.includes(agency) && !task.coordinating.includes(agency)) {
				updateTask(plan, {
					taskId: p.taskId,
					coordinating: [...task.coordinating, agency],
					...ctx
				});
			}
		} else {
			createdTaskId = splitTask(plan, {
				taskId: p.taskId,
				title: p.value,
				id: splitTaskId(p),
				...ctx
			});
		}
		writeDecision(options, p, 'accepted', '');
	}, options.origin ?? null);
	return { createdTaskId };
}

/** Declines an open proposal; the reason is required and shown to the proposer. */
export function declineProposal(options: DecideOptions & { reason: string }): void {
	const reason = options.reason.trim();
	if (!reason) throw new RangeError('A decline needs a reason');
	if (reason.length > MAX_NOTE) throw new RangeError('The reason is too long');
	const p = openProposal(options);
	options.plan.transact(
		() => writeDecision(options, p, 'declined', reason),
		options.origin ?? null
	);
}

/**
 * Handing a task to another lead agency. A task's execution state lives in its lead's agency
 * document, so a handover writes three documents: the plan (the task's `lead`), the old lead's
 * card (marked `handedOverTo`, kept with everything on it) and the new lead's card (created with
 * the status and progress carried over, marked `handedOverFrom`, with an update entry saying
 * so). The three writes reach the server separately and may arrive in any order, or twice.
 *
 * Consistency is decided when reading, from the plan alone, so no repair write is needed and
 * every replica decides the same way: a card that took part in a handover (either marker) is
 * open exactly when its agency is among the task's current leads in the plan. Cards that never
 * took part in one (the plan's own fan-out) are untouched by the rule.
 *
 * - **Two coordinators reassign at once** (S to X and S to Y): a handover replaces the plan's
 *   `lead` list whole (one map key; other lead edits merge entry by entry, id-list.ts), so the
 *   merge keeps one of the two writes on every replica (deterministic: Yjs orders
 *   concurrent writes by client id). Both X and Y got a card marked `handedOverFrom`; only the
 *   winner's agency is a lead, so exactly one card is open and the other reads as superseded.
 *   S's card is closed (its agency is no lead), whichever `handedOverTo` it kept.
 * - **An officer of the old lead edits the card offline** meanwhile: the edit merges into the
 *   old card and stays readable there (the card is closed, not deleted). The new card's history
 *   shows it too: `inheritedEntries` lists the old card's update entries on every read, so
 *   nothing written by the old lead is lost and nothing is copied twice by racing clients.
 * - **Handing back** (X to S later): S's card becomes open again by the same rule.
 */
import * as Y from 'yjs';
import { applyStatus, restoreCard } from './card-ops.js';
import { cardMap, cardPart, readCard, touch, type UpdateEntry } from './card.js';
import { newId, type AgencyId, type TaskId } from './ids.js';
import { newIdList, readIdList, writeIdList } from './id-list.js';
import { isCardOpen, readHandoverMark, type HandoverMark } from './handover-mark.js';
import { assertKind, type WriteContext } from './meta.js';
import { agencyIdOf } from './agency-doc.js';
import { statusLabel } from './labels.js';
import { taskMap } from './task.js';

export interface HandOverOptions extends WriteContext {
	plan: Y.Doc;
	/** The old lead's agency document. */
	from: Y.Doc;
	/** The new lead's agency document. */
	to: Y.Doc;
	taskId: TaskId;
	/** Shown in the new card's update entry. */
	authorName: string;
	/** Transaction origin of the plan write (per-user undo). */
	origin?: unknown;
}

/** Hands a task from the `from` agency to the `to` agency (see the module comment). */
export function handOverTask(options: HandOverOptions): void {
	const { plan, from, to, taskId, authorName } = options;
	assertKind(plan, 'plan');
	assertKind(from, 'agency');
	assertKind(to, 'agency');
	const fromId = agencyIdOf(from);
	const toId = agencyIdOf(to);
	if (!fromId || !toId || fromId === toId) throw new Error('Hand over between two agencies');
	const at = options.at ?? Date.now();
	const by = options.by ?? null;
	const task = taskMap(plan, taskId);
	const old = readCard(from, taskId);
	plan.transact(() => {
		const lead = (readIdList(task.get('lead')) ?? []).filter((a) => a !== fromId);
		if (!lead.includes(toId)) lead.push(toId);
		// A new list replacing the old one, not a difference: of two concurrent handovers one
		// replacement wins whole, so the task keeps exactly one lead (see above).
		task.set('lead', newIdList(lead));
		const coordinating = readIdList(task.get('coordinating')) ?? [];
		if (coordinating.includes(toId)) {
			writeIdList(
				task,
				'coordinating',
				coordinating.filter((a) => a !== toId)
			);
		}
		task.set('updatedAt', at);
		task.set('updatedBy', by);
	}, options.origin ?? null);
	if (old) {
		from.transact(() => {
			const card = cardMap(from, taskId);
			card.set('handedOverTo', { agency: toId, at, by } satisfies HandoverMark);
			touch(card, { at, by: by ?? undefined });
		});
	}
	restoreCard(to, { taskId, at, by: by ?? undefined });
	to.transact(() => {
		const card = cardMap(to, taskId);
		card.set('handedOverFrom', { agency: fromId, at, by } satisfies HandoverMark);
		if (old) {
			applyStatus(card, old.status, { at, by: by ?? undefined });
			card.set('progress', old.progress);
		}
		const updates = cardPart(card, 'updates', Y.Array) as Y.Array<UpdateEntry>;
		updates.push([
			{
				id: newId(),
				at,
				authorId: by ?? '',
				authorName,
				text: `Nhận bàn giao nhiệm vụ từ ${fromId}${old ? ` (${statusLabel(old.status, 'vi')}, ${old.progress}%)` : ''}`
			}
		]);
	});
}

/** A card's handover state, as every replica reads it. */
export interface CardHandover {
	handedOverTo: HandoverMark | null;
	handedOverFrom: HandoverMark | null;
	/** False for a card closed by a handover (or superseded by a concurrent one). */
	open: boolean;
	/** The task's current leads: on a closed card, whom the task went to. */
	leads: AgencyId[];
}

/** Null when the agency has no card for the task. */
export function readCardHandover(options: {
	plan: Y.Doc;
	agency: Y.Doc;
	taskId: TaskId;
}): CardHandover | null {
	const { plan, agency, taskId } = options;
	const card: unknown = agency.getMap('cards').get(taskId);
	if (!(card instanceof Y.Map)) return null;
	const agencyId = agencyIdOf(agency);
	let leads: AgencyId[] = [];
	const task: unknown = plan.getMap('tasks').get(taskId);
	if (task instanceof Y.Map) leads = (readIdList(task.get('lead')) ?? []) as AgencyId[];
	const handedOverTo = readHandoverMark(card.get('handedOverTo'));
	const handedOverFrom = readHandoverMark(card.get('handedOverFrom'));
	return {
		handedOverTo,
		handedOverFrom,
		open: isCardOpen({ agencyId: agencyId ?? '', card: { handedOverTo, handedOverFrom }, leads }),
		leads
	};
}

/**
 * The old lead's update entries, for the new card's history: all of them, including those an
 * officer wrote offline and synced after the handover (a wall-clock cut-off would drop an entry
 * written offline before the handover but delivered after it). Read from the old card on every
 * read rather than copied, so racing clients never copy an entry twice.
 */
export function inheritedEntries(options: { from: Y.Doc; taskId: TaskId }): UpdateEntry[] {
	return readCard(options.from, options.taskId)?.updates ?? [];
}

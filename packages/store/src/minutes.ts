import { toBuffer, toBytes } from './bytes.js';
import type { RepoContext } from './context.js';
import { guarded } from './context.js';
import { randomId } from './ids.js';

/**
 * The minutes of a meeting held on a board (Biên bản cuộc họp), kept with the board: the DOCX
 * as it was issued when the meeting ended, never rebuilt, so a later edit of the plan cannot
 * change what the minutes say. One per meeting: ending the same meeting twice keeps the first.
 */
export interface MeetingMinutes {
	id: string;
	planId: string;
	/** The meeting's id in the plan document. */
	meetingId: string;
	title: string;
	startedAt: Date;
	endedAt: Date;
	createdBy: string | null;
	createdAt: Date;
}

export interface MinutesRepo {
	/** Stores the minutes; returns the existing id when this meeting already has minutes. */
	create(input: {
		planId: string;
		meetingId: string;
		title: string;
		startedAt: Date;
		endedAt: Date;
		createdBy: string | null;
		docx: Uint8Array;
	}): { id: string; created: boolean };
	/** A plan's minutes, newest meeting first, without their files. */
	list(planId: string): MeetingMinutes[];
	/** One file, only within its plan (an id from another plan is not found). */
	file(input: { planId: string; id: string }): (MeetingMinutes & { docx: Uint8Array }) | null;
}

interface MinutesRow {
	id: string;
	plan_id: string;
	meeting_id: string;
	title: string;
	started_at: number;
	ended_at: number;
	created_by: string | null;
	created_at: number;
}

function toMinutes(row: MinutesRow): MeetingMinutes {
	return {
		id: row.id,
		planId: row.plan_id,
		meetingId: row.meeting_id,
		title: row.title,
		startedAt: new Date(row.started_at),
		endedAt: new Date(row.ended_at),
		createdBy: row.created_by,
		createdAt: new Date(row.created_at)
	};
}

const COLUMNS = 'id, plan_id, meeting_id, title, started_at, ended_at, created_by, created_at';

export function createMinutesRepo(ctx: RepoContext): MinutesRepo {
	const { db } = ctx;
	const insert = db.prepare(
		`INSERT INTO meeting_minutes (${COLUMNS}, docx) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (plan_id, meeting_id) DO NOTHING`
	);
	const byMeeting = db.prepare<[string, string], { id: string }>(
		'SELECT id FROM meeting_minutes WHERE plan_id = ? AND meeting_id = ?'
	);
	const ofPlan = db.prepare<[string], MinutesRow>(
		`SELECT ${COLUMNS} FROM meeting_minutes WHERE plan_id = ? ORDER BY started_at DESC, id`
	);
	const one = db.prepare<[string, string], MinutesRow & { docx: Buffer }>(
		`SELECT ${COLUMNS}, docx FROM meeting_minutes WHERE plan_id = ? AND id = ?`
	);
	return {
		create(input) {
			const id = randomId();
			const changes = guarded(
				ctx,
				() =>
					insert.run(
						id,
						input.planId,
						input.meetingId,
						input.title,
						input.startedAt.getTime(),
						input.endedAt.getTime(),
						input.createdBy,
						ctx.now(),
						toBuffer(input.docx)
					).changes
			);
			if (changes > 0) return { id, created: true };
			return { id: byMeeting.get(input.planId, input.meetingId)!.id, created: false };
		},
		list: (planId) => ofPlan.all(planId).map(toMinutes),
		file({ planId, id }) {
			const row = one.get(planId, id);
			return row ? { ...toMinutes(row), docx: toBytes(row.docx) } : null;
		}
	};
}

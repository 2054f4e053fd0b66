import { error } from '@sveltejs/kit';
import { documentAccess } from '@planboard/auth/access';
import { meetingChanges, readDocument, sqliteDocumentStore } from '@planboard/boards';
import { planDocName, readAgencies, readMeeting } from '@planboard/model';
import { minutesSubject, toMinutesDocx } from '@planboard/report';
import type { MeetingMinutes, User } from '@planboard/store';
import { runtime } from './runtime';

/**
 * Who may read a board's minutes: as for the exports (apps/web/.../export), officers are left
 * out, since minutes carry every agency's changes.
 */
const READERS: ReadonlySet<string> = new Set(['admin', 'coordinator', 'viewer']);

export function requireMinutesReader(user: User): void {
	if (!READERS.has(user.role))
		error(403, { message: 'Tài khoản của bạn không được xem biên bản cuộc họp.' });
}

/** The minutes as the list on the board shows them. */
export function publicMinutes(m: MeetingMinutes) {
	return {
		id: m.id,
		meetingId: m.meetingId,
		title: m.title,
		startedAt: m.startedAt.toISOString(),
		endedAt: m.endedAt.toISOString()
	};
}

/**
 * Ends the meeting `meetingId` of a plan on the server's side: reads the plan document as stored
 * (what the sync server acknowledged), the changes made since the meeting started from the
 * stored history, and stores the minutes. Whoever may write the plan document may end it (the
 * same rule as the sync server's); the client then clears the meeting from the document.
 * Ending an already ended meeting returns the minutes issued first.
 */
export async function issueMinutes(options: {
	user: User;
	planId: string;
	meetingId: string;
}): Promise<{ minutes: MeetingMinutes; created: boolean }> {
	const { user, planId, meetingId } = options;
	const { store, log } = runtime();
	if (!store.plans.get(planId)) error(404, { message: 'Không tìm thấy kế hoạch.' });
	const name = planDocName(planId);
	if (documentAccess({ user, document: name }) !== 'write')
		error(403, { message: 'Chỉ điều phối viên của kế hoạch mới kết thúc được cuộc họp.' });
	const existing = store.minutes.list(planId).find((m) => m.meetingId === meetingId);
	if (existing) return { minutes: existing, created: false };
	const plan = readDocument(store, name);
	try {
		const meeting = readMeeting(plan);
		if (!meeting || meeting.id !== meetingId)
			error(409, { message: 'Cuộc họp này không còn diễn ra trên bảng.' });
		const endedAt = Date.now();
		const agencyIds = readAgencies(plan)
			.filter((a) => a.kind !== 'group')
			.map((a) => a.id as string);
		const changes = await meetingChanges(
			{ documents: sqliteDocumentStore(store), users: store.users },
			{ planId, agencyIds, from: new Date(meeting.startedAt), to: new Date(endedAt) }
		);
		const chair =
			(meeting.startedBy ? store.users.get(meeting.startedBy)?.displayName : undefined) ??
			meeting.presenter?.name ??
			user.displayName;
		const docx = toMinutesDocx({
			plan,
			meeting,
			endedAt,
			changes,
			chair,
			secretary: user.displayName
		});
		const { id, created } = store.minutes.create({
			planId,
			meetingId,
			title: `Biên bản ${minutesSubject(plan)}`,
			startedAt: new Date(meeting.startedAt),
			endedAt: new Date(endedAt),
			createdBy: user.id,
			docx
		});
		log.info('meeting.minutes', {
			plan: planId,
			meeting: meetingId,
			user: user.username,
			changes: changes.length
		});
		const minutes = store.minutes.list(planId).find((m) => m.id === id)!;
		return { minutes, created };
	} finally {
		plan.destroy();
	}
}

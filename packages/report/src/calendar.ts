import ical from 'ical-generator';
import { openDeadlines } from '@planboard/boards/open-deadlines';
import { VIETNAM_TIME_ZONE, statusLabel, vietnamDate, type AgencyId } from '@planboard/model';
import type { BoardData } from './board.js';
import { boardProgress } from './rows.js';

/** A board in a calendar, with the address its events link to. */
export interface CalendarBoard {
	board: BoardData;
	/** The board page, absolute (calendar clients open it from the event). */
	url: string;
}

export interface CalendarOptions {
	/** Shown by the calendar client as the calendar's name. */
	name: string;
	boards: readonly CalendarBoard[];
	/**
	 * Only this agency's open, due tasks (packages/boards `openDeadlines`, the rule the bell and
	 * the daily email follow): its own open assignments, and the tasks it coordinates while a
	 * lead's part is open; every task with an open assignment when null (coordinators, leaders).
	 */
	agencyId: string | null;
	/** DTSTAMP of every event; now by default. */
	now?: Date;
}

/**
 * An ICS calendar (RFC 5545) of the tasks' due dates and the plans' reporting deadlines (the
 * open reporting rounds asking the agency, and the milestones no round was opened from), as
 * all-day events in Vietnamese. Which tasks are the agency's is `openDeadlines`' rule, judged on
 * the Vietnam day of `now`: a task whose assignments are all done, and a deleted task, have no
 * event. Event ids are stable per plan and task, so a client updates an event whose date moved
 * instead of adding a second one.
 */
export function toCalendar(options: CalendarOptions): string {
	const now = options.now ?? new Date();
	const calendar = ical({
		name: options.name,
		prodId: { company: 'Planboard', product: 'Planboard', language: 'VI' },
		// All-day dates are written as they are (no TZID); the zone tells clients whose days they are.
		x: [['X-WR-TIMEZONE', VIETNAM_TIME_ZONE]]
	});
	for (const { board, url } of options.boards) {
		const agencies = new Map(board.agencies.map((a) => [a.id as string, a]));
		const names = (ids: readonly string[]) =>
			ids.map((id) => agencies.get(id)?.name ?? id).join('; ') || '—';
		const progress = boardProgress(board, vietnamDate(now.getTime()));
		for (const { task, role, open } of openDeadlines({
			progress,
			agencies: board.agencies,
			agencyId: options.agencyId
		})) {
			const status = open.length === 1 ? statusLabel(open[0].state.status, 'vi') : null;
			calendar.createEvent({
				id: `${board.planId}.task.${task.id}@planboard`,
				stamp: now,
				start: dayStart(task.due),
				allDay: true,
				summary: `Hạn: ${task.number} ${task.title}${role === 'coordinating' ? ' (phối hợp)' : ''}`,
				description: [
					`Kế hoạch: ${board.meta.title}`,
					`Chủ trì: ${names(task.lead)}`,
					`Phối hợp: ${names(task.coordinating)}`,
					task.timeframe ? `Thời gian: ${task.timeframe}` : null,
					status ? `Trạng thái: ${status}` : null
				]
					.filter((line): line is string => line !== null)
					.join('\n'),
				url
			});
		}
		// A round opened from a milestone replaces it: its due date is the one that counts.
		const confirmed = new Set(board.rounds.map((r) => r.milestoneId));
		for (const round of board.rounds) {
			if (round.closed) continue;
			if (options.agencyId !== null && !round.agencies.includes(options.agencyId as AgencyId))
				continue;
			calendar.createEvent({
				id: `${board.planId}.round.${round.id}@planboard`,
				stamp: now,
				start: dayStart(round.due),
				allDay: true,
				summary: `Báo cáo: ${round.title}`,
				description: [
					`Kế hoạch: ${board.meta.title}`,
					`Đơn vị báo cáo: ${names(round.agencies)}`
				].join('\n'),
				url: `${url}/reports`
			});
		}
		for (const milestone of board.milestones) {
			if (confirmed.has(milestone.id)) continue;
			calendar.createEvent({
				id: `${board.planId}.milestone.${milestone.id}@planboard`,
				stamp: now,
				start: dayStart(milestone.date),
				allDay: true,
				summary: `Báo cáo: ${milestone.text}`,
				description: `Kế hoạch: ${board.meta.title}`,
				url
			});
		}
	}
	return calendar.toString();
}

/**
 * A calendar day as the instant ical-generator writes back as that day: with no calendar time
 * zone set it formats all-day dates from their UTC fields, whatever the server's own zone.
 */
function dayStart(date: string): Date {
	return new Date(`${date}T00:00:00Z`);
}

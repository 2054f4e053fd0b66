import ical from 'ical-generator';
import {
	VIETNAM_TIME_ZONE,
	statusLabel,
	type AgencyId,
	type AgencyInfo,
	type Task
} from '@planboard/model';
import type { BoardData } from './board.js';

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
	 * Only the tasks this agency leads (directly or through a group it belongs to) or
	 * coordinates; every task when null (coordinators, leaders).
	 */
	agencyId: string | null;
	/** DTSTAMP of every event; now by default. */
	now?: Date;
}

/**
 * An ICS calendar (RFC 5545) of the tasks' due dates and the plans' reporting deadlines (the
 * open reporting rounds asking the agency, and the milestones no round was opened from), as
 * all-day events in Vietnamese. A task every card of which is done, and a deleted task, have no
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
		for (const task of board.tasks) {
			if (!task.due || task.deleted) continue;
			const role = roleOf(task, options.agencyId, agencies);
			if (role === null) continue;
			const cards = board.cards.filter(
				(c) =>
					c.taskId === task.id &&
					(options.agencyId === null || role !== 'lead' || c.agencyId === options.agencyId)
			);
			if (cards.length > 0 && cards.every((c) => c.status === 'done')) continue;
			const status = cards.length === 1 ? statusLabel(cards[0].status, 'vi') : null;
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

/** How an agency takes part in a task, or null when it does not (null agency: everyone). */
function roleOf(
	task: Task,
	agencyId: string | null,
	agencies: ReadonlyMap<string, AgencyInfo>
): 'lead' | 'coordinating' | 'all' | null {
	if (agencyId === null) return 'all';
	const within = (ids: readonly string[]) =>
		ids.some(
			(id) => id === agencyId || (agencies.get(id)?.members ?? []).some((m) => m === agencyId)
		);
	if (within(task.lead)) return 'lead';
	if (within(task.coordinating)) return 'coordinating';
	return null;
}
